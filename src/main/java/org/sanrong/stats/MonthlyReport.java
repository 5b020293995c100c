package org.sanrong.stats;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
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
            @Value("${sanrong.stats.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String font) {
        this.statistics = statistics;
        this.fontPath = font;
    }

    /** The sheets of the month's report for a government user (the whole city). */
    public List<Spreadsheets.Sheet> sheets(YearMonth month) {
        Selection s = Selection.of(month);
        return List.of(StatisticsTables.figures(statistics.figures(s)),
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
        String file = fontPath.contains(".ttc,") ? fontPath.substring(0, fontPath.lastIndexOf(',')) : fontPath;
        return Files.isReadable(Path.of(file));
    }

    public byte[] pdf(YearMonth month) {
        if (!pdfAvailable()) {
            throw new IllegalStateException("PDF 月报需要中文字体 " + fontPath + "（Debian: apt-get install fonts-noto-cjk），"
                    + "或用 sanrong.stats.pdf-font 指定");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
        try {
            BaseFont base = BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font title = new Font(base, 16, Font.BOLD);
            Font heading = new Font(base, 11, Font.BOLD);
            Font small = new Font(base, 6.5f);
            Font cell = new Font(base, 7f);
            PdfWriter.getInstance(doc, bytes);
            doc.addTitle("科技金融统计月报 " + month);
            doc.open();
            Paragraph t = new Paragraph("科技金融统计月报（" + month.getYear() + "年" + month.getMonthValue() + "月）", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph("报告日：" + month.atEndOfMonth() + "。" + Definitions.BASIS + "金额单位：万元。", small));
            for (Spreadsheets.Sheet sheet : sheets(month)) {
                Paragraph h = new Paragraph(sheet.name(), heading);
                h.setSpacingBefore(8);
                h.setSpacingAfter(4);
                doc.add(h);
                PdfPTable table = new PdfPTable(sheet.headers().size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                if (sheet.name().equals("概览")) {
                    table.setWidths(new float[] {2.2f, 1.6f, 8f});
                }
                for (String header : sheet.headers()) {
                    PdfPCell c = new PdfPCell(new Phrase(header, small));
                    c.setBackgroundColor(new java.awt.Color(0xE3, 0xEB, 0xF5));
                    table.addCell(c);
                }
                for (List<Object> row : sheet.rows()) {
                    for (Object v : row) {
                        PdfPCell c = new PdfPCell(new Phrase(String.valueOf(v), cell));
                        if (v instanceof Number || v instanceof String s && s.matches("-?[0-9.]+|—")) {
                            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(c);
                    }
                }
                if (sheet.rows().isEmpty()) {
                    PdfPCell none = new PdfPCell(new Phrase("无数据", cell));
                    none.setColspan(sheet.headers().size());
                    table.addCell(none);
                }
                doc.add(table);
            }
            doc.close();
        } catch (java.io.IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("PDF 月报生成失败：" + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
