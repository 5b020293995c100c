-- Subsidy entitlements computed from recorded events (docs/subsidy.md). One per policy and triggering event.
CREATE SCHEMA IF NOT EXISTS subsidy;

CREATE TABLE subsidy.entitlement (
    id              uuid PRIMARY KEY,
    policy_code     varchar(40)  NOT NULL,
    policy_version  integer      NOT NULL,
    event_key       varchar(200) NOT NULL,
    beneficiary_key varchar(60)  NOT NULL,
    beneficiary_org uuid,
    beneficiary_name varchar(200) NOT NULL,
    enterprise_code varchar(40)  NOT NULL,
    event_date      date         NOT NULL,
    year            integer      NOT NULL,
    amount_fen      bigint       NOT NULL CHECK (amount_fen >= 0),
    calculation     jsonb        NOT NULL,
    status          varchar(20)  NOT NULL,
    computed_at     timestamptz  NOT NULL,
    confirmed_at    timestamptz,
    confirmed_by    varchar(100),
    noticed_at      timestamptz,
    noticed_by      varchar(100),
    notice_until    date,
    approved_at     timestamptz,
    approved_by     varchar(100),
    paid_at         timestamptz,
    paid_by         varchar(100),
    CONSTRAINT entitlement_once UNIQUE (policy_code, event_key),
    CONSTRAINT entitlement_checker CHECK (approved_by IS NULL OR approved_by <> noticed_by)
);

CREATE INDEX entitlement_beneficiary_year ON subsidy.entitlement (policy_code, beneficiary_key, year);
CREATE INDEX entitlement_status ON subsidy.entitlement (status);
