package org.sanrong.credit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The feature catalogue (特征目录): every quantity computed per enterprise from its 企业库 profile and the hub's
 * government data, as of the last complete month. Codes are what model files name; the definitions are in
 * docs/credit-features.md. {@code actionable} features are ones the enterprise can move, so "what would raise it"
 * hints are given for them only; reasons are given for all.
 */
public enum CreditFeature {
    // 企业库: registry and profile
    YEARS_IN_OPERATION(Group.REGISTRY, "成立年限", "年", false),
    REGISTERED_CAPITAL_WAN(Group.REGISTRY, "注册资本", "万元", false),
    HEADCOUNT(Group.REGISTRY, "从业人数（申报）", "人", false),
    EQUITY_FUNDED(Group.REGISTRY, "获得股权融资", "是=1", true),
    LIVE_QUALIFICATIONS(Group.REGISTRY, "有效资质数", "项", true),
    HIGH_TECH(Group.REGISTRY, "高新技术企业", "是=1", true),
    SRDI(Group.REGISTRY, "专精特新企业", "是=1", true),
    TECH_SME(Group.REGISTRY, "科技型中小企业", "是=1", true),
    // yearly figures the enterprise reports
    REVENUE_WAN(Group.FIGURES, "上年营业收入", "万元", true),
    REVENUE_GROWTH_PCT(Group.FIGURES, "营业收入增长率", "%", true),
    RD_INTENSITY_PCT(Group.FIGURES, "研发投入强度", "%", true),
    RD_STAFF_PCT(Group.FIGURES, "研发人员占比", "%", true),
    // intellectual property (hub registrations, else the profile's declaration)
    INVENTION_PATENTS(Group.IP, "有效发明专利", "件", true),
    INVENTION_PER_100_STAFF(Group.IP, "每百人发明专利", "件", true),
    IP_TOTAL(Group.IP, "知识产权总数", "件", true),
    IP_NEW_24M(Group.IP, "近24个月新增知识产权", "件", true),
    TRADEMARKS(Group.IP, "注册商标", "件", true),
    // tax
    TAX_12M_WAN(Group.TAX, "近12个月纳税额", "万元", true),
    TAX_GROWTH_YOY_PCT(Group.TAX, "纳税额同比增长", "%", true),
    TAX_PAID_MONTHS_12M(Group.TAX, "近12个月有纳税月数", "月", true),
    TAX_CREDIT_GRADE(Group.TAX, "纳税信用等级", "A=5…D=1", true),
    TAX_TO_REVENUE_PCT(Group.TAX, "纳税额占营业收入", "%", false),
    TAX_VOLATILITY(Group.TAX, "纳税波动系数", "", false),
    TAX_DATA_MONTHS(Group.TAX, "纳税数据覆盖月数", "月", false),
    // social insurance and housing fund
    SOCIAL_HEADCOUNT(Group.SOCIAL, "社保参保人数", "人", true),
    SOCIAL_TREND_12M_PCT(Group.SOCIAL, "参保人数12个月变化", "%", true),
    SOCIAL_TREND_3M_PCT(Group.SOCIAL, "参保人数3个月变化", "%", true),
    SOCIAL_DROP_MONTHS_12M(Group.SOCIAL, "近12个月参保人数下降超5%的月数", "月", false),
    FUND_SHARE_PCT(Group.SOCIAL, "公积金缴存人数占参保人数", "%", true),
    SOCIAL_COVERAGE_PCT(Group.SOCIAL, "参保人数占申报从业人数", "%", true),
    // water, power, gas
    POWER_YOY_PCT(Group.UTILITIES, "用电量同比", "%", true),
    POWER_3M_YOY_PCT(Group.UTILITIES, "近3个月用电量同比", "%", true),
    WATER_YOY_PCT(Group.UTILITIES, "用水量同比", "%", true),
    GAS_YOY_PCT(Group.UTILITIES, "用气量同比", "%", true),
    POWER_PER_HEAD_KWH(Group.UTILITIES, "人均月用电量", "千瓦时", false),
    POWER_ZERO_MONTHS_12M(Group.UTILITIES, "近12个月用电为零的月数", "月", false),
    // customs
    EXPORT_12M_WAN(Group.CUSTOMS, "近12个月出口额", "万元", true),
    IMPORT_12M_WAN(Group.CUSTOMS, "近12个月进口额", "万元", false),
    EXPORT_SHARE_PCT(Group.CUSTOMS, "出口额占营业收入", "%", false),
    EXPORT_GROWTH_YOY_PCT(Group.CUSTOMS, "出口额同比", "%", true),
    // courts and regulators
    JUDGEMENTS_24M(Group.LEGAL, "近24个月败诉或被诉判决", "件", false),
    JUDGEMENT_AMOUNT_24M_WAN(Group.LEGAL, "近24个月判决涉案金额", "万元", false),
    ENFORCEMENTS_24M(Group.LEGAL, "近24个月被执行或失信记录", "件", false),
    PENALTIES_24M(Group.LEGAL, "近24个月行政处罚", "件", false),
    PENALTY_AMOUNT_24M_WAN(Group.LEGAL, "近24个月罚款金额", "万元", false);

    /** Where a feature comes from, for grouping on pages. */
    public enum Group {
        REGISTRY("企业库"), FIGURES("经营数据"), IP("知识产权"), TAX("纳税"), SOCIAL("社保公积金"), UTILITIES("水电气"),
        CUSTOMS("海关"), LEGAL("司法与行政处罚");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Map<String, CreditFeature> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(CreditFeature::code, Function.identity()));

    private final Group group;
    private final String label;
    private final String unit;
    private final boolean actionable;

    CreditFeature(Group group, String label, String unit, boolean actionable) {
        this.group = group;
        this.label = label;
        this.unit = unit;
        this.actionable = actionable;
    }

    /** The code model files and the API use: the constant's name in lower case, e.g. {@code tax_growth_yoy_pct}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CreditFeature> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code.strip().toLowerCase(Locale.ROOT)));
    }

    public Group group() {
        return group;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean actionable() {
        return actionable;
    }

    /** A value as a page shows it: whole numbers plain, others to two decimals; missing as "—". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
