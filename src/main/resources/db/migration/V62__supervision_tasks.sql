-- 督查督办: task tables imported from offices' spreadsheets (the original file kept), their tasks with lead and
-- co-operating units, progress reports and the finance office's reviews, and unit names mapped to organisations.
CREATE SCHEMA IF NOT EXISTS supervision;

CREATE TABLE supervision.task_table (
    id            uuid PRIMARY KEY,
    status        varchar(10)  NOT NULL CHECK (status IN ('PREVIEW', 'IMPORTED', 'DISCARDED')),
    title         varchar(200) NOT NULL,
    cycle         varchar(10)  NOT NULL CHECK (cycle IN ('MONTHLY', 'QUARTERLY')),
    file_name     varchar(200) NOT NULL,
    content_type  varchar(100) NOT NULL,
    file          bytea        NOT NULL,
    imported_by   varchar(60)  NOT NULL,
    imported_at   timestamptz  NOT NULL,
    confirmed_at  timestamptz
);

CREATE TABLE supervision.task (
    id              uuid PRIMARY KEY,
    table_id        uuid          NOT NULL REFERENCES supervision.task_table (id),
    seq             int           NOT NULL,
    no              varchar(20),
    target_task     varchar(500),
    measure         varchar(2000) NOT NULL,
    lead_units      varchar(100)[] NOT NULL,
    co_units        varchar(100)[] NOT NULL,
    starts_on       date          NOT NULL,
    deadline        date,
    progress        int           NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    completed_on    date,
    last_report_at  timestamptz,
    bound_indicator uuid,
    UNIQUE (table_id, seq)
);

-- A unit name as tables write it, mapped to a government organisation once, for every later import.
CREATE TABLE supervision.unit_alias (
    name            varchar(100) PRIMARY KEY,
    organisation_id uuid         NOT NULL,
    mapped_by       varchar(60)  NOT NULL,
    mapped_at       timestamptz  NOT NULL
);

CREATE TABLE supervision.report (
    id              uuid PRIMARY KEY,
    task_id         uuid          NOT NULL REFERENCES supervision.task (id),
    period          varchar(10)   NOT NULL,          -- 2026-03 or 2026Q1
    percent         int           NOT NULL CHECK (percent BETWEEN 0 AND 100),
    text            varchar(4000) NOT NULL,
    lead            boolean       NOT NULL,          -- by a lead unit (else a co-operating unit's part)
    organisation_id uuid          NOT NULL,
    organisation    varchar(100)  NOT NULL,
    reported_by     varchar(60)   NOT NULL,
    reported_at     timestamptz   NOT NULL,
    score           int CHECK (score BETWEEN 0 AND 100),
    comment         varchar(1000),
    reviewed_by     varchar(60),
    reviewed_at     timestamptz
);
CREATE INDEX report_task ON supervision.report (task_id, reported_at);
