-- 数据归集 (data hub): government data by source, with the provenance of every batch and disputes over items.
CREATE SCHEMA IF NOT EXISTS datahub;

-- One import: a file an operator uploaded, the demo generator's load, or an operator's correction of one item.
-- A refused file (wrong header, unreadable) is kept too, with status REFUSED and why.
CREATE TABLE datahub.batch (
    id              uuid PRIMARY KEY,
    source          varchar(20)   NOT NULL,
    kind            varchar(12)   NOT NULL CHECK (kind IN ('FILE', 'DEMO', 'CORRECTION')),
    file_name       varchar(255)  NOT NULL,
    format          varchar(5),
    imported_by     varchar(100)  NOT NULL,
    organisation_id uuid,
    started_at      timestamptz   NOT NULL,
    finished_at     timestamptz   NOT NULL,
    status          varchar(10)   NOT NULL CHECK (status IN ('DONE', 'REFUSED')),
    rows_read       int           NOT NULL DEFAULT 0,
    rows_inserted   int           NOT NULL DEFAULT 0,
    rows_updated    int           NOT NULL DEFAULT 0,
    rows_unchanged  int           NOT NULL DEFAULT 0,
    rows_rejected   int           NOT NULL DEFAULT 0,
    enterprises     int           NOT NULL DEFAULT 0,
    period_from     date,
    period_to       date,
    message         varchar(1000)
);
CREATE INDEX batch_started ON datahub.batch (started_at DESC);

-- Every row a batch refused, with its line in the file, the reason and the row as it was.
CREATE TABLE datahub.rejected_row (
    batch_id uuid          NOT NULL REFERENCES datahub.batch (id),
    line     bigint        NOT NULL,
    reason   varchar(500)  NOT NULL,
    content  varchar(2000) NOT NULL,
    PRIMARY KEY (batch_id, line)
);

-- Periodic figures: one row per enterprise, source and period (a month, or a quarter for tax). Which columns a
-- source fills is documented in docs/datahub.md; money in fen. Re-importing a period replaces the row.
CREATE TABLE datahub.series (
    credit_code      char(18)    NOT NULL,
    source           varchar(20) NOT NULL CHECK (source IN ('TAX', 'SOCIAL_INSURANCE', 'UTILITIES', 'CUSTOMS')),
    period_start     date        NOT NULL CHECK (extract(day FROM period_start) = 1),
    months           smallint    NOT NULL CHECK (months IN (1, 3)),
    tax_paid_fen     bigint CHECK (tax_paid_fen >= 0),
    tax_grade        char(1) CHECK (tax_grade IN ('A', 'B', 'M', 'C', 'D')),
    social_headcount int CHECK (social_headcount >= 0),
    fund_headcount   int CHECK (fund_headcount >= 0),
    water_t          bigint CHECK (water_t >= 0),
    power_kwh        bigint CHECK (power_kwh >= 0),
    gas_m3           bigint CHECK (gas_m3 >= 0),
    import_fen       bigint CHECK (import_fen >= 0),
    export_fen       bigint CHECK (export_fen >= 0),
    batch_id         uuid        NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (credit_code, source, period_start)
);

-- Dated records: court judgements, administrative penalties, IP registrations; one per enterprise, source and
-- document number (案号, 决定书文号, 登记号). Re-importing a document replaces it.
CREATE TABLE datahub.record (
    credit_code  char(18)     NOT NULL,
    source       varchar(20)  NOT NULL CHECK (source IN ('JUDGEMENTS', 'PENALTIES', 'IP')),
    reference    varchar(100) NOT NULL,
    occurred_on  date         NOT NULL,
    kind         varchar(20)  NOT NULL,
    role         varchar(20),
    amount_fen   bigint CHECK (amount_fen >= 0),
    authority    varchar(100),
    title        varchar(300),
    status       varchar(20),
    batch_id     uuid         NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (credit_code, source, reference)
);

-- 异议: an enterprise says an item is wrong; an operator corrects it or rejects the dispute with a reason.
CREATE TABLE datahub.dispute (
    id              uuid PRIMARY KEY,
    credit_code     char(18)      NOT NULL,
    source          varchar(20)   NOT NULL,
    period_start    date,
    reference       varchar(100),
    field           varchar(30),
    disputed_value  varchar(300),
    note            varchar(500)  NOT NULL,
    status          varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'CORRECTED', 'REJECTED')),
    raised_by       varchar(100)  NOT NULL,
    raised_at       timestamptz   NOT NULL,
    resolved_by     varchar(100),
    resolved_at     timestamptz,
    resolution      varchar(500),
    corrected_value varchar(300),
    CHECK ((period_start IS NULL) <> (reference IS NULL))
);
CREATE INDEX dispute_enterprise ON datahub.dispute (credit_code, raised_at DESC);
CREATE INDEX dispute_open ON datahub.dispute (raised_at) WHERE status = 'OPEN';
-- one open dispute per item
CREATE UNIQUE INDEX dispute_one_open ON datahub.dispute (credit_code, source, COALESCE(period_start, DATE '1900-01-01'),
    COALESCE(reference, ''), COALESCE(field, '')) WHERE status = 'OPEN';
