-- Cost events reported on the platform (interest, fees, premiums, bonds, capital, listing proceeds) and the loans the
-- platform recorded, so a reported cost names its loan (docs/subsidy.md).
CREATE TABLE subsidy.loan (
    loan_ref        varchar(120) PRIMARY KEY,
    enterprise_code varchar(40)  NOT NULL,
    institution_id  uuid         NOT NULL,
    product_type    varchar(40)  NOT NULL,
    amount_fen      bigint       NOT NULL,
    disbursed_on    date         NOT NULL
);

CREATE TABLE subsidy.cost_event (
    id              uuid PRIMARY KEY,
    type            varchar(30)  NOT NULL,
    enterprise_code varchar(40)  NOT NULL,
    event_date      date         NOT NULL,
    amount_fen      bigint       NOT NULL CHECK (amount_fen >= 0),
    attributes      jsonb        NOT NULL,
    ref             varchar(100),
    reported_by     varchar(100) NOT NULL,
    reporter_org    uuid         NOT NULL,
    reported_at     timestamptz  NOT NULL,
    CONSTRAINT cost_event_ref_once UNIQUE (reporter_org, ref)
);
CREATE INDEX cost_event_enterprise ON subsidy.cost_event (enterprise_code, event_date);
