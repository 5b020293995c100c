package org.sanrong.enterprise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The enterprise sheet as operators upload it and the demo writes it: one row per enterprise under fixed Chinese
 * column headers, amounts in 万元 with up to six decimals (exactly one fen), dates as yyyy-MM-dd.
 */
public enum EnterpriseSheet {
    CREDIT_CODE("统一社会信用代码", EnterpriseRecord::creditCode),
    NAME("企业名称", EnterpriseRecord::name),
    LEGAL_FORM("企业类型", EnterpriseRecord::legalForm),
    REGISTERED_ON("成立日期", EnterpriseRecord::registeredOn),
    REGISTERED_CAPITAL("注册资本(万元)", r -> wan(r.registeredCapitalFen())),
    TOWN("所属镇街代码", EnterpriseRecord::townCode),
    ADDRESS("地址", EnterpriseRecord::address),
    INDUSTRY("行业代码", EnterpriseRecord::industryCode),
    HEADCOUNT("从业人数", EnterpriseRecord::headcount),
    YEAR("年度", EnterpriseRecord::figuresYear),
    REVENUE("营业收入(万元)", r -> wan(r.revenueFen())),
    RD_EXPENSE("研发投入(万元)", r -> wan(r.rdExpenseFen())),
    RD_STAFF("研发人员", EnterpriseRecord::rdStaff),
    INVENTION_PATENTS("发明专利", EnterpriseRecord::inventionPatents),
    UTILITY_PATENTS("实用新型", EnterpriseRecord::utilityPatents),
    DESIGN_PATENTS("外观设计", EnterpriseRecord::designPatents),
    SOFTWARE_COPYRIGHTS("软件著作权", EnterpriseRecord::softwareCopyrights),
    TRADEMARKS("商标", EnterpriseRecord::trademarks),
    CONTACT_NAME("联系人", EnterpriseRecord::contactName),
    CONTACT_PHONE("联系电话", EnterpriseRecord::contactMobile);

    /** One 万元 in fen. */
    public static final long FEN_PER_WAN = 1_000_000L;

    private final String header;
    private final Function<EnterpriseRecord, @Nullable Object> value;

    EnterpriseSheet(String header, Function<EnterpriseRecord, @Nullable Object> value) {
        this.header = header;
        this.value = value;
    }

    public String header() {
        return header;
    }

    /** The column a header names; full-width brackets and surrounding blanks are forgiven. */
    public static @Nullable EnterpriseSheet byHeader(String header) {
        String h = normaliseHeader(header);
        for (EnterpriseSheet c : values()) {
            if (c.header.equals(h)) {
                return c;
            }
        }
        return null;
    }

    static String normaliseHeader(String header) {
        return header.replace("\uFEFF", "").replace('（', '(').replace('）', ')').replace(" ", "").strip()
                .toLowerCase(Locale.ROOT);
    }

    public static List<String> headers() {
        return java.util.Arrays.stream(values()).map(EnterpriseSheet::header).toList();
    }

    /** The row's cells as text, in column order; blanks for unknown values. */
    public static String[] cells(EnterpriseRecord record) {
        EnterpriseSheet[] columns = values();
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object v = columns[i].value.apply(record);
            cells[i] = v == null ? "" : v.toString();
        }
        return cells;
    }

    /** Fen as 万元 text, exact: 1234560000 fen is "1234.56". */
    public static @Nullable String wan(@Nullable Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 6).stripTrailingZeros().toPlainString();
    }

    /** Writes a UTF-8 CSV (RFC 4180 quoting) of the header and the given rows; the caller owns the writer. */
    public static void writeCsvHeader(Writer out) {
        writeCsvRow(out, headers().toArray(String[]::new));
    }

    public static void writeCsv(Writer out, EnterpriseRecord record) {
        writeCsvRow(out, cells(record));
    }

    public static void writeCsvRow(Writer out, String[] cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String c = cells[i];
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(c.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(c);
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
