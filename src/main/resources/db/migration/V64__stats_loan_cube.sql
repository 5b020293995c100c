-- The dashboards' roll-up, one or two dimensions at a time: for each enterprise category ('*': all enterprises) and
-- each dimension — TOTAL, TOWN, INSTITUTION, SECTION, DIVISION, PRODUCT_TYPE, or a pair "FILTER>GROUP" such as
-- TOWN>INSTITUTION whose value is "town|institution" — the month's changes of balances and its flows, booked with
-- stats.loan_flow from the same differences. A city-wide figure, or one filtered on one dimension, reads a few
-- hundred rows here instead of the cells of stats.loan_flow; selections with more filters read the cells.
CREATE TABLE stats.loan_cube (
    category              varchar(20)  NOT NULL,
    dim                   varchar(30)  NOT NULL,
    dim_value             varchar(100) COLLATE "C" NOT NULL,
    month                 date         NOT NULL,
    balance_delta         bigint       NOT NULL DEFAULT 0,
    credit_balance_delta  bigint       NOT NULL DEFAULT 0,
    loans_delta           bigint       NOT NULL DEFAULT 0,
    overdue_delta         bigint       NOT NULL DEFAULT 0,
    npl_delta             bigint       NOT NULL DEFAULT 0,
    issued_fen            bigint       NOT NULL DEFAULT 0,
    issued_count          bigint       NOT NULL DEFAULT 0,
    credit_issued_fen     bigint       NOT NULL DEFAULT 0,
    first_borrowers       bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (category, dim, dim_value, month)
);

-- Selections with two or more filters read the cells through these.
CREATE INDEX loan_flow_institution_town ON stats.loan_flow (institution_id, town_code, month);
CREATE INDEX loan_flow_town_division ON stats.loan_flow (town_code, division_code, month);
