package org.sanrong.datahub;

import java.io.BufferedInputStream;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;

/**
 * Streams a source's file, CSV (UTF-8 with or without BOM, RFC 4180) or the first sheet of an .xlsx, in constant
 * memory. The header names the columns (Chinese or the English alias, any order); a missing required column or an
 * unknown one refuses the file before any row is taken, naming them.
 */
final class HubSheet {

    enum Format {
        CSV, XLSX
    }

    interface RowSink {
        /** A data row: its line in the file (the header is line 1), cells by column key, the row as text. */
        void row(long line, Map<String, String> cells, String raw);
    }

    private HubSheet() {
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
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new InvalidRequestException("file", "文件不是有效的 .xlsx 文件");
        }
        return Format.CSV;
    }

    /** Reads every row; the header is checked against the source's columns first. */
    static void read(Path file, Format format, HubSource source, RowSink sink) {
        if (format == Format.CSV) {
            readCsv(file, source, sink);
        } else {
            readXlsx(file, source, sink);
        }
    }

    /** Column index → column key, or the problem naming the missing and unknown columns. */
    static String[] mapping(HubSource source, List<String> header) {
        Map<String, HubColumn> byName = new HashMap<>();
        for (HubColumn c : source.columns()) {
            byName.put(normal(c.header()), c);
            byName.put(normal(c.alias()), c);
        }
        String[] keys = new String[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            HubColumn c = byName.get(normal(name));
            if (c == null) {
                unknown.add(name);
            } else if (seen.containsKey(c.key())) {
                throw new InvalidRequestException("file", "列“" + c.header() + "”出现了两次");
            } else {
                seen.put(c.key(), i);
                keys[i] = c.key();
            }
        }
        List<String> missing = source.columns().stream().filter(c -> c.required() && !seen.containsKey(c.key()))
                .map(HubColumn::header).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder m = new StringBuilder("表头与" + source.label() + "数据格式不符：");
            if (!missing.isEmpty()) {
                m.append("缺少列 ").append(String.join("、", missing));
            }
            if (!unknown.isEmpty()) {
                m.append(missing.isEmpty() ? "" : "；").append("无法识别的列 ").append(String.join("、", unknown));
            }
            m.append("。应有的列：").append(String.join("、", source.columns().stream().map(HubColumn::header)
                    .toList()));
            throw new InvalidRequestException("file", m.toString());
        }
        return keys;
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('(', '（').replace(')', '）').replace(" ", "");
    }

    private static void readCsv(Path file, HubSource source, RowSink sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build().parse(reader)) {
            String[] keys = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (keys == null) {
                    keys = mapping(source, cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                sink.row(record.getRecordNumber(), byKey(keys, cells), String.join(",", cells));
            }
            if (keys == null) {
                throw new InvalidRequestException("file", "文件为空：没有表头");
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException("file", "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后上传");
            }
            throw e;
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("file", "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后上传");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readXlsx(Path file, HubSource source, RowSink sink) {
        String[][] keys = {null};
        try (InputStream in = Files.newInputStream(file)) {
            Spreadsheets.read(in, row -> {
                if (keys[0] == null) {
                    keys[0] = mapping(source, row.cells());
                    return;
                }
                if (row.cells().stream().allMatch(String::isBlank)) {
                    return;
                }
                sink.row(row.line(), byKey(keys[0], row.cells()), String.join(",", row.cells()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keys[0] == null) {
            throw new InvalidRequestException("file", "工作表为空：没有表头");
        }
    }

    private static Map<String, String> byKey(String[] keys, List<String> cells) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keys.length && i < cells.size(); i++) {
            if (keys[i] != null) {
                m.put(keys[i], cells.get(i));
            }
        }
        if (cells.size() > keys.length && cells.subList(keys.length, cells.size()).stream()
                .anyMatch(c -> !c.isBlank())) {
            m.put("__extra", "true");
        }
        return m;
    }

    /** The template: header row and one example row, as CSV with a BOM so Excel reads it as UTF-8. */
    static String template(HubSource source) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(String.join(",", source.columns().stream().map(c -> quote(c.header())).toList())).append("\r\n");
        s.append(String.join(",", source.columns().stream().map(c -> quote(c.example())).toList())).append("\r\n");
        return s.toString();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
