package org.sanrong.listing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Each board's listing criteria, read at start from two CSV files (boards and their sources; the criteria, one row
 * each), by default {@code classpath:listing/boards.csv} and {@code classpath:listing/criteria.csv}. A malformed file
 * fails the start naming its line, so a wrong threshold never silently judges anyone.
 */
@Component
public class ListingCriteria {

    private final Map<ListingBoard, BoardRules> boards;

    ListingCriteria(ResourceLoader resources,
            @Value("${sanrong.listing.boards:classpath:listing/boards.csv}") String boardsFile,
            @Value("${sanrong.listing.criteria:classpath:listing/criteria.csv}") String criteriaFile) {
        this.boards = parse(lines(resources.getResource(boardsFile)), lines(resources.getResource(criteriaFile)),
                boardsFile, criteriaFile);
    }

    /** The rules of one board (a board without criteria, such as 境外, has an empty list of standards). */
    public BoardRules of(ListingBoard board) {
        return boards.get(board);
    }

    public List<BoardRules> all() {
        return List.copyOf(boards.values());
    }

    static Map<ListingBoard, BoardRules> parse(List<String> boardLines, List<String> criteriaLines, String boardsFile,
            String criteriaFile) {
        record Head(String name, String rules, String article, @Nullable LocalDate effective, boolean verified,
                String note) {
        }
        Map<ListingBoard, Head> heads = new EnumMap<>(ListingBoard.class);
        forEachRow(boardLines, boardsFile, 7, (line, f) -> {
            ListingBoard board = ListingBoard.valueOf(f.get(0));
            if (heads.put(board, new Head(f.get(1), f.get(2), f.get(3), f.get(4).isBlank() ? null
                    : LocalDate.parse(f.get(4)), bool(f.get(5)), f.get(6))) != null) {
                throw new IllegalArgumentException("board " + board + " given twice");
            }
        });
        Map<ListingBoard, Map<String, List<Criterion>>> sets = new EnumMap<>(ListingBoard.class);
        forEachRow(criteriaLines, criteriaFile, 9, (line, f) -> {
            ListingBoard board = ListingBoard.valueOf(f.get(0));
            if (!heads.containsKey(board)) {
                throw new IllegalArgumentException("board " + board + " is not in " + boardsFile);
            }
            String op = f.get(5);
            if (!op.equals("GE") && !op.equals("GT")) {
                throw new IllegalArgumentException("operator must be GE or GT, was " + op);
            }
            Criterion c = new Criterion(Criterion.Metric.valueOf(f.get(2)), Criterion.Measure.valueOf(f.get(3)),
                    Integer.parseInt(f.get(4)), op.equals("GT"), new BigDecimal(f.get(6)), Criterion.Unit.parse(f.get(7)),
                    f.get(8));
            sets.computeIfAbsent(board, b -> new LinkedHashMap<>()).computeIfAbsent(f.get(1), s -> new ArrayList<>())
                    .add(c);
        });
        Map<ListingBoard, BoardRules> out = new EnumMap<>(ListingBoard.class);
        for (ListingBoard board : ListingBoard.values()) {
            Head h = heads.get(board);
            if (h == null) {
                throw new IllegalStateException(boardsFile + ": board " + board + " (" + board.label() + ") is missing");
            }
            List<Standard> standards = new ArrayList<>();
            sets.getOrDefault(board, Map.of()).forEach((name, criteria) -> standards.add(new Standard(board, name,
                    criteria)));
            out.put(board, new BoardRules(board, h.name(), h.rules(), blank(h.article()), h.effective(), h.verified(),
                    blank(h.note()), standards));
        }
        return out;
    }

    private interface RowHandler {
        void row(int line, List<String> fields);
    }

    /** Skips comments, blank lines and the header; every other line must have {@code columns} fields. */
    private static void forEachRow(List<String> lines, String file, int columns, RowHandler handler) {
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            if (!header) {
                header = true;
                continue;
            }
            try {
                List<String> fields = split(text);
                if (fields.size() != columns) {
                    throw new IllegalArgumentException("expected " + columns + " fields, found " + fields.size());
                }
                handler.row(i + 1, fields);
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    /** One CSV line (RFC 4180 quoting: a field in double quotes may hold commas, "" is a quote). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        out.add(field.toString().strip());
        return out;
    }

    private static boolean bool(String s) {
        return switch (s) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("verified must be yes or no, was " + s);
        };
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> lines(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read listing criteria " + resource + ": " + e.getMessage(), e);
        }
    }
}
