-- 担保分险: guaranteed loans with their chain (national fund — provincial re-guarantor — city guarantor — bank) and
-- sharing scheme, their default and later recoveries. The money each party bears, owes and is owed is in the ledger
-- (book guarantee:<id>); these rows say what happened.
CREATE TABLE riskshare.guaranteed_loan (
    id                      uuid PRIMARY KEY,
    scheme_code             varchar(40)   NOT NULL,
    scheme_version          int           NOT NULL,
    loan_number             varchar(64)   NOT NULL,
    recorded_by_org         uuid          NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    enterprise_credit_code  char(18),
    enterprise_category     varchar(60)   NOT NULL,
    principal_fen           bigint        NOT NULL CHECK (principal_fen > 0),
    guaranteed_on           date          NOT NULL,
    bank_name               varchar(100)  NOT NULL,
    city_guarantor_name     varchar(100)  NOT NULL,
    provincial_name         varchar(100)  NOT NULL,
    national_fund_name      varchar(100)  NOT NULL,
    local_government_name   varchar(100)  NOT NULL,
    status                  varchar(10)   NOT NULL CHECK (status IN ('ACTIVE', 'DEFAULTED')),
    loss_fen                bigint        CHECK (loss_fen > 0),
    defaulted_on            date,
    recovered_fen           bigint        NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
    recorded_by             varchar(100)  NOT NULL,
    recorded_at             timestamptz   NOT NULL,
    UNIQUE (recorded_by_org, loan_number),
    CHECK (recovered_fen <= coalesce(loss_fen, 0))
);

CREATE TABLE riskshare.guarantee_event (
    id          uuid PRIMARY KEY,
    loan_id     uuid          NOT NULL REFERENCES riskshare.guaranteed_loan (id),
    kind        varchar(10)   NOT NULL CHECK (kind IN ('DEFAULT', 'RECOVERY', 'SETTLEMENT')),
    amount_fen  bigint        NOT NULL CHECK (amount_fen > 0),
    happened_on date          NOT NULL,
    payer       varchar(30),
    payee       varchar(30),
    recorded_by varchar(100)  NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX guarantee_event_loan ON riskshare.guarantee_event (loan_id);
