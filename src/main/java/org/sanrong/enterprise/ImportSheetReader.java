package org.sanrong.enterprise;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.exception.ExcelAnalysisStopException;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanrong.platform.InvalidRequestException;

/**
 * Streams the rows of an uploaded enterprise sheet, CSV (UTF-8, with or without BOM) or .xlsx (SAX, through
 * fastexcel), in constant memory. Columns may come in any order; every column of {@link EnterpriseSheet} must be
 * there and no other, or the whole file is refused before a row is read.
 */
final class ImportSheetReader {

    enum Format {
        CSV, XLSX
    }

    /** Receives each data row with its line number in the file (the header is line 1). */
    interface RowSink {
        void row(long line, String[] cells);
    }

    /** How far reading has got, as a fraction of the file; -1 while unknown. */
    interface Progress {
        double fraction();
    }

    private final Path file;
    private final Format format;
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile long approximateRows = -1;
    private volatile long rowsSeen;

    ImportSheetReader(Path file, String fileName) {
        this.file = file;
        this.format = detect(file, fileName);
    }

    Format format() {
        return format;
    }

    static Format detect(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
                return Format.XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                throw new InvalidRequestException("file", "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后上传");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            throw new InvalidRequestException("file", "文件不是有效的 .xlsx 文件");
        }
        return Format.CSV;
    }

    /** Checks the header only; throws the problem naming the missing and unknown columns. */
    void checkHeader() {
        if (format == Format.CSV) {
            try (CSVParser parser = csv()) {
                var it = parser.iterator();
                mapping(it.hasNext() ? it.next().toList() : List.of());
            } catch (UncheckedIOException e) {
                throw notUtf8(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            List<String> header = new ArrayList<>();
            FastExcel.read(file.toFile(), new ReadListener<Map<Integer, String>>() {
                @Override
                public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
                    header.addAll(headerCells(head));
                    throw new ExcelAnalysisStopException();
                }

                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    throw new ExcelAnalysisStopException();
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).sheet(0).headRowNumber(1).doRead();
            mapping(header);
        }
    }

    /** Reads every data row into the sink, in file order. */
    void read(RowSink sink) {
        if (format == Format.CSV) {
            readCsv(sink);
        } else {
            readXlsx(sink);
        }
    }

    Progress progress() {
        long size = sizeOf(file);
        return () -> {
            if (format == Format.CSV) {
                return size == 0 ? 1 : Math.min(1, bytesRead.get() / (double) size);
            }
            long total = approximateRows;
            return total <= 0 ? -1 : Math.min(1, rowsSeen / (double) total);
        };
    }

    private void readCsv(RowSink sink) {
        try (CSVParser parser = csv()) {
            int[] mapping = null;
            for (CSVRecord record : parser) {
                if (mapping == null) {
                    mapping = mapping(record.toList());
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                String[] cells = new String[EnterpriseSheet.values().length];
                for (int j = 0; j < record.size() && j < mapping.length; j++) {
                    if (mapping[j] >= 0) {
                        cells[mapping[j]] = record.get(j);
                    }
                }
                sink.row(record.getRecordNumber(), cells);
            }
        } catch (UncheckedIOException e) {
            throw notUtf8(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readXlsx(RowSink sink) {
        int[][] mapping = new int[1][];
        FastExcel.read(file.toFile(), new ReadListener<Map<Integer, String>>() {
            @Override
            public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
                mapping[0] = mapping(headerCells(head));
                Integer approx = context.readSheetHolder().getApproximateTotalRowNumber();
                approximateRows = approx == null ? -1 : approx - 1;
            }

            @Override
            public void invoke(Map<Integer, String> data, AnalysisContext context) {
                int[] m = mapping[0];
                if (m == null) {
                    throw new InvalidRequestException("file", "表头不正确：文件没有表头行");
                }
                String[] cells = new String[EnterpriseSheet.values().length];
                for (Map.Entry<Integer, String> e : data.entrySet()) {
                    int j = e.getKey();
                    if (j < m.length && m[j] >= 0) {
                        cells[m[j]] = e.getValue();
                    }
                }
                rowsSeen++;
                sink.row(context.readRowHolder().getRowIndex() + 1L, cells);
            }

            @Override
            public void doAfterAllAnalysed(AnalysisContext context) {
            }

            @Override
            public void onException(Exception exception, AnalysisContext context) throws Exception {
                throw exception;
            }
        }).sheet(0).headRowNumber(1).doRead();
    }

    private static List<String> headerCells(Map<Integer, ReadCellData<?>> head) {
        int max = head.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            ReadCellData<?> c = head.get(i);
            cells.add(c == null || c.getStringValue() == null ? "" : c.getStringValue());
        }
        return cells;
    }

    /** File column index to {@link EnterpriseSheet} ordinal (-1 for a blank trailing column). */
    static int[] mapping(List<String> header) {
        int[] mapping = new int[header.size()];
        Set<EnterpriseSheet> seen = EnumSet.noneOf(EnterpriseSheet.class);
        List<String> unknown = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String h = header.get(j) == null ? "" : header.get(j).replace("\uFEFF", "").strip();
            if (h.isEmpty()) {
                mapping[j] = -1;
                continue;
            }
            EnterpriseSheet column = EnterpriseSheet.byHeader(h);
            if (column == null) {
                unknown.add(h);
                mapping[j] = -1;
            } else if (!seen.add(column)) {
                duplicate.add(h);
                mapping[j] = -1;
            } else {
                mapping[j] = column.ordinal();
            }
        }
        List<String> missing = Arrays.stream(EnterpriseSheet.values()).filter(c -> !seen.contains(c))
                .map(EnterpriseSheet::header).toList();
        if (missing.isEmpty() && unknown.isEmpty() && duplicate.isEmpty()) {
            return mapping;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("缺少列：" + quoted(missing));
        }
        if (!unknown.isEmpty()) {
            parts.add("无法识别的列：" + quoted(unknown));
        }
        if (!duplicate.isEmpty()) {
            parts.add("重复的列：" + quoted(duplicate));
        }
        throw new InvalidRequestException("file", "表头不正确，整个文件未导入。" + String.join("；", parts)
                + "。请使用模板的" + EnterpriseSheet.values().length + "个列名（顺序不限）。");
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "“" + n + "”").collect(Collectors.joining("、"));
    }

    private CSVParser csv() throws IOException {
        InputStream in = new BufferedInputStream(new CountingInputStream(Files.newInputStream(file), bytesRead),
                1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build().parse(reader);
    }

    private static RuntimeException notUtf8(UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new InvalidRequestException("file", "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后上传");
        }
        return e;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
