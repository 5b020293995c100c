-- 融资对接: deals from application or pick-up to outcome, their timelines and loans' repayment reports.
-- Money in integer fen; rates and stakes exact decimal percentages; instants UTC, dates China time.
CREATE SCHEMA IF NOT EXISTS deal;

CREATE TABLE deal.deal (
    id                        uuid PRIMARY KEY,
    origin                    varchar(12)   NOT NULL CHECK (origin IN ('APPLICATION', 'PICK_UP', 'REFERRAL')),
    status                    varchar(20)   NOT NULL CHECK (status IN ('AWAITING_PICKUP', 'UNDER_REVIEW',
                                  'MATERIALS_REQUESTED', 'OFFERED', 'ACCEPTED', 'FUNDED', 'DECLINED', 'OFFER_DECLINED',
                                  'WITHDRAWN', 'OVERDUE', 'SUPERSEDED')),
    demand_id                 uuid,
    one_lender                boolean       NOT NULL,
    enterprise_credit_code    char(18)      NOT NULL,
    enterprise_name           varchar(100)  NOT NULL,
    enterprise_org_id         uuid          NOT NULL,
    enterprise_stage          varchar(12),
    institution_id            uuid          NOT NULL,
    institution_name          varchar(100)  NOT NULL,
    product_id                uuid          NOT NULL,
    product_version           int           NOT NULL,
    product_name              varchar(100)  NOT NULL,
    product_type              varchar(32)   NOT NULL,
    kind                      varchar(12)   NOT NULL,
    amount_fen                bigint        NOT NULL CHECK (amount_fen > 0),
    term_months               smallint CHECK (term_months BETWEEN 1 AND 360),
    purpose                   varchar(500),
    opened_at                 timestamptz   NOT NULL,
    deadline                  timestamptz,
    picked_up_at              timestamptz,
    decided_at                timestamptz,
    offer_amount_fen          bigint CHECK (offer_amount_fen > 0),
    offer_rate                numeric(7, 4),
    offer_term_months         smallint,
    offer_stake               numeric(7, 4),
    offer_guarantee           varchar(200),
    offer_conditions          varchar(1000),
    decline_reason            varchar(24),
    decline_note              varchar(500),
    materials_request         varchar(1000),
    closed_at                 timestamptz,
    closed_note               varchar(500),
    loan_number               varchar(64),
    disbursed_fen             bigint CHECK (disbursed_fen > 0),
    disbursed_on              date,
    loan_rate                 numeric(7, 4),
    loan_term_months          smallint,
    maturity_on               date,
    loan_guarantee            varchar(200),
    invested_fen              bigint CHECK (invested_fen > 0),
    stake_percent             numeric(7, 4),
    invested_on               date,
    loan_status               varchar(16),
    loan_status_on            date,
    outstanding_fen           bigint CHECK (outstanding_fen >= 0),
    row_version               int           NOT NULL DEFAULT 0,
    CHECK (disbursed_fen IS NULL OR disbursed_fen <= offer_amount_fen),
    CHECK (invested_fen IS NULL OR invested_fen <= offer_amount_fen)
);
-- 独家对接: for a one-lender demand, at most one institution works on it at a time; the database decides the race.
CREATE UNIQUE INDEX deal_one_lender_engaged ON deal.deal (demand_id)
    WHERE one_lender AND status IN ('UNDER_REVIEW', 'MATERIALS_REQUESTED', 'OFFERED', 'ACCEPTED');
-- one open case per institution and demand
CREATE UNIQUE INDEX deal_open_per_institution ON deal.deal (demand_id, institution_id)
    WHERE demand_id IS NOT NULL AND status IN ('AWAITING_PICKUP', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'OFFERED', 'ACCEPTED');
-- one open application per enterprise and product
CREATE UNIQUE INDEX deal_open_per_product ON deal.deal (enterprise_credit_code, product_id)
    WHERE status IN ('AWAITING_PICKUP', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'OFFERED', 'ACCEPTED');
CREATE INDEX deal_institution ON deal.deal (institution_id, opened_at DESC);
CREATE INDEX deal_enterprise ON deal.deal (enterprise_org_id, opened_at DESC);
CREATE INDEX deal_demand ON deal.deal (demand_id);
CREATE INDEX deal_clock ON deal.deal (deadline) WHERE deadline IS NOT NULL;

-- The timeline of each deal, append-only.
CREATE TABLE deal.deal_step (
    deal_id   uuid          NOT NULL REFERENCES deal.deal (id),
    seq       int           NOT NULL,
    at        timestamptz   NOT NULL,
    actor     varchar(100)  NOT NULL,
    kind      varchar(24)   NOT NULL,
    detail    varchar(1000),
    PRIMARY KEY (deal_id, seq)
);

-- Every repayment status report of a funded loan (the deal row keeps the latest).
CREATE TABLE deal.loan_status_report (
    deal_id          uuid          NOT NULL REFERENCES deal.deal (id),
    as_of            date          NOT NULL,
    status           varchar(16)   NOT NULL,
    outstanding_fen  bigint,
    reported_at      timestamptz   NOT NULL,
    reported_by      varchar(100)  NOT NULL
);
CREATE INDEX loan_status_report_deal ON deal.loan_status_report (deal_id, as_of);

-- What government chooses to publish on the public league table (the latest row counts).
CREATE TABLE deal.league_publication (
    id            bigserial PRIMARY KEY,
    metrics       varchar(24)[] NOT NULL,
    published     boolean       NOT NULL,
    at            timestamptz   NOT NULL,
    by_actor      varchar(100)  NOT NULL
);

-- Which institutions matching found eligible for each published demand (best product per institution), kept when
-- the demand is published or revised: the top of the funnel ("matched") and what "matched to it" means later.
CREATE TABLE deal.demand_match (
    demand_id       uuid         NOT NULL,
    institution_id  uuid         NOT NULL,
    product_id      uuid         NOT NULL,
    score           smallint     NOT NULL,
    matched_at      timestamptz  NOT NULL,
    PRIMARY KEY (demand_id, institution_id)
);
CREATE INDEX demand_match_institution ON deal.demand_match (institution_id);
