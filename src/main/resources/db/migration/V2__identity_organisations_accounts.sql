CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.organisation (
    id               uuid PRIMARY KEY,
    kind             varchar(20)  NOT NULL CHECK (kind IN ('ENTERPRISE', 'INSTITUTION', 'GOVERNMENT', 'OPERATOR')),
    institution_type varchar(20),
    name             varchar(100) NOT NULL,
    credit_code      char(18),
    status           varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    contact_name     varchar(50),
    contact_mobile   varchar(20),
    registered_at    timestamptz  NOT NULL,
    approved_at      timestamptz,
    approved_by      varchar(100),
    CHECK ((kind = 'INSTITUTION') = (institution_type IS NOT NULL))
);
CREATE UNIQUE INDEX organisation_credit_code ON identity.organisation (credit_code);
CREATE INDEX organisation_kind_status ON identity.organisation (kind, status);

CREATE TABLE identity.account (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid         NOT NULL REFERENCES identity.organisation (id),
    username            varchar(32)  NOT NULL,
    display_name        varchar(50)  NOT NULL,
    roles               varchar(100) NOT NULL,
    organisation_admin  boolean      NOT NULL,
    mobile              varchar(20),
    created_at          timestamptz  NOT NULL,
    password_hash       varchar(200) NOT NULL,
    password_changed_at timestamptz  NOT NULL,
    status              varchar(10)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    failed_logins       int          NOT NULL DEFAULT 0,
    locked_until        timestamptz
);
CREATE UNIQUE INDEX account_username ON identity.account (username);
CREATE INDEX account_organisation ON identity.account (organisation_id);

-- An organisation admin's invitation of a further member; only the token's hash is kept.
CREATE TABLE identity.invitation (
    token_hash      char(64)    PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES identity.organisation (id),
    username        varchar(32) NOT NULL,
    display_name    varchar(50) NOT NULL,
    invited_by      varchar(32) NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz
);
