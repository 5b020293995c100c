-- 风险分担: scheme versions as loaded from their files, loans offered for and filed into pools (备案), claims with their
-- per-pool shares, review steps and recoveries. Money in integer fen (the pools' money itself moves in the ledger
-- schema); ratios exact decimals; instants UTC, dates China time.
CREATE SCHEMA IF NOT EXISTS riskshare;

CREATE TABLE riskshare.scheme_version (
    kind          varchar(12)   NOT NULL CHECK (kind IN ('COMPENSATION', 'GUARANTEE')),
    code          varchar(40)   NOT NULL,
    version       int           NOT NULL CHECK (version > 0),
    name          varchar(100)  NOT NULL,
    valid_from    date          NOT NULL,
    valid_until   date,
    content       jsonb         NOT NULL,
    content_hash  char(64)      NOT NULL,
    file          varchar(500)  NOT NULL,
    loaded_at     timestamptz   NOT NULL,
    PRIMARY KEY (kind, code, version)
);

CREATE TABLE riskshare.filing (
    id                      uuid PRIMARY KEY,
    scheme_code             varchar(40)   NOT NULL,
    scheme_version          int           NOT NULL,
    exclusive_group         varchar(40),
    origin                  varchar(10)   NOT NULL CHECK (origin IN ('PLATFORM', 'MANUAL')),
    deal_id                 uuid,
    loan_number             varchar(64)   NOT NULL,
    institution_id          uuid          NOT NULL,
    institution_name        varchar(100)  NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    product_type            varchar(32)   NOT NULL,
    amount_fen              bigint        NOT NULL CHECK (amount_fen > 0),
    disbursed_on            date          NOT NULL,
    maturity_on             date          NOT NULL,
    term_months             smallint      NOT NULL,
    annual_rate             numeric(7, 4),
    guarantee               varchar(200),
    features                varchar(24)[] NOT NULL,
    status                  varchar(12)   NOT NULL CHECK (status IN ('OFFERED', 'INELIGIBLE', 'FILED')),
    failed_rules            varchar(300)[] NOT NULL,
    offered_at              timestamptz   NOT NULL,
    file_by                 date          NOT NULL,
    filed_at                timestamptz,
    filed_by                varchar(100),
    filed_year              smallint,
    expected_ratio          numeric(7, 4),
    commitment_fen          bigint,
    loan_status             varchar(16),
    loan_status_on          date,
    outstanding_fen         bigint,
    row_version             int           NOT NULL DEFAULT 0,
    CHECK (status <> 'FILED' OR (filed_at IS NOT NULL AND filed_year IS NOT NULL AND commitment_fen IS NOT NULL))
);
-- a loan event delivered twice offers the loan once
CREATE UNIQUE INDEX filing_deal_scheme ON riskshare.filing (deal_id, scheme_code) WHERE deal_id IS NOT NULL;
-- one filing of a loan per pool
CREATE UNIQUE INDEX filing_loan_scheme ON riskshare.filing (institution_id, loan_number, scheme_code);
-- schemes of one exclusive group (政银 / 政担): a loan filed under one of them only
CREATE UNIQUE INDEX filing_one_mode ON riskshare.filing (institution_id, loan_number, exclusive_group)
    WHERE status = 'FILED' AND exclusive_group IS NOT NULL;
CREATE INDEX filing_institution ON riskshare.filing (institution_id, offered_at DESC);
CREATE INDEX filing_deal ON riskshare.filing (deal_id);
CREATE INDEX filing_pool_year ON riskshare.filing (scheme_code, institution_id, filed_year) WHERE status = 'FILED';

CREATE TABLE riskshare.claim (
    id                      uuid PRIMARY KEY,
    institution_id          uuid          NOT NULL,
    institution_name        varchar(100)  NOT NULL,
    loan_number             varchar(64)   NOT NULL,
    deal_id                 uuid,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    loan_amount_fen         bigint        NOT NULL,
    loss_fen                bigint        NOT NULL CHECK (loss_fen > 0),
    overdue_since           date,
    lawsuit_case_no         varchar(100),
    lawsuit_accepted_on     date,
    documents               varchar(100)[] NOT NULL,
    note                    varchar(1000),
    claim_year              smallint      NOT NULL,
    submitted_at            timestamptz   NOT NULL,
    submitted_by            varchar(100)  NOT NULL,
    status                  varchar(12)   NOT NULL CHECK (status IN ('UNDER_REVIEW', 'APPROVED', 'PAID', 'HELD',
                                              'REJECTED')),
    steps                   varchar(100)[] NOT NULL,
    step_days               int[]         NOT NULL,
    step_index              smallint      NOT NULL,
    step_started_at         timestamptz,
    step_deadline           timestamptz,
    entitlement_fen         bigint        NOT NULL CHECK (entitlement_fen >= 0),
    recovered_fen           bigint        NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
    closed_at               timestamptz,
    row_version             int           NOT NULL DEFAULT 0,
    CHECK (recovered_fen <= loss_fen)
);
-- one live claim per loan (a rejected one may be followed by a new one)
CREATE UNIQUE INDEX claim_live_per_loan ON riskshare.claim (institution_id, loan_number) WHERE status <> 'REJECTED';
CREATE INDEX claim_institution ON riskshare.claim (institution_id, submitted_at DESC);
CREATE INDEX claim_status ON riskshare.claim (status, step_deadline);

-- Each pool's part of a claim, in pay order, with its calculation.
CREATE TABLE riskshare.claim_share (
    claim_id        uuid          NOT NULL REFERENCES riskshare.claim (id),
    filing_id       uuid          NOT NULL REFERENCES riskshare.filing (id),
    scheme_code     varchar(40)   NOT NULL,
    scheme_version  int           NOT NULL,
    pay_order       int           NOT NULL,
    ratio           numeric(7, 4) NOT NULL,
    own_fen         bigint        NOT NULL CHECK (own_fen >= 0),
    amount_fen      bigint        NOT NULL CHECK (amount_fen >= 0),
    calculation     varchar(300)[] NOT NULL,
    status          varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'HELD', 'PAID', 'REJECTED')),
    returned_fen    bigint        NOT NULL DEFAULT 0 CHECK (returned_fen >= 0),
    PRIMARY KEY (claim_id, filing_id),
    CHECK (amount_fen <= own_fen),
    CHECK (returned_fen <= amount_fen)
);
CREATE INDEX claim_share_pool ON riskshare.claim_share (scheme_code);

-- What happened to each claim, append-only.
CREATE TABLE riskshare.claim_step (
    claim_id   uuid          NOT NULL REFERENCES riskshare.claim (id),
    seq        int           NOT NULL,
    at         timestamptz   NOT NULL,
    actor      varchar(100)  NOT NULL,
    kind       varchar(24)   NOT NULL,
    step_name  varchar(100),
    detail     varchar(1000),
    PRIMARY KEY (claim_id, seq)
);

-- Money the bank recovered after compensation, and each pool's share of it (returned pro rata).
CREATE TABLE riskshare.recovery (
    id              uuid PRIMARY KEY,
    claim_id        uuid          NOT NULL REFERENCES riskshare.claim (id),
    amount_fen      bigint        NOT NULL CHECK (amount_fen > 0),
    recovered_on    date          NOT NULL,
    pool_share_fen  bigint        NOT NULL CHECK (pool_share_fen >= 0),
    reported_at     timestamptz   NOT NULL,
    reported_by     varchar(100)  NOT NULL,
    remitted_at     timestamptz,
    remitted_by     varchar(100)
);
CREATE INDEX recovery_claim ON riskshare.recovery (claim_id);

CREATE TABLE riskshare.recovery_share (
    recovery_id  uuid         NOT NULL REFERENCES riskshare.recovery (id),
    filing_id    uuid         NOT NULL REFERENCES riskshare.filing (id),
    scheme_code  varchar(40)  NOT NULL,
    amount_fen   bigint       NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (recovery_id, filing_id)
);
