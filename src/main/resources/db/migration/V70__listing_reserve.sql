-- 上市后备企业库 (issue 13): enterprises in the listing reserve, their milestones with evidence, the figures entered for
-- the listing portrait, and the problems they raise (诉求) with a working-day deadline. Money in fen.
CREATE SCHEMA IF NOT EXISTS listing;

-- Evidence documents (PDF, PNG, JPEG, checked by their first bytes), kept in the database like certificate scans.
CREATE TABLE listing.document (
    id            uuid PRIMARY KEY,
    file_name     varchar(200)  NOT NULL,
    content_type  varchar(40)   NOT NULL,
    size_bytes    int           NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)      NOT NULL,
    content       bytea         NOT NULL,
    uploaded_at   timestamptz   NOT NULL,
    uploaded_by   varchar(100)  NOT NULL
);

CREATE TABLE listing.reserve_entry (
    id                  uuid PRIMARY KEY,
    credit_code         char(18)      NOT NULL,
    enterprise_name     varchar(100)  NOT NULL,
    town_code           varchar(12),
    industry_code       varchar(8),
    enterprise_org_id   uuid,
    grade               char(1)       NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    board               varchar(12)   NOT NULL CHECK (board IN ('MAIN', 'CHINEXT', 'STAR', 'BSE', 'NEEQ', 'OVERSEAS')),
    status              varchar(8)    NOT NULL CHECK (status IN ('ACTIVE', 'LISTED', 'REMOVED')),
    by_rule             boolean       NOT NULL,
    reason              varchar(500)  NOT NULL,
    sponsor             varchar(100),
    law_firm            varchar(100),
    auditor             varchar(100),
    market_value_fen    bigint CHECK (market_value_fen > 0),
    market_value_on     date,
    market_value_by     varchar(100),
    latest_milestone    varchar(24),
    latest_milestone_on date,
    enrolled_at         timestamptz   NOT NULL,
    enrolled_by         varchar(100)  NOT NULL,
    enrolled_by_org     uuid          NOT NULL,
    closed_at           timestamptz,
    closed_note         varchar(500),
    row_version         int           NOT NULL DEFAULT 0
);
-- no duplicate enrolment: one entry per enterprise unless it was removed; the database decides a race
CREATE UNIQUE INDEX reserve_entry_once ON listing.reserve_entry (credit_code) WHERE status <> 'REMOVED';
CREATE INDEX reserve_entry_grade ON listing.reserve_entry (grade, board) WHERE status <> 'REMOVED';

CREATE TABLE listing.milestone (
    entry_id      uuid          NOT NULL REFERENCES listing.reserve_entry (id),
    milestone     varchar(24)   NOT NULL CHECK (milestone IN ('RESTRUCTURED', 'TUTORING_FILED', 'APPLICATION_ACCEPTED',
                                    'INQUIRY', 'APPROVED', 'LISTED')),
    reached_on    date          NOT NULL,
    evidence_id   uuid          NOT NULL REFERENCES listing.document (id),
    note          varchar(100),
    recorded_at   timestamptz   NOT NULL,
    recorded_by   varchar(100)  NOT NULL,
    PRIMARY KEY (entry_id, milestone)
);

-- The entry's log, append-only: enrolment, milestones, grade and board changes, intermediaries, market value.
CREATE TABLE listing.entry_step (
    entry_id  uuid          NOT NULL REFERENCES listing.reserve_entry (id),
    seq       int           NOT NULL,
    at        timestamptz   NOT NULL,
    actor     varchar(100)  NOT NULL,
    kind      varchar(24)   NOT NULL,
    detail    varchar(1000),
    PRIMARY KEY (entry_id, seq)
);

-- Figures the listing rules need that the 企业库 does not keep (revenue and R&D come from there): net profit (the
-- lower of before and after non-recurring items), operating cash flow, weighted average ROE. Per enterprise and year.
CREATE TABLE listing.financials (
    credit_code               char(18)      NOT NULL,
    year                      smallint      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    net_profit_fen            bigint,
    operating_cash_flow_fen   bigint,
    roe_percent               numeric(7, 2),
    updated_at                timestamptz   NOT NULL,
    updated_by                varchar(100)  NOT NULL,
    PRIMARY KEY (credit_code, year)
);

-- 诉求: a problem an enterprise in the reserve raises (land, permits, compliance history...), sent to a department
-- with a working-day deadline; overdue is open past the deadline (or answered after it).
CREATE TABLE listing.request (
    id               uuid PRIMARY KEY,
    entry_id         uuid          NOT NULL REFERENCES listing.reserve_entry (id),
    credit_code      char(18)      NOT NULL,
    enterprise_name  varchar(100)  NOT NULL,
    category         varchar(12)   NOT NULL CHECK (category IN ('LAND', 'PERMIT', 'COMPLIANCE', 'TAX',
                                       'ENVIRONMENT', 'FINANCING', 'OTHER')),
    description      varchar(1000) NOT NULL,
    department_id    uuid          NOT NULL,
    department_name  varchar(100)  NOT NULL,
    raised_at        timestamptz   NOT NULL,
    raised_by        varchar(100)  NOT NULL,
    deadline         timestamptz   NOT NULL,
    status           varchar(8)    NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    answer           varchar(1000),
    answered_at      timestamptz,
    answered_by      varchar(100)
);
CREATE INDEX request_department ON listing.request (department_id, status, deadline);
CREATE INDEX request_entry ON listing.request (entry_id, raised_at DESC);
