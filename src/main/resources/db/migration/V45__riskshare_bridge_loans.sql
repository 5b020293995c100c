-- 转贷 (bridge loans): towns' lists of eligible enterprises, and bridge loans from application through the bank's
-- renewal commitment, the fund's loan, the bank's renewal and the fund's repayment. The fund's money moves in the
-- ledger (book bridge:fund); these rows say what happened.
CREATE TABLE riskshare.bridge_town_list (
    town                    varchar(40)   NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    listed_by_org           uuid          NOT NULL,
    listed_by               varchar(100)  NOT NULL,
    listed_at               timestamptz   NOT NULL,
    PRIMARY KEY (town, enterprise_credit_code)
);
CREATE INDEX bridge_town_list_enterprise ON riskshare.bridge_town_list (enterprise_credit_code);

CREATE TABLE riskshare.bridge_loan (
    id                      uuid PRIMARY KEY,
    enterprise_org          uuid          NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    town                    varchar(40)   NOT NULL,
    fund_org                uuid          NOT NULL,
    bank_org                uuid          NOT NULL,
    bank_name               varchar(100)  NOT NULL,
    old_loan_number         varchar(64)   NOT NULL,
    old_loan_maturity       date          NOT NULL,
    amount_fen              bigint        NOT NULL CHECK (amount_fen > 0),
    status                  varchar(12)   NOT NULL CHECK (status IN ('APPLIED', 'COMMITTED', 'DECLINED', 'LENT',
                                              'RENEWED', 'NOT_RENEWED', 'REPAID')),
    applied_by              varchar(100)  NOT NULL,
    applied_at              timestamptz   NOT NULL,
    committed_by            varchar(100),
    committed_at            timestamptz,
    decline_reason          varchar(500),
    lent_on                 date,
    due_on                  date,
    lent_by                 varchar(100),
    new_loan_number         varchar(64),
    renewed_on              date,
    repaid_on               date,
    fee_fen                 bigint,
    daily_rate              numeric(9, 6),
    repaid_by               varchar(100)
);
CREATE INDEX bridge_loan_bank ON riskshare.bridge_loan (bank_org, applied_at DESC);
CREATE INDEX bridge_loan_enterprise ON riskshare.bridge_loan (enterprise_org, applied_at DESC);
-- one live bridge per enterprise
CREATE UNIQUE INDEX bridge_loan_live ON riskshare.bridge_loan (enterprise_credit_code)
    WHERE status IN ('APPLIED', 'COMMITTED', 'LENT', 'RENEWED', 'NOT_RENEWED');
