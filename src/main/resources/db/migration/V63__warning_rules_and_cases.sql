-- 风险预警: signals per enterprise from the loan record (kept from the deal events) and qualifications, rules with
-- weights and thresholds as data, levels with their verification time limits, and the warning queue.
CREATE SCHEMA IF NOT EXISTS warning;

-- A rule: the signal it looks at, its threshold (meaning per signal), the points it adds, whether it forces red.
CREATE TABLE warning.rule (
    code        varchar(40)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    signal      varchar(40)  NOT NULL,
    threshold   numeric(12, 2),
    weight      int          NOT NULL CHECK (weight BETWEEN 0 AND 100),
    forces_red  boolean      NOT NULL DEFAULT false,
    enabled     boolean      NOT NULL DEFAULT true,
    note        varchar(300) NOT NULL
);
INSERT INTO warning.rule (code, name, signal, threshold, weight, forces_red, enabled, note) VALUES
 ('LOAN_OVERDUE', '贷款逾期', 'LOAN_OVERDUE', NULL, 30, false, true, '任一笔贷款最近一次报送为逾期'),
 ('LOAN_NPL', '贷款不良', 'LOAN_NON_PERFORMING', NULL, 50, false, true, '任一笔贷款最近一次报送为不良'),
 ('OVERDUE_90', '逾期超过90天', 'OVERDUE_DAYS', 90, 0, true, true, '逾期或不良持续天数超过阈值即为红色（逾期90天以上至少为次级类，《商业银行金融资产风险分类办法》）'),
 ('OVERDUE_SHARE', '逾期余额占比高', 'OVERDUE_SHARE', 50, 20, false, true, '逾期和不良余额占其全部贷款余额的百分比达到阈值'),
 ('MULTIPLE_OVERDUE', '多笔贷款逾期', 'OVERDUE_LOANS', 2, 20, false, true, '逾期或不良的贷款笔数达到阈值'),
 ('QUALIFICATION_EXPIRY', '资质即将到期', 'QUALIFICATION_EXPIRING', 60, 10, false, true, '已核验资质在阈值天数内到期'),
 ('QUALIFICATION_EXPIRED', '资质已过期', 'QUALIFICATION_EXPIRED', 180, 10, false, true, '已核验资质在阈值天数内过期且未续期');

-- Levels by score, with the working days to verify a warning of that level.
CREATE TABLE warning.level (
    level        varchar(10) PRIMARY KEY CHECK (level IN ('RED', 'ORANGE', 'YELLOW')),
    min_score    int         NOT NULL,
    verify_days  int         NOT NULL CHECK (verify_days > 0)
);
INSERT INTO warning.level (level, min_score, verify_days) VALUES ('RED', 70, 3), ('ORANGE', 40, 5), ('YELLOW', 20, 10);

-- Each loan's latest state as the deal events tell it.
CREATE TABLE warning.loan (
    deal_id         uuid PRIMARY KEY,
    credit_code     varchar(18) NOT NULL,
    institution_id  uuid        NOT NULL,
    status          varchar(20) NOT NULL,
    as_of           date        NOT NULL,
    outstanding_fen bigint      NOT NULL,
    overdue_since   date
);
CREATE INDEX warning_loan_enterprise ON warning.loan (credit_code);

-- The latest score of each enterprise with signals.
CREATE TABLE warning.score (
    credit_code  varchar(18) PRIMARY KEY,
    score        int         NOT NULL,
    level        varchar(10),
    signals      text        NOT NULL,
    scored_at    timestamptz NOT NULL
);

CREATE TABLE warning.warning_case (
    id            uuid PRIMARY KEY,
    credit_code   varchar(18)  NOT NULL,
    enterprise    varchar(100) NOT NULL,
    town_code     varchar(20),
    section_code  varchar(1),
    level         varchar(10)  NOT NULL,
    score         int          NOT NULL,
    signals       text         NOT NULL,
    status        varchar(10)  NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'VERIFIED', 'CLOSED')),
    opened_at     timestamptz  NOT NULL,
    due_at        timestamptz  NOT NULL,
    assignee      varchar(60),
    assigned_at   timestamptz,
    verification  varchar(2000),
    verified_by   varchar(60),
    verified_at   timestamptz,
    finding       varchar(2000),
    measures      varchar(2000),
    closed_by     varchar(60),
    closed_at     timestamptz
);
CREATE UNIQUE INDEX warning_one_open_case ON warning.warning_case (credit_code) WHERE status <> 'CLOSED';
