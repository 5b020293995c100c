-- 统计监测: read models fed by the deal and demand events (never by reading those modules' tables).
-- Money in integer fen; months are the first day of the month; dates China time.
CREATE SCHEMA IF NOT EXISTS stats;

-- Institutions as first seen in a loan or investment event, with the name the identity module gives them.
CREATE TABLE stats.institution (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL
);

-- Each borrower's attributes over time: a new segment starts in the month a refresh finds them changed. The
-- segment in force in a month is the one with the latest from_month not after it (else the earliest one).
CREATE TABLE stats.borrower_segment (
    credit_code     varchar(18) NOT NULL,
    from_month      date        NOT NULL,
    name            varchar(100) NOT NULL,
    town_code       varchar(20) NOT NULL,   -- '-' when the profile gives none
    section_code    varchar(1)  NOT NULL,   -- GB/T 4754 section letter, '-' when unknown
    division_code   varchar(3)  NOT NULL,   -- GB/T 4754 division (C39), '-' when unknown
    categories      int         NOT NULL,   -- bit mask over sanrong.stats.categories, in their configured order
    PRIMARY KEY (credit_code, from_month)
);

-- One row per loan reported on the platform (LoanDisbursed).
CREATE TABLE stats.loan (
    deal_id         uuid PRIMARY KEY,
    loan_number     varchar(60)  NOT NULL,
    institution_id  uuid         NOT NULL,
    credit_code     varchar(18)  NOT NULL,
    product_id      uuid         NOT NULL,
    product_type    varchar(32)  NOT NULL,
    credit_loan     boolean      NOT NULL,
    amount_fen      bigint       NOT NULL,
    annual_rate     numeric(7, 4) NOT NULL,
    term_months     int          NOT NULL,
    disbursed_on    date         NOT NULL,
    maturity_on     date         NOT NULL,
    guarantee       varchar(200),
    first_loan      boolean      NOT NULL,  -- the borrower's first loan on the platform (首贷)
    status          varchar(20)  NOT NULL,  -- as of the latest report
    status_on       date         NOT NULL,
    outstanding_fen bigint       NOT NULL,  -- as of the latest report that gave an amount
    overdue_since   date                    -- first report of OVERDUE/NON_PERFORMING since the loan was last NORMAL
);
CREATE INDEX loan_borrower ON stats.loan (credit_code);
CREATE INDEX loan_institution ON stats.loan (institution_id);

-- Every status report of every loan (the disbursement is the first, NORMAL with the amount). A repeated event
-- finds its row and changes nothing.
CREATE TABLE stats.loan_report (
    deal_id         uuid        NOT NULL REFERENCES stats.loan (deal_id),
    seq             bigserial,
    as_of           date        NOT NULL,
    status          varchar(20) NOT NULL,
    outstanding_fen bigint,                 -- null: the institution gave no amount; the last one carries on
    PRIMARY KEY (deal_id, seq)
);
CREATE UNIQUE INDEX loan_report_once ON stats.loan_report (deal_id, as_of, status, COALESCE(outstanding_fen, -1));

-- The roll-up the dashboards read: per month and cell, the change in balances (a balance at the end of month M is
-- the sum of the changes up to M) and the month's flows. Kept by LoanLedger as differences of each loan's bookings.
CREATE TABLE stats.loan_flow (
    month            date        NOT NULL,
    institution_id   uuid        NOT NULL,
    town_code        varchar(20) NOT NULL,
    section_code     varchar(1)  NOT NULL,
    division_code    varchar(3)  NOT NULL,
    product_type     varchar(32) NOT NULL,
    credit_loan      boolean     NOT NULL,
    categories       int         NOT NULL,
    balance_delta    bigint      NOT NULL DEFAULT 0,
    loans_delta      bigint      NOT NULL DEFAULT 0,   -- loans with a balance
    overdue_delta    bigint      NOT NULL DEFAULT 0,   -- balance of loans reported OVERDUE
    npl_delta        bigint      NOT NULL DEFAULT 0,   -- balance of loans reported NON_PERFORMING
    issued_fen       bigint      NOT NULL DEFAULT 0,
    issued_count     bigint      NOT NULL DEFAULT 0,
    first_borrowers  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (month, institution_id, town_code, division_code, product_type, credit_loan, categories)
);

-- The lists (名单) as they stood: the refresh rewrites the current month's rows, so a past month keeps the list of
-- its last refresh, which is what the loan-access rate (获贷率) of that month is computed on.
CREATE TABLE stats.list_member (
    month           date        NOT NULL,
    category        varchar(20) NOT NULL,
    credit_code     varchar(18) NOT NULL,
    PRIMARY KEY (month, category, credit_code)
);
CREATE TABLE stats.list_refresh (
    month           date        NOT NULL,
    category        varchar(20) NOT NULL,
    refreshed_at    timestamptz NOT NULL,
    members         int         NOT NULL,
    PRIMARY KEY (month, category)
);

-- Equity investments (InvestmentRecorded), with the investee's attributes when recorded.
CREATE TABLE stats.investment (
    deal_id         uuid PRIMARY KEY,
    institution_id  uuid        NOT NULL,
    credit_code     varchar(18) NOT NULL,
    amount_fen      bigint      NOT NULL,
    invested_on     date        NOT NULL,
    town_code       varchar(20) NOT NULL,
    section_code    varchar(1)  NOT NULL,
    division_code   varchar(3)  NOT NULL,
    categories      int         NOT NULL
);

-- Financing demands (DemandPublished, DemandClosed): first publication and outcome.
CREATE TABLE stats.demand (
    demand_id       uuid PRIMARY KEY,
    credit_code     varchar(18) NOT NULL,
    amount_fen      bigint      NOT NULL,
    version         int         NOT NULL,
    published_on    date        NOT NULL,
    town_code       varchar(20) NOT NULL,
    section_code    varchar(1)  NOT NULL,
    division_code   varchar(3)  NOT NULL,
    categories      int         NOT NULL,
    outcome         varchar(20),
    closed_on       date,
    raised_fen      bigint
);

-- Deals opened and decided, for the working days institutions take to respond.
CREATE TABLE stats.deal_case (
    deal_id         uuid PRIMARY KEY,
    institution_id  uuid        NOT NULL,
    opened_at       timestamptz NOT NULL,
    decided_at      timestamptz,
    approved        boolean
);
