package org.sanrong.datahub;

import org.jspecify.annotations.Nullable;

/** One figure of a periodic source, with its unit; money is held in fen and entered in yuan. */
public enum Measure {
    TAX_PAID(HubSource.TAX, "实缴税额", "元", true),
    TAX_GRADE(HubSource.TAX, "纳税信用等级", "", false),
    SOCIAL_HEADCOUNT(HubSource.SOCIAL_INSURANCE, "社保参保人数", "人", false),
    FUND_HEADCOUNT(HubSource.SOCIAL_INSURANCE, "公积金缴存人数", "人", false),
    WATER(HubSource.UTILITIES, "用水量", "吨", false),
    POWER(HubSource.UTILITIES, "用电量", "千瓦时", false),
    GAS(HubSource.UTILITIES, "用气量", "立方米", false),
    IMPORTS(HubSource.CUSTOMS, "进口额", "元", true),
    EXPORTS(HubSource.CUSTOMS, "出口额", "元", true);

    private final HubSource source;
    private final String label;
    private final String unit;
    private final boolean money;

    Measure(HubSource source, String label, String unit, boolean money) {
        this.source = source;
        this.label = label;
        this.unit = unit;
        this.money = money;
    }

    public HubSource source() {
        return source;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** Held in fen, shown and entered in yuan. */
    public boolean money() {
        return money;
    }

    /** The figure of a point (the tax grade as 5 for A down to 1 for D), or null when not reported. */
    public @Nullable Long of(SeriesPoint p) {
        return switch (this) {
            case TAX_PAID -> p.taxPaidFen();
            case TAX_GRADE -> p.taxGrade() == null ? null : (long) (5 - "ABMCD".indexOf(p.taxGrade()));
            case SOCIAL_HEADCOUNT -> p.socialHeadcount() == null ? null : (long) p.socialHeadcount();
            case FUND_HEADCOUNT -> p.fundHeadcount() == null ? null : (long) p.fundHeadcount();
            case WATER -> p.waterTonnes();
            case POWER -> p.powerKwh();
            case GAS -> p.gasCubicMetres();
            case IMPORTS -> p.importFen();
            case EXPORTS -> p.exportFen();
        };
    }

    /** As a page shows it: yuan with two decimals for money, the letter for the tax grade, else the number. */
    public String format(SeriesPoint p) {
        if (this == TAX_GRADE) {
            return p.taxGrade() == null ? "—" : p.taxGrade();
        }
        Long v = of(p);
        if (v == null) {
            return "—";
        }
        return money ? java.math.BigDecimal.valueOf(v, 2).toPlainString() : Long.toString(v);
    }
}
