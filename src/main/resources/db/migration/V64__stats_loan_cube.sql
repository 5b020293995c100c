-- The dashboards' roll-up by one dimension at a time: for each enterprise category ('*': all enterprises) and each
-- dimension (TOTAL, TOWN, INSTITUTION, SECTION, DIVISION, PRODUCT_TYPE), the month's changes of balances and its
-- flows, booked with stats.loan_flow from the same differences. A city-wide figure by one dimension reads a few
-- hundred rows here instead of every cell of stats.loan_flow; filtered selections read stats.loan_flow.
CREATE TABLE stats.loan_cube (
    category              varchar(20) NOT NULL,
    dim                   varchar(12) NOT NULL,
    month                 date        NOT NULL,
    dim_value             varchar(40) NOT NULL,
    balance_delta         bigint      NOT NULL DEFAULT 0,
    credit_balance_delta  bigint      NOT NULL DEFAULT 0,
    loans_delta           bigint      NOT NULL DEFAULT 0,
    overdue_delta         bigint      NOT NULL DEFAULT 0,
    npl_delta             bigint      NOT NULL DEFAULT 0,
    issued_fen            bigint      NOT NULL DEFAULT 0,
    issued_count          bigint      NOT NULL DEFAULT 0,
    credit_issued_fen     bigint      NOT NULL DEFAULT 0,
    first_borrowers       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (category, dim, month, dim_value)
);
