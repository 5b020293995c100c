-- 风险预警 from the data hub: rules over court judgements, penalties, tax, social insurance, utilities and changes
-- of legal representative. window_days: how far back records count, and how recent a period must be to count.
ALTER TABLE warning.rule ADD COLUMN window_days int CHECK (window_days > 0);

INSERT INTO warning.rule (code, name, signal, threshold, weight, forces_red, enabled, note, window_days) VALUES
 ('COURT_JUDGEMENT', '涉诉判决', 'COURT_JUDGEMENT', 1, 15, false, true, '窗口期内企业作为被告或被执行人的判决件数达到阈值', 365),
 ('COURT_DEFAULTER', '失信被执行人', 'COURT_DEFAULTER', NULL, 0, true, true, '窗口期内被列为失信被执行人即为红色', 730),
 ('PENALTY', '行政处罚', 'PENALTY', 1, 10, false, true, '窗口期内受到行政处罚的次数达到阈值', 365),
 ('TAX_ARREARS', '欠缴税款', 'TAX_ARREARS', 2, 20, false, true, '窗口期内结束的纳税期中实缴税额为零的期数达到阈值', 365),
 ('TAX_GRADE_FALL', '纳税信用等级下降', 'TAX_GRADE_FALL', 1, 15, false, true, '最近一期纳税信用等级比上一次评价低的级数达到阈值（A>B>M>C>D）；最近一期须在窗口期内', 365),
 ('SOCIAL_DROP', '社保人数骤降', 'SOCIAL_HEADCOUNT_DROP', 30, 20, false, true, '最近一个月社保参保人数比三个月前下降的百分比超过阈值；最近一个月须在窗口期内', 120),
 ('UTILITY_COLLAPSE', '用电量骤降', 'UTILITY_COLLAPSE', 30, 25, false, true, '最近一个月用电量不超过前三个月平均值的阈值百分比；最近一个月须在窗口期内', 120),
 ('LEGAL_REP_CHANGES', '法定代表人频繁变更', 'LEGAL_REP_CHANGES', 2, 15, false, true, '窗口期内法定代表人变更次数达到阈值', 365);

-- Changes of legal representative as the market-regulation registry reports them (neither the enterprise registry
-- nor the data hub carries them); entered through /api/v1/warnings/legal-representative-changes.
CREATE TABLE warning.legal_rep_change (
    credit_code  varchar(18)  NOT NULL,
    changed_on   date         NOT NULL,
    reference    varchar(100) NOT NULL,
    recorded_by  varchar(60)  NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    PRIMARY KEY (credit_code, reference)
);
