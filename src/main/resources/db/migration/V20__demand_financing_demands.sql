-- 融资需求: enterprises' financing demands and the versions kept once a demand is published.
-- Money in integer fen; rates and stakes as exact decimal percentages; dates in China time.
CREATE SCHEMA IF NOT EXISTS demand;

CREATE TABLE demand.financing_demand (
    id                      uuid PRIMARY KEY,
    enterprise_credit_code  char(18)     NOT NULL,
    organisation_id         uuid         NOT NULL,
    status                  varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'SATISFIED',
                                                        'PARTLY_SATISFIED', 'CLOSED', 'EXPIRED')),
    version                 int          NOT NULL DEFAULT 0 CHECK (version >= 0),
    amount_fen              bigint CHECK (amount_fen > 0),
    purpose                 varchar(500),
    purpose_category        varchar(16),
    term_months             smallint CHECK (term_months BETWEEN 1 AND 360),
    kinds                   varchar(12)[] NOT NULL DEFAULT '{}',
    max_equity_stake        numeric(7, 4) CHECK (max_equity_stake > 0 AND max_equity_stake <= 100),
    max_annual_rate         numeric(7, 4) CHECK (max_annual_rate >= 0 AND max_annual_rate <= 36),
    collateral              varchar(12)[] NOT NULL DEFAULT '{}',
    needed_by               date,
    visibility              varchar(8)   NOT NULL CHECK (visibility IN ('ALL', 'CHOSEN')),
    chosen_institutions     uuid[]       NOT NULL DEFAULT '{}',
    raised_fen              bigint CHECK (raised_fen > 0),
    closed_reason           varchar(200),
    -- the enterprise's public card as of the last save (or profile change), so the hall filters in one statement
    enterprise_name         varchar(100) NOT NULL,
    town_code               varchar(12),
    industry_code           varchar(5),
    created_at              timestamptz  NOT NULL,
    created_by              varchar(100) NOT NULL,
    updated_at              timestamptz  NOT NULL,
    published_at            timestamptz
);
CREATE INDEX financing_demand_enterprise ON demand.financing_demand (enterprise_credit_code);
CREATE INDEX financing_demand_organisation ON demand.financing_demand (organisation_id);
CREATE INDEX financing_demand_open ON demand.financing_demand (status, published_at DESC);

-- Full snapshot of a demand's terms at each published version (1 = as first published), never updated.
CREATE TABLE demand.demand_version (
    demand_id            uuid          NOT NULL REFERENCES demand.financing_demand (id),
    version              int           NOT NULL CHECK (version >= 1),
    at                   timestamptz   NOT NULL,
    by_actor             varchar(100)  NOT NULL,
    amount_fen           bigint        NOT NULL,
    purpose              varchar(500)  NOT NULL,
    purpose_category     varchar(16)   NOT NULL,
    term_months          smallint      NOT NULL,
    kinds                varchar(12)[] NOT NULL,
    max_equity_stake     numeric(7, 4),
    max_annual_rate      numeric(7, 4),
    collateral           varchar(12)[] NOT NULL,
    needed_by            date          NOT NULL,
    visibility           varchar(8)    NOT NULL,
    chosen_institutions  uuid[]        NOT NULL,
    PRIMARY KEY (demand_id, version)
);
