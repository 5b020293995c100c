package org.sanrong.stats;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.List;
import org.sanrong.platform.PdfReports;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 科技金融统计月报: the month's figures with their definitions, the trend, and the breakdowns by town, institution,
 * industry section, enterprise category and product type, plus tech-credit growth against its target; as Excel and as
 * PDF. The PDF embeds a CJK font from the system (Debian's fonts-noto-cjk by default; {@code sanrong.stats.pdf-font}).
 */
@Component
public class MonthlyReport {

    private final Statistics statistics;
    private final String fontPath;

    MonthlyReport(Statistics statistics,
            @Value("${sanrong.stats.pdf-font:" + PdfReports.DEFAULT_FONT + "}") String font) {
        this.statistics = statistics;
        this.fontPath = font;
    }

    /** The sheets of the month's report for a government user (the whole city). */
    public List<Spreadsheets.Sheet> sheets(YearMonth month) {
        Selection s = Selection.of(month);
        return List.of(StatisticsTables.figures(statistics.figures(s), statistics.compensation(s),
                    statistics.subsidiesPaid(s)),
                StatisticsTables.trend(statistics.trend(s, 13)),
                StatisticsTables.totals("分镇街", "镇街", statistics.breakdown(s, Statistics.Dimension.TOWN)),
                StatisticsTables.totals("分机构", "机构", statistics.breakdown(s, Statistics.Dimension.INSTITUTION)),
                StatisticsTables.totals("分行业门类", "行业门类", statistics.breakdown(s, Statistics.Dimension.SECTION)),
                StatisticsTables.totals("分企业类别", "企业类别", statistics.breakdown(s, Statistics.Dimension.CATEGORY)),
                StatisticsTables.totals("分产品类型", "产品类型", statistics.breakdown(s, Statistics.Dimension.PRODUCT_TYPE)),
                StatisticsTables.growth(statistics.techCreditGrowth(s)));
    }

    public void excel(YearMonth month, OutputStream out) {
        Spreadsheets.write(out, sheets(month));
    }

    /** Whether the configured font file is there (the PDF needs it). */
    public boolean pdfAvailable() {
        return PdfReports.fontAvailable(fontPath);
    }

    public byte[] pdf(YearMonth month) {
        return PdfReports.tables("科技金融统计月报（" + month.getYear() + "年" + month.getMonthValue() + "月）",
                "报告日：" + month.atEndOfMonth() + "。" + Definitions.BASIS + "金额单位：万元。", sheets(month), fontPath,
                java.util.Map.of("概览", new float[] {2.2f, 1.6f, 8f}));
    }
}
