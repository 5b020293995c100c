package org.sanrong.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Spreadsheets;

/** The statistics tables as sheets: what the page shows, for Excel exports and the monthly report. Money in 万元. */
public final class StatisticsTables {

    private StatisticsTables() {
    }

    public static final List<String> TOTALS_HEADERS = List.of("余额（万元）", "年初余额（万元）", "比年初增加（万元）",
            "比年初增速（%）", "上年同期余额（万元）", "同比增速（%）", "当月发放额（万元）", "当月发放笔数", "本年累计发放额（万元）",
            "本年累计发放笔数", "信用贷余额（万元）", "信用贷占比（%）", "有余额贷款笔数", "逾期余额（万元）", "不良余额（万元）",
            "不良率（%）", "当月首贷户", "本年首贷户");

    public static Spreadsheets.Sheet totals(String sheetName, String dimension, List<Totals> rows) {
        List<String> headers = new ArrayList<>();
        headers.add(dimension);
        headers.addAll(TOTALS_HEADERS);
        List<List<Object>> out = new ArrayList<>();
        for (Totals t : rows) {
            out.add(totalsRow(t.name(), t));
        }
        return new Spreadsheets.Sheet(sheetName, headers, out);
    }

    static List<Object> totalsRow(String name, Totals t) {
        return List.of(name, wan(t.balanceFen()), wan(t.startOfYearFen()), wan(t.increaseSinceStartOfYearFen()),
                pct(t.sinceStartOfYearPercent()), wan(t.yearAgoFen()), pct(t.yearOnYearPercent()),
                wan(t.issuedMonthFen()), t.issuedMonthCount(), wan(t.issuedYtdFen()), t.issuedYtdCount(),
                wan(t.creditBalanceFen()), pct(t.creditSharePercent()), t.loans(), wan(t.overdueFen()),
                wan(t.nplFen()), pct(t.nplPercent()), t.firstBorrowersMonth(), t.firstBorrowersYtd());
    }

    public static Spreadsheets.Sheet trend(List<TrendPoint> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrendPoint p : points) {
            rows.add(List.of(p.month().toString(), wan(p.balanceFen()), wan(p.issuedFen()), wan(p.creditBalanceFen()),
                    pct(p.yearOnYearPercent())));
        }
        return new Spreadsheets.Sheet("月度趋势", List.of("月份", "月末余额（万元）", "当月发放额（万元）", "信用贷余额（万元）",
                "余额同比增速（%）"), rows);
    }

    public static Spreadsheets.Sheet growth(List<GrowthRow> growth) {
        List<List<Object>> rows = new ArrayList<>();
        for (GrowthRow g : growth) {
            rows.add(List.of(g.name(), wan(g.balanceFen()), wan(g.yearAgoFen()), pct(g.growthPercent()),
                    g.targetPercent().toPlainString(), light(g.light())));
        }
        return new Spreadsheets.Sheet("科技信贷增速", List.of("机构", "科技信贷余额（万元）", "上年同期（万元）", "同比增速（%）",
                "目标（%）", "状态"), rows);
    }

    public static Spreadsheets.Sheet loans(List<LoanLine> loans) {
        List<List<Object>> rows = new ArrayList<>();
        for (LoanLine l : loans) {
            rows.add(List.of(l.loanNumber(), l.institutionName(), l.enterpriseName(), l.creditCode(),
                    l.townName() == null ? "" : l.townName(), l.productType(), wan(l.amountFen()),
                    l.disbursedOn().toString(), l.maturityOn().toString(), wan(l.balanceFen()), status(l.status()),
                    l.firstLoan() ? "是" : "否"));
        }
        return new Spreadsheets.Sheet("贷款明细", List.of("贷款编号", "机构", "企业", "统一社会信用代码", "镇街", "产品类型",
                "放款金额（万元）", "放款日期", "到期日", "报告日余额（万元）", "状态", "首贷"), rows);
    }

    /** The headline figures with their definitions, one indicator a row. */
    public static Spreadsheets.Sheet figures(Figures f, Statistics.Compensation c, Statistics.SubsidiesPaid sp) {
        Totals t = f.totals();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("贷款余额（万元）", wan(t.balanceFen()), Definitions.BALANCE));
        rows.add(List.of("比年初增加（万元）", wan(t.increaseSinceStartOfYearFen()), Definitions.INCREASE));
        rows.add(List.of("当月发放额（万元）", wan(t.issuedMonthFen()), Definitions.ISSUED_MONTH));
        rows.add(List.of("本年累计发放额（万元）", wan(t.issuedYtdFen()), Definitions.ISSUED_YTD));
        rows.add(List.of("余额同比增速（%）", pct(t.yearOnYearPercent()), Definitions.YEAR_ON_YEAR));
        rows.add(List.of("贷款户数", f.borrowers(), Definitions.BORROWERS));
        rows.add(List.of("本年首贷户", t.firstBorrowersYtd(), Definitions.FIRST_BORROWERS));
        rows.add(List.of("信用贷占比（%）", pct(t.creditSharePercent()), Definitions.CREDIT_SHARE));
        rows.add(List.of("不良率（%）", pct(t.nplPercent()), Definitions.NPL));
        rows.add(List.of("本年股权投资额（万元）", wan(f.investedYtdFen()), Definitions.INVESTED));
        rows.add(List.of("本年发布融资需求（笔）", f.demandsPublishedYtd(), Definitions.DEMANDS));
        rows.add(List.of("本年需求满足（笔）", f.demandsMetYtd(), Definitions.DEMANDS_MET));
        rows.add(List.of("对接成功率（%）", pct(f.matchSuccessPercent()), Definitions.MATCH_SUCCESS));
        rows.add(List.of("响应中位工作日", f.medianResponseWorkingDays() == null ? "—" : f.medianResponseWorkingDays(),
                Definitions.RESPONSE));
        rows.add(List.of("本年风险补偿（笔）", c.claimsYtd(), Definitions.COMPENSATION));
        rows.add(List.of("本年风险补偿金额（万元）", wan(c.paidYtdFen()), Definitions.COMPENSATION));
        rows.add(List.of("本年补贴拨付（笔）", sp.itemsYtd(), Definitions.SUBSIDIES));
        rows.add(List.of("本年补贴拨付金额（万元）", wan(sp.paidYtdFen()), Definitions.SUBSIDIES));
        for (Figures.AccessRate a : f.accessRates()) {
            rows.add(List.of("获贷率·" + a.label() + "（%）", a.listKept() ? pct(a.percent()) + "（" + a.withLoan() + "/"
                    + a.listed() + "）" : "未留存名单", Definitions.ACCESS_RATE));
        }
        return new Spreadsheets.Sheet("概览", List.of("指标", "数值", "口径"), rows);
    }

    /** Fen as 万元 with two decimals, exact. */
    public static BigDecimal wan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static String pct(@Nullable BigDecimal p) {
        return p == null ? "—" : p.toPlainString();
    }

    static String light(Light light) {
        return switch (light) {
            case GREEN -> "绿灯（达标）";
            case YELLOW -> "黄灯（接近）";
            case RED -> "红灯（落后）";
            case NONE -> "无基数";
        };
    }

    static String status(@Nullable String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "NORMAL" -> "正常";
            case "OVERDUE" -> "逾期";
            case "NON_PERFORMING" -> "不良";
            case "REPAID" -> "已结清";
            default -> status;
        };
    }
}
