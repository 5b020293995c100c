-- Objections raised against an entitlement on public notice (公示); an open one pauses the item (docs/subsidy.md).
CREATE TABLE subsidy.objection (
    id             uuid PRIMARY KEY,
    entitlement_id uuid          NOT NULL REFERENCES subsidy.entitlement (id),
    text           varchar(1000) NOT NULL,
    name           varchar(100)  NOT NULL,
    phone          varchar(40)   NOT NULL,
    raised_by      varchar(100),
    raised_at      timestamptz   NOT NULL,
    status         varchar(20)   NOT NULL,
    resolution     varchar(1000),
    resolved_by    varchar(100),
    resolved_at    timestamptz
);
CREATE INDEX objection_entitlement ON subsidy.objection (entitlement_id, status);
