-- Subsidies paid (补贴拨付), kept from the subsidy module's SubsidyPaid events: one row per entitlement paid.
CREATE TABLE stats.subsidy_paid (
    entitlement_id   uuid PRIMARY KEY,
    policy_code      varchar(40)  NOT NULL,
    beneficiary_org  uuid,
    enterprise_code  varchar(18)  NOT NULL,
    amount_fen       bigint       NOT NULL CHECK (amount_fen >= 0),
    paid_on          date         NOT NULL
);
CREATE INDEX subsidy_paid_on ON stats.subsidy_paid (paid_on);
