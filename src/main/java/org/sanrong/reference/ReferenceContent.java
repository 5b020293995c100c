package org.sanrong.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sanrong.reference.ReferenceFile.Row;

/**
 * The four reference files read and checked together: a file with a wrong header, a bad value, a duplicate code, a
 * parent that does not exist or an emerging-industry prefix that is no industry code is refused as a whole, with
 * file, line and problem named, before anything is written.
 */
record ReferenceContent(List<Town> towns, List<Industry> industries, List<EmergingIndustry> emergingIndustries,
        List<QualificationKind> qualificationKinds) {

    private static final Pattern TOWN_CODE = Pattern.compile("[0-9A-Za-z]{1,20}");
    private static final Pattern EMERGING_CODE = Pattern.compile("[0-9A-Za-z_.]{1,20}");
    private static final Pattern KIND_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern INDUSTRY_CODE = Pattern.compile("[A-Z][0-9]{0,4}");

    static ReferenceContent read(Map<Dataset, ReferenceFile> files) {
        List<Industry> industries = industries(file(files, Dataset.INDUSTRIES));
        Set<String> industryCodes = new LinkedHashSet<>();
        industries.forEach(i -> industryCodes.add(i.code()));
        return new ReferenceContent(towns(file(files, Dataset.TOWNS)), industries,
                emergingIndustries(file(files, Dataset.EMERGING_INDUSTRIES), industryCodes),
                qualificationKinds(file(files, Dataset.QUALIFICATION_KINDS)));
    }

    int rows(Dataset dataset) {
        return switch (dataset) {
            case TOWNS -> towns.size();
            case INDUSTRIES -> industries.size();
            case EMERGING_INDUSTRIES -> emergingIndustries.size();
            case QUALIFICATION_KINDS -> qualificationKinds.size();
        };
    }

    private static ReferenceFile file(Map<Dataset, ReferenceFile> files, Dataset dataset) {
        ReferenceFile file = files.get(dataset);
        if (file == null || file.dataset() != dataset) {
            throw new IllegalArgumentException("no file for " + dataset);
        }
        return file;
    }

    static List<Town> towns(ReferenceFile file) {
        List<Town> towns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : file.rows()) {
            String code = row.get(0);
            if (!TOWN_CODE.matcher(code).matches()) {
                throw file.problem(row.line(), "town code \"" + code + "\" must be 1 to 20 letters or digits");
            }
            unique(file, seen, code, row.line());
            towns.add(new Town(code, text(file, row, 1, "name", 50), text(file, row, 2, "kind", 20)));
        }
        return List.copyOf(towns);
    }

    static List<Industry> industries(ReferenceFile file) {
        List<Row> rows = file.rows();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Industry.Level> levels = new HashMap<>();
        List<Industry> industries = new ArrayList<>();
        for (Row row : rows) {
            String code = row.get(0);
            Industry.Level level = level(file, row);
            if (!INDUSTRY_CODE.matcher(code).matches() || code.length() != level.codeLength()) {
                throw file.problem(row.line(), "code \"" + code + "\" is no " + level + " code (a section letter"
                        + " followed by " + (level.codeLength() - 1) + " digits, e.g. " + example(level) + ")");
            }
            unique(file, seen, code, row.line());
            levels.put(code, level);
            String parent = row.get(3);
            if (level == Industry.Level.SECTION) {
                if (!parent.isEmpty()) {
                    throw file.problem(row.line(), "section " + code + " must have no parent, found \"" + parent
                            + "\"");
                }
            } else if (parent.isEmpty()) {
                throw file.problem(row.line(), level + " " + code + " needs a parent");
            }
            industries.add(new Industry(code, text(file, row, 1, "name", 100), level,
                    parent.isEmpty() ? null : parent));
        }
        for (int i = 0; i < industries.size(); i++) {
            Industry industry = industries.get(i);
            String parent = industry.parentCode();
            if (parent == null) {
                continue;
            }
            int line = rows.get(i).line();
            Industry.Level parentLevel = levels.get(parent);
            if (parentLevel == null) {
                throw file.problem(line, "parent " + parent + " of " + industry.code() + " does not exist");
            }
            if (parentLevel.ordinal() != industry.level().ordinal() - 1 || !industry.code().startsWith(parent)) {
                throw file.problem(line, "parent " + parent + " (" + parentLevel + ") cannot hold "
                        + industry.level() + " " + industry.code() + ": a parent is the code one level up and"
                        + " the child's code starts with it");
            }
        }
        return List.copyOf(industries);
    }

    static List<EmergingIndustry> emergingIndustries(ReferenceFile file, Set<String> industryCodes) {
        List<EmergingIndustry> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : file.rows()) {
            String code = row.get(0);
            if (!EMERGING_CODE.matcher(code).matches()) {
                throw file.problem(row.line(), "code \"" + code + "\" must be 1 to 20 letters, digits, '_' or '.'");
            }
            unique(file, seen, code, row.line());
            String name = text(file, row, 1, "name", 100);
            Set<String> prefixes = new LinkedHashSet<>();
            for (String prefix : row.get(2).split("\\|", -1)) {
                String p = prefix.strip();
                if (p.isEmpty()) {
                    throw file.problem(row.line(), "an empty industry prefix; separate prefixes with '|', e.g."
                            + " C39|I65");
                }
                if (!industryCodes.contains(p)) {
                    throw file.problem(row.line(), "industry prefix " + p + " is not a code of the industry file");
                }
                if (!prefixes.add(p)) {
                    throw file.problem(row.line(), "industry prefix " + p + " is listed twice");
                }
            }
            result.add(new EmergingIndustry(code, name, List.copyOf(prefixes)));
        }
        return List.copyOf(result);
    }

    static List<QualificationKind> qualificationKinds(ReferenceFile file) {
        List<QualificationKind> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : file.rows()) {
            String code = row.get(0);
            if (!KIND_CODE.matcher(code).matches()) {
                throw file.problem(row.line(), "code \"" + code + "\" must be 2 to 40 upper-case letters, digits"
                        + " or '_', starting with a letter");
            }
            unique(file, seen, code, row.line());
            String whitelist = row.get(3).toLowerCase(Locale.ROOT);
            if (!whitelist.equals("true") && !whitelist.equals("false")) {
                throw file.problem(row.line(), "whitelist must be true or false, found \"" + row.get(3) + "\"");
            }
            result.add(new QualificationKind(code, text(file, row, 1, "name", 100),
                    text(file, row, 2, "issuer", 100), whitelist.equals("true")));
        }
        return List.copyOf(result);
    }

    private static Industry.Level level(ReferenceFile file, Row row) {
        try {
            return Industry.Level.valueOf(row.get(2));
        } catch (IllegalArgumentException e) {
            throw file.problem(row.line(), "level \"" + row.get(2) + "\" is none of SECTION, DIVISION, GROUP,"
                    + " CLASS");
        }
    }

    private static String example(Industry.Level level) {
        return switch (level) {
            case SECTION -> "C";
            case DIVISION -> "C39";
            case GROUP -> "C391";
            case CLASS -> "C3911";
        };
    }

    private static void unique(ReferenceFile file, Map<String, Integer> seen, String code, int line) {
        Integer first = seen.putIfAbsent(code, line);
        if (first != null) {
            throw file.problem(line, "duplicate code " + code + " (already on line " + first + ")");
        }
    }

    private static String text(ReferenceFile file, Row row, int index, String column, int max) {
        String value = row.get(index);
        if (value.isEmpty()) {
            throw file.problem(row.line(), column + " is empty");
        }
        if (value.length() > max) {
            throw file.problem(row.line(), column + " is longer than " + max + " characters");
        }
        return value;
    }
}
