package org.sanrong.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dimensions of {@code stats.loan_cube}: the total, each single dimension, and the ordered pairs "FILTER>GROUP"
 * that a selection filtered on one dimension and broken down by another reads. One list, used both to book a cell's
 * change into the cube and to rebuild the cube with GROUPING SETS, so the two cannot differ.
 */
final class CubeDimensions {

    private CubeDimensions() {
    }

    /** A cube dimension: its name and the cell columns whose values, joined with "|", are its value. */
    record Dim(String name, List<String> columns) {
    }

    static final List<String> SINGLE = List.of("TOWN", "INSTITUTION", "SECTION", "DIVISION", "PRODUCT_TYPE");

    static final List<Dim> ALL;

    static {
        List<Dim> dims = new ArrayList<>();
        dims.add(new Dim("TOTAL", List.of()));
        for (String d : SINGLE) {
            dims.add(new Dim(d, List.of(d)));
        }
        for (String filter : SINGLE) {
            for (String group : SINGLE) {
                if (!filter.equals(group) && !(filter.equals("DIVISION") && group.equals("SECTION"))) {
                    dims.add(new Dim(filter + ">" + group, List.of(filter, group)));
                }
            }
        }
        ALL = List.copyOf(dims);
    }

    /** The value of a dimension for a cell whose dimension values are given by name. */
    static String value(Dim dim, Map<String, String> cell) {
        if (dim.columns().isEmpty()) {
            return LoanBook.ALL;
        }
        return String.join("|", dim.columns().stream().map(cell::get).toList());
    }

    /** The column of stats.loan_flow holding a single dimension, as text. */
    static String column(String single) {
        return switch (single) {
            case "TOWN" -> "f.town_code";
            case "INSTITUTION" -> "CAST(f.institution_id AS text)";
            case "SECTION" -> "f.section_code";
            case "DIVISION" -> "f.division_code";
            case "PRODUCT_TYPE" -> "f.product_type";
            default -> throw new IllegalArgumentException(single);
        };
    }
}
