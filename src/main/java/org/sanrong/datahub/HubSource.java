package org.sanrong.datahub;

import java.util.List;

/**
 * A source of government data, with the columns of its import file (Chinese header or the English alias; see
 * docs/datahub.md). Periodic sources carry figures by month (tax also by quarter); the others carry dated records
 * identified by a document number.
 */
public enum HubSource {

    TAX("纳税", true, List.of(
            HubColumn.CODE, HubColumn.PERIOD,
            new HubColumn("taxPaid", "实缴税额（元）", "tax_paid_yuan", false, "86500.00"),
            new HubColumn("taxGrade", "纳税信用等级", "tax_credit_grade", false, "A"))),
    SOCIAL_INSURANCE("社保与公积金", true, List.of(
            HubColumn.CODE, HubColumn.PERIOD,
            new HubColumn("socialHeadcount", "社保参保人数", "social_insurance_headcount", false, "120"),
            new HubColumn("fundHeadcount", "公积金缴存人数", "housing_fund_headcount", false, "85"))),
    UTILITIES("水电气", true, List.of(
            HubColumn.CODE, HubColumn.PERIOD,
            new HubColumn("water", "用水量（吨）", "water_tonnes", false, "860"),
            new HubColumn("power", "用电量（千瓦时）", "power_kwh", false, "152000"),
            new HubColumn("gas", "用气量（立方米）", "gas_cubic_metres", false, ""))),
    CUSTOMS("海关进出口", true, List.of(
            HubColumn.CODE, HubColumn.PERIOD,
            new HubColumn("imports", "进口额（元）", "import_yuan", false, "1200000.00"),
            new HubColumn("exports", "出口额（元）", "export_yuan", false, "3560000.00"))),
    JUDGEMENTS("司法判决", false, List.of(
            HubColumn.CODE,
            new HubColumn("reference", "案号", "case_number", true, "（2025）粤1971民初12345号"),
            new HubColumn("date", "裁判日期", "judged_on", true, "2025-06-18"),
            new HubColumn("kind", "案件类型", "case_type", true, "民事"),
            new HubColumn("role", "诉讼地位", "role", true, "被告"),
            new HubColumn("amount", "涉案金额（元）", "amount_yuan", false, "250000.00"),
            new HubColumn("authority", "审理法院", "court", false, "东莞市第一人民法院"),
            new HubColumn("title", "案由", "cause", false, "买卖合同纠纷"))),
    PENALTIES("行政处罚", false, List.of(
            HubColumn.CODE,
            new HubColumn("reference", "决定书文号", "decision_number", true, "东环罚〔2025〕88号"),
            new HubColumn("date", "处罚日期", "decided_on", true, "2025-04-02"),
            new HubColumn("kind", "处罚类别", "category", true, "罚款"),
            new HubColumn("amount", "罚款金额（元）", "fine_yuan", false, "50000.00"),
            new HubColumn("authority", "处罚机关", "authority", false, "东莞市生态环境局"),
            new HubColumn("title", "违法事由", "reason", false, "废气超标排放"))),
    IP("知识产权", false, List.of(
            HubColumn.CODE,
            new HubColumn("reference", "登记号", "registration_number", true, "ZL202310123456.7"),
            new HubColumn("kind", "类型", "kind", true, "发明专利"),
            new HubColumn("date", "授权日期", "granted_on", true, "2024-09-10"),
            new HubColumn("status", "法律状态", "status", false, "有效"),
            new HubColumn("title", "名称", "title", false, "一种柔性电路板的制造方法")));

    private final String label;
    private final boolean periodic;
    private final List<HubColumn> columns;

    HubSource(String label, boolean periodic, List<HubColumn> columns) {
        this.label = label;
        this.periodic = periodic;
        this.columns = columns;
    }

    public String label() {
        return label;
    }

    /** Figures by period (true) or dated records (false). */
    public boolean periodic() {
        return periodic;
    }

    public List<HubColumn> columns() {
        return columns;
    }

    /** The measures a periodic source carries, in file order; none for record sources. */
    public List<Measure> measures() {
        return java.util.Arrays.stream(Measure.values()).filter(m -> m.source() == this).toList();
    }
}
