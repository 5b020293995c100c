-- Clawbacks: a paid entitlement whose condition broke later becomes a receivable in the ledger (docs/subsidy.md).
CREATE TABLE subsidy.clawback (
    id             uuid PRIMARY KEY,
    entitlement_id uuid          NOT NULL UNIQUE REFERENCES subsidy.entitlement (id),
    amount_fen     bigint        NOT NULL CHECK (amount_fen > 0),
    reason         varchar(1000) NOT NULL,
    broken_on      date          NOT NULL,
    status         varchar(20)   NOT NULL,
    created_by     varchar(100)  NOT NULL,
    created_at     timestamptz   NOT NULL,
    recovered_by   varchar(100),
    recovered_at   timestamptz
);
