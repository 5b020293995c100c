-- 金融顾问 / 一企一策: advisers named by institutions, enterprises' requests, government's assignments, the services
-- advisers log and the enterprises' ratings. Dates are China dates; the response clock runs from started_on (the
-- request's day, or the assignment's) to first_service_on, counted in working days by the application.
CREATE SCHEMA IF NOT EXISTS advisory;

CREATE TABLE advisory.adviser (
    id                  uuid PRIMARY KEY,
    institution_id      uuid          NOT NULL,
    institution_name    varchar(100)  NOT NULL,
    username            varchar(64)   NOT NULL,
    display_name        varchar(50)   NOT NULL,
    specialities        varchar(24)[] NOT NULL CHECK (cardinality(specialities) >= 1),
    phone               varchar(20)   NOT NULL,
    introduction        varchar(500),
    active              boolean       NOT NULL,
    named_by            varchar(64)   NOT NULL,
    named_at            timestamptz   NOT NULL
);
-- a person is one adviser, whatever happens to them later
CREATE UNIQUE INDEX adviser_once ON advisory.adviser (username);
CREATE INDEX adviser_institution ON advisory.adviser (institution_id);

CREATE TABLE advisory.request (
    id                      uuid PRIMARY KEY,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    enterprise_org_id       uuid          NOT NULL,
    town_code               varchar(12),
    industry_code           varchar(5),
    speciality              varchar(24)   NOT NULL,
    description             varchar(1000) NOT NULL,
    requested_by            varchar(64)   NOT NULL,
    requested_at            timestamptz   NOT NULL,
    requested_on            date          NOT NULL,
    status                  varchar(12)   NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'CANCELLED')),
    assignment_id           uuid,
    closed_at               timestamptz
);
-- one open request per enterprise and speciality
CREATE UNIQUE INDEX request_one_open ON advisory.request (enterprise_org_id, speciality) WHERE status = 'OPEN';
CREATE INDEX request_open ON advisory.request (requested_at) WHERE status = 'OPEN';

CREATE TABLE advisory.assignment (
    id                      uuid PRIMARY KEY,
    adviser_id              uuid          NOT NULL REFERENCES advisory.adviser (id),
    institution_id          uuid          NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    enterprise_org_id       uuid,
    town_code               varchar(12),
    industry_code           varchar(5),
    basis                   varchar(10)   NOT NULL CHECK (basis IN ('TOWN', 'INDUSTRY', 'REQUEST')),
    request_id              uuid REFERENCES advisory.request (id),
    started_on              date          NOT NULL,
    assigned_on             date          NOT NULL,
    assigned_by             varchar(64)   NOT NULL,
    assigned_at             timestamptz   NOT NULL,
    note                    varchar(500),
    status                  varchar(8)    NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    ended_at                timestamptz,
    first_service_on        date,
    row_version             int           NOT NULL DEFAULT 0,
    CHECK (started_on <= assigned_on),
    CHECK (first_service_on IS NULL OR first_service_on >= started_on),
    CHECK ((basis = 'REQUEST') = (request_id IS NOT NULL))
);
-- an adviser serves an enterprise under one live assignment at a time
CREATE UNIQUE INDEX assignment_once ON advisory.assignment (adviser_id, enterprise_credit_code) WHERE status = 'ACTIVE';
CREATE INDEX assignment_enterprise ON advisory.assignment (enterprise_org_id);
CREATE INDEX assignment_institution ON advisory.assignment (institution_id);
CREATE INDEX assignment_town ON advisory.assignment (town_code);

CREATE TABLE advisory.service (
    id                  uuid PRIMARY KEY,
    assignment_id       uuid          NOT NULL REFERENCES advisory.assignment (id),
    served_on           date          NOT NULL,
    type                varchar(20)   NOT NULL,
    summary             varchar(1000) NOT NULL,
    follow_ups          varchar(500),
    logged_by           varchar(64)   NOT NULL,
    logged_at           timestamptz   NOT NULL,
    rating              smallint CHECK (rating BETWEEN 1 AND 5),
    rating_comment      varchar(500),
    rated_by            varchar(64),
    rated_at            timestamptz,
    CHECK ((rating IS NULL) = (rated_at IS NULL))
);
CREATE INDEX service_assignment ON advisory.service (assignment_id, served_on);
