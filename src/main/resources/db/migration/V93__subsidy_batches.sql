-- Payment batches per policy and year (docs/subsidy.md): prepared by the allocation mode within the budget, checked by
-- a second official (and approved by a third above the configured amount), paid item by item through the ledger.
ALTER TABLE subsidy.entitlement ADD COLUMN paid_fen bigint;
UPDATE subsidy.entitlement SET paid_fen = amount_fen WHERE status = 'PAID';

CREATE TABLE subsidy.batch (
    id            uuid PRIMARY KEY,
    policy_code   varchar(40)  NOT NULL,
    year          integer      NOT NULL,
    allocation    varchar(20)  NOT NULL,
    status        varchar(20)  NOT NULL,
    available_fen bigint       NOT NULL,
    total_fen     bigint       NOT NULL,
    made_by       varchar(100) NOT NULL,
    made_at       timestamptz  NOT NULL,
    checked_by    varchar(100),
    checked_at    timestamptz,
    second_by     varchar(100),
    second_at     timestamptz,
    paid_at       timestamptz,
    CONSTRAINT batch_within_budget CHECK (total_fen <= available_fen),
    CONSTRAINT batch_checker CHECK (checked_by IS NULL OR checked_by <> made_by),
    CONSTRAINT batch_second CHECK (second_by IS NULL OR (second_by <> made_by AND second_by <> checked_by))
);

CREATE TABLE subsidy.batch_item (
    batch_id       uuid    NOT NULL REFERENCES subsidy.batch (id),
    entitlement_id uuid    NOT NULL UNIQUE REFERENCES subsidy.entitlement (id),
    rank           integer NOT NULL,
    claimed_fen    bigint  NOT NULL,
    allocated_fen  bigint  NOT NULL CHECK (allocated_fen >= 0 AND allocated_fen <= claimed_fen),
    selected       boolean NOT NULL,
    paid_at        timestamptz,
    PRIMARY KEY (batch_id, entitlement_id)
);
CREATE INDEX batch_policy_year ON subsidy.batch (policy_code, year);
