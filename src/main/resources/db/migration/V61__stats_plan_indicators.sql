-- 规划指标: a plan (e.g. the 14th five-year financial plan) is data: its indicators with base and target, and every
-- actual value entered (append-only: the latest row per period is the current value, the others its history).
CREATE TABLE stats.plan (
    id          uuid PRIMARY KEY,
    code        varchar(60)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    base_year   int          NOT NULL,
    target_year int          NOT NULL CHECK (target_year > base_year),
    source      varchar(300) NOT NULL,
    loaded_at   timestamptz  NOT NULL
);

CREATE TABLE stats.plan_indicator (
    id           uuid PRIMARY KEY,
    plan_id      uuid          NOT NULL REFERENCES stats.plan (id),
    seq          int           NOT NULL,
    category     varchar(60)   NOT NULL,
    name         varchar(100)  NOT NULL,
    unit         varchar(20)   NOT NULL,
    base_value   numeric(20, 4) NOT NULL,
    target_value numeric(20, 4) NOT NULL CHECK (target_value <> base_value),
    nature       varchar(10)   NOT NULL,
    binding      varchar(40),             -- a platform statistic that supplies the actual values, or null
    UNIQUE (plan_id, name)
);

CREATE TABLE stats.plan_value (
    id            bigserial PRIMARY KEY,
    indicator_id  uuid          NOT NULL REFERENCES stats.plan_indicator (id),
    year          int           NOT NULL,
    quarter       int           CHECK (quarter BETWEEN 1 AND 4),   -- null: the whole year
    value         numeric(20, 4) NOT NULL,
    source        varchar(300)  NOT NULL,
    note          varchar(500),
    attachment_name varchar(200),
    attachment    bytea,
    entered_by    varchar(60)   NOT NULL,
    entered_org   varchar(100)  NOT NULL,
    entered_at    timestamptz   NOT NULL
);
CREATE INDEX plan_value_indicator ON stats.plan_value (indicator_id, year, quarter, id);
