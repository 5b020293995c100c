package org.sanrong.platform;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reports as PDF: a title, a line of notes, then each sheet as a table, A4 landscape, with a CJK font embedded from
 * the system (Debian's fonts-noto-cjk by default: {@code NotoSansCJK-Regular.ttc}, face 2 = Simplified Chinese), so
 * Chinese prints correctly wherever the file is opened. OpenPDF writes it.
 */
public final class PdfReports {

    public static final String DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

    private PdfReports() {
    }

    /** Whether the font file is there. */
    public static boolean fontAvailable(String font) {
        String file = font.contains(".ttc,") ? font.substring(0, font.lastIndexOf(',')) : font;
        return Files.isReadable(Path.of(file));
    }

    /** The report; {@code widths} (may be null) gives relative column widths per sheet name. */
    public static byte[] tables(String title, String notes, List<Spreadsheets.Sheet> sheets, String font,
            java.util.Map<String, float[]> widths) {
        if (!fontAvailable(font)) {
            throw new IllegalStateException("PDF 需要中文字体 " + font + "（Debian: apt-get install fonts-noto-cjk）");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
        try {
            BaseFont base = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font titleFont = new Font(base, 16, Font.BOLD);
            Font heading = new Font(base, 11, Font.BOLD);
            Font small = new Font(base, 6.5f);
            Font cell = new Font(base, 7f);
            PdfWriter.getInstance(doc, bytes);
            doc.addTitle(title);
            doc.open();
            Paragraph t = new Paragraph(title, titleFont);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph(notes, small));
            for (Spreadsheets.Sheet sheet : sheets) {
                Paragraph h = new Paragraph(sheet.name(), heading);
                h.setSpacingBefore(8);
                h.setSpacingAfter(4);
                doc.add(h);
                PdfPTable table = new PdfPTable(sheet.headers().size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                if (widths.containsKey(sheet.name())) {
                    table.setWidths(widths.get(sheet.name()));
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
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF 生成失败：" + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
