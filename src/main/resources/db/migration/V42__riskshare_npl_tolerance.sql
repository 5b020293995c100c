-- 不良贷款容忍度: every loan disbursed on the platform with its repayment reports (for a bank's NPL ratio of loans to
-- small and micro tech enterprises at a quarter's end), and the overall NPL ratio each bank reports per quarter.
CREATE TABLE riskshare.loan_record (
    deal_id                 uuid PRIMARY KEY,
    institution_id          uuid          NOT NULL,
    institution_name        varchar(100)  NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    amount_fen              bigint        NOT NULL CHECK (amount_fen > 0),
    disbursed_on            date          NOT NULL,
    small_tech              boolean       NOT NULL
);
CREATE INDEX loan_record_institution ON riskshare.loan_record (institution_id) WHERE small_tech;

CREATE TABLE riskshare.loan_report (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deal_id          uuid          NOT NULL REFERENCES riskshare.loan_record (deal_id),
    as_of            date          NOT NULL,
    status           varchar(16)   NOT NULL,
    outstanding_fen  bigint        NOT NULL CHECK (outstanding_fen >= 0),
    UNIQUE (deal_id, as_of, status, outstanding_fen)
);
CREATE INDEX loan_report_latest ON riskshare.loan_report (deal_id, as_of DESC, id DESC);

CREATE TABLE riskshare.npl_report (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  uuid          NOT NULL,
    quarter         char(6)       NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    overall_ratio   numeric(7, 4) NOT NULL CHECK (overall_ratio >= 0 AND overall_ratio <= 1),
    reported_at     timestamptz   NOT NULL,
    reported_by     varchar(100)  NOT NULL
);
CREATE INDEX npl_report_latest ON riskshare.npl_report (institution_id, quarter, id DESC);
