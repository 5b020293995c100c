package org.sanrong.credit.scorecard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The good/bad label (目标变量): a column and the value meaning "bad". Without a bad value the column must hold 0/1
 * (1 = bad) or good/bad (any case). Rows with a missing label are left out of training and counted.
 */
public record Target(String column, @Nullable String badValue) {

    /** Labels per row: {@code known[i]} false for a missing label. */
    public record Labels(boolean[] bad, boolean[] known, String rule) {
    }

    public Labels resolve(List<String> values) {
        boolean[] bad = new boolean[values.size()];
        boolean[] known = new boolean[values.size()];
        Set<String> seen = new TreeSet<>();
        for (String v : values) {
            if (!TrainingTable.isMissing(v)) {
                seen.add(v.strip());
            }
        }
        String badLabel;
        if (badValue != null) {
            badLabel = badValue.strip();
            if (!seen.contains(badLabel)) {
                throw new IllegalArgumentException("no row has " + column + " = '" + badLabel + "'; its values are "
                        + seen);
            }
        } else if (Set.of("0", "1").containsAll(seen)) {
            badLabel = "1";
        } else if (seen.stream().map(s -> s.toLowerCase(Locale.ROOT)).allMatch(s -> s.equals("good")
                || s.equals("bad"))) {
            badLabel = seen.stream().filter(s -> s.equalsIgnoreCase("bad")).findFirst().orElse("bad");
        } else {
            throw new IllegalArgumentException("target column " + column + " holds " + seen + ", not 0/1 or good/bad; "
                    + "say which value means bad (--bad VALUE)");
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (TrainingTable.isMissing(v)) {
                continue;
            }
            known[i] = true;
            bad[i] = badValue == null && badLabel.equalsIgnoreCase("bad") ? v.strip().equalsIgnoreCase("bad")
                    : v.strip().equals(badLabel);
        }
        return new Labels(bad, known, column + " = '" + badLabel + "' 为坏，其余为好");
    }
}
