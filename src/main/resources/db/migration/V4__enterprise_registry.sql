-- 企业库: the enterprise database. Money in integer fen; dates in China time.
CREATE SCHEMA IF NOT EXISTS enterprise;

CREATE TABLE enterprise.enterprise (
    id                     uuid PRIMARY KEY,
    credit_code            char(18)     NOT NULL,
    -- why an operator accepted a pre-GB 32100 code that fails the check character; null for valid codes
    credit_code_exception  varchar(200),
    name                   varchar(100) NOT NULL,
    legal_form             varchar(30),
    registered_on          date,
    registered_capital_fen bigint CHECK (registered_capital_fen >= 0),
    town_code              varchar(12),
    address                varchar(200),
    industry_code          varchar(5),
    emerging_industries    varchar(20)[] NOT NULL DEFAULT '{}',
    headcount              int CHECK (headcount >= 0),
    invention_patents      int NOT NULL DEFAULT 0 CHECK (invention_patents >= 0),
    utility_patents        int NOT NULL DEFAULT 0 CHECK (utility_patents >= 0),
    design_patents         int NOT NULL DEFAULT 0 CHECK (design_patents >= 0),
    software_copyrights    int NOT NULL DEFAULT 0 CHECK (software_copyrights >= 0),
    trademarks             int NOT NULL DEFAULT 0 CHECK (trademarks >= 0),
    equity_funded          boolean NOT NULL DEFAULT false,
    stage_override         varchar(12) CHECK (stage_override IN ('SEED', 'START_UP', 'GROWTH', 'EXPANSION')),
    stage_override_reason  varchar(200),
    contact_name           varchar(50),
    contact_mobile         varchar(20),
    contact_email          varchar(100),
    organisation_id        uuid,
    source                 varchar(10)  NOT NULL CHECK (source IN ('REGISTERED', 'IMPORTED', 'DEMO')),
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);
CREATE UNIQUE INDEX enterprise_credit_code ON enterprise.enterprise (credit_code);
CREATE UNIQUE INDEX enterprise_organisation ON enterprise.enterprise (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX enterprise_town ON enterprise.enterprise (town_code);
CREATE INDEX enterprise_industry ON enterprise.enterprise (industry_code varchar_pattern_ops);
CREATE INDEX enterprise_name ON enterprise.enterprise (name varchar_pattern_ops);

-- Figures by year (营收、研发投入、研发人员), the latest year drives the lifecycle stage.
CREATE TABLE enterprise.yearly_figures (
    enterprise_id   uuid     NOT NULL REFERENCES enterprise.enterprise (id),
    year            smallint NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    revenue_fen     bigint CHECK (revenue_fen >= 0),
    rd_expense_fen  bigint CHECK (rd_expense_fen >= 0),
    rd_staff        int CHECK (rd_staff >= 0),
    PRIMARY KEY (enterprise_id, year)
);

-- Every change of a profile: who, when, which field, from what to what.
CREATE TABLE enterprise.profile_change (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id uuid         NOT NULL REFERENCES enterprise.enterprise (id),
    at            timestamptz  NOT NULL,
    actor         varchar(100) NOT NULL,
    field         varchar(50)  NOT NULL,
    old_value     varchar(500),
    new_value     varchar(500)
);
CREATE INDEX profile_change_enterprise ON enterprise.profile_change (enterprise_id, at DESC);

CREATE TABLE enterprise.attachment (
    id           uuid PRIMARY KEY,
    file_name    varchar(200) NOT NULL,
    content_type varchar(50)  NOT NULL,
    size_bytes   int          NOT NULL,
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    uploaded_by  varchar(100) NOT NULL
);

-- 资质/白名单: declared by the enterprise (or imported from an office's list), verified by government.
CREATE TABLE enterprise.qualification (
    id              uuid PRIMARY KEY,
    enterprise_id   uuid         NOT NULL REFERENCES enterprise.enterprise (id),
    kind            varchar(20)  NOT NULL,
    certificate_no  varchar(60),
    issuer          varchar(100),
    valid_from      date,
    valid_until     date,
    status          varchar(10)  NOT NULL CHECK (status IN ('DECLARED', 'VERIFIED', 'REJECTED')),
    source          varchar(10)  NOT NULL CHECK (source IN ('DECLARED', 'IMPORTED', 'DEMO')),
    attachment_id   uuid REFERENCES enterprise.attachment (id),
    declared_at     timestamptz  NOT NULL,
    declared_by     varchar(100) NOT NULL,
    reviewed_at     timestamptz,
    reviewed_by     varchar(100),
    review_reason   varchar(200),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX qualification_enterprise ON enterprise.qualification (enterprise_id);
CREATE INDEX qualification_kind_status ON enterprise.qualification (kind, status, valid_until);

-- 授权: an enterprise lets one institution, or every institution of a type, see its private profile.
CREATE TABLE enterprise.consent_grant (
    id                       uuid PRIMARY KEY,
    enterprise_id            uuid         NOT NULL REFERENCES enterprise.enterprise (id),
    grantee_organisation_id  uuid,
    grantee_institution_type varchar(20),
    purpose                  varchar(200) NOT NULL,
    valid_from               date         NOT NULL,
    valid_until              date         NOT NULL,
    granted_at               timestamptz  NOT NULL,
    granted_by               varchar(100) NOT NULL,
    revoked_at               timestamptz,
    revoked_by               varchar(100),
    CHECK ((grantee_organisation_id IS NULL) <> (grantee_institution_type IS NULL)),
    CHECK (valid_until >= valid_from)
);
CREATE INDEX consent_grant_enterprise ON enterprise.consent_grant (enterprise_id);
