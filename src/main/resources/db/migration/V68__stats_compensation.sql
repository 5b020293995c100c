-- Risk compensation paid (风险补偿), kept from riskshare's CompensationPaid events: one row per claim paid.
CREATE TABLE stats.compensation (
    claim_id        uuid PRIMARY KEY,
    scheme_code     varchar(40)  NOT NULL,
    institution_id  uuid         NOT NULL,
    credit_code     varchar(18)  NOT NULL,
    amount_fen      bigint       NOT NULL CHECK (amount_fen >= 0),
    paid_on         date         NOT NULL
);
CREATE INDEX compensation_paid_on ON stats.compensation (paid_on);
