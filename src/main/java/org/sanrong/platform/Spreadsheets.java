package org.sanrong.platform;

import cn.idev.excel.FastExcel;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.write.metadata.WriteSheet;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Excel in and out, streaming both ways (fastexcel reads with SAX and writes with SXSSF), so a list of a hundred
 * thousand rows never sits in memory as a workbook.
 */
public final class Spreadsheets {

    /** A row as read: its 1-based line number in the sheet and its cells as text (blank cells are ""). */
    public record Row(int line, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** A sheet of a workbook written whole: name, header row and rows. */
    public record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    private static final int WRITE_BATCH = 2_000;

    private Spreadsheets() {
    }

    /** Reads the first sheet of an .xlsx, header row included, row by row. */
    public static void read(InputStream xlsx, Consumer<Row> sink) {
        FastExcel.read(xlsx, new ReadListener<Map<Integer, String>>() {
            @Override
            public void invoke(Map<Integer, String> data, AnalysisContext context) {
                int width = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                List<String> cells = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    String v = data.get(i);
                    cells.add(v == null ? "" : v.strip());
                }
                sink.accept(new Row(context.readRowHolder().getRowIndex() + 1, cells));
            }

            @Override
            public void doAfterAllAnalysed(AnalysisContext context) {
            }
        }).headRowNumber(0).sheet().doRead();
    }

    /** Writes one sheet: a header row, then the rows in batches. */
    public static void write(OutputStream out, String sheetName, List<String> headers, Iterator<List<Object>> rows) {
        List<List<String>> head = headers.stream().map(List::of).toList();
        try (ExcelWriter writer = FastExcel.write(out).head(head).build()) {
            WriteSheet sheet = FastExcel.writerSheet(sheetName).build();
            List<List<Object>> batch = new ArrayList<>(WRITE_BATCH);
            boolean wrote = false;
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == WRITE_BATCH) {
                    writer.write(batch, sheet);
                    batch.clear();
                    wrote = true;
                }
            }
            if (!batch.isEmpty() || !wrote) {
                writer.write(batch, sheet);
            }
        }
    }

    /** Writes a workbook of several sheets, in order; for reports small enough to hold in memory. */
    public static void write(OutputStream out, List<Sheet> sheets) {
        try (ExcelWriter writer = FastExcel.write(out).build()) {
            for (int i = 0; i < sheets.size(); i++) {
                Sheet s = sheets.get(i);
                WriteSheet sheet = FastExcel.writerSheet(i, s.name()).head(s.headers().stream().map(List::of).toList())
                        .build();
                writer.write(s.rows(), sheet);
            }
        }
    }
}
