package org.sanrong.credit.scorecard;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanrong.platform.Spreadsheets;

/**
 * Labelled training data as text: a header of column names and rows of cells. Read from CSV (RFC 4180: quoted
 * cells, commas and line breaks inside quotes, CRLF or LF; UTF-8 with or without BOM) or from the first sheet of an
 * .xlsx. Blank lines are skipped; short rows are padded with blanks; a row longer than the header is an error.
 */
public record TrainingTable(List<String> columns, List<List<String>> rows) {

    /** Cells that mean "no value": blank, NA, N/A, NaN, null, and ARFF's "?". */
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");

    public TrainingTable {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() > columns.size()) {
                throw new IllegalArgumentException("data row " + (r + 1) + " has " + row.size() + " cells, the header "
                        + columns.size());
            }
            List<String> padded = new ArrayList<>(row);
            while (padded.size() < columns.size()) {
                padded.add("");
            }
            copy.add(List.copyOf(padded));
        }
        rows = List.copyOf(copy);
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column names repeat: " + columns);
        }
    }

    public static boolean isMissing(String cell) {
        return MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columns);
        }
        return index;
    }

    /** Reads a .csv or .xlsx file (told apart by content: an .xlsx is a zip). */
    public static TrainingTable read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(4);
            byte[] head = in.readNBytes(2);
            in.reset();
            return head.length == 2 && head[0] == 'P' && head[1] == 'K' ? readXlsx(in) : readCsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrainingTable readCsv(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build().parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = new ArrayList<>(cells);
                    if (!header.isEmpty()) {
                        header.set(0, header.get(0).replace("\uFEFF", ""));
                    }
                    header.replaceAll(String::strip);
                    continue;
                }
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() > header.size()) {
                    throw new IllegalArgumentException("line " + record.getRecordNumber() + " has " + cells.size()
                            + " cells, the header " + header.size());
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: no header row");
        }
        return new TrainingTable(header, rows);
    }

    private static TrainingTable readXlsx(InputStream in) {
        List<List<String>> all = new ArrayList<>();
        Spreadsheets.read(in, row -> all.add(row.cells()));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the sheet is empty: no header row");
        }
        List<String> header = all.get(0);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> cells : all.subList(1, all.size())) {
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream()
                    .allMatch(String::isBlank) ? cells.subList(0, header.size()) : cells);
        }
        return new TrainingTable(header, rows);
    }
}
