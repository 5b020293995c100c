package org.sanrong.credit.scorecard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./sanrong train --input FILE --target COLUMN [--bad VALUE] [--report out.xlsx] [options]}: trains a
 * scorecard from a labelled CSV or .xlsx, prints the summary and writes the Excel report. A plain main, run from the
 * application jar without starting the web application or a database.
 */
public final class TrainCommand {

    static final String USAGE = """
            usage: ./sanrong train --input FILE --target COLUMN [--bad VALUE] [--report out.xlsx] [options]

              --input FILE         labelled data, CSV (UTF-8, RFC 4180) or .xlsx, header row first
              --target COLUMN      the good/bad column: 0/1 (1 = bad), good/bad, or any values with --bad
              --bad VALUE          the target value that means bad
              --report FILE        write the Excel report (汇总, IV, 分箱, 系数, 评分卡, 验证)
              --exclude A,B        columns that are not features (ids...)
              --categorical A,B    bin these columns as categories even if they hold numbers
              --holdout F          fraction held out for validation, stratified (default 0.3; 0 for none)
              --folds K            also K-fold cross-validation over the training rows (default none)
              --seed N             seed of the split (default 20260101)
              --bins N             initial quantile bins per numeric feature (default 20)
              --min-share F        minimum share of rows in a bin (default 0.05)
              --min-iv F           IV threshold for selection (default 0.02)
              --max-correlation F  drop the lower-IV feature of a pair with |rho| above this (default 0.7)
              --keep-wrong-sign    keep features whose coefficient has the wrong sign
              --base-points N      score at the base odds (default 600)
              --base-odds N        good:bad odds at the base points (default 50)
              --pdo N              points to double the odds (default 20)
              --version LABEL      model version label (default v1)
            """;

    private static final Set<String> FLAGS = Set.of("--keep-wrong-sign");
    private static final Set<String> OPTIONS = Set.of("--input", "--target", "--bad", "--report", "--exclude",
            "--categorical", "--holdout", "--folds", "--seed", "--bins", "--min-share", "--min-iv",
            "--max-correlation", "--base-points", "--base-odds", "--pdo", "--version");

    private TrainCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status (0 done, 1 the data or the file failed, 2 bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> given;
        try {
            given = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (given.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (!given.containsKey("--input") || !given.containsKey("--target")) {
            err.println("--input and --target are required");
            err.print(USAGE);
            return 2;
        }
        TrainingOptions options;
        try {
            options = options(given);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path input = Path.of(given.get("--input"));
        try {
            TrainingTable table = TrainingTable.read(input);
            TrainedScorecard card = new ScorecardTrainer(options)
                    .train(table, new Target(given.get("--target"), given.get("--bad")), input.getFileName().toString());
            out.print(ScorecardReport.summary(card));
            if (!card.fit().converged()) {
                err.println("warning: " + card.fit().message());
            }
            String report = given.get("--report");
            if (report != null) {
                Path path = Path.of(report);
                try (OutputStream o = Files.newOutputStream(path)) {
                    ScorecardReport.writeExcel(card, o);
                }
                out.println("report: " + path.toAbsolutePath());
            }
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            err.println("training failed: " + e.getMessage());
            return 1;
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--help") || a.equals("-h")) {
                given.put("--help", "");
            } else if (FLAGS.contains(a)) {
                given.put(a, "true");
            } else if (OPTIONS.contains(a)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    value = args[++i];
                }
                given.put(a, value);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return given;
    }

    private static TrainingOptions options(Map<String, String> given) {
        TrainingOptions o = TrainingOptions.DEFAULT;
        o = o.withHoldout(number(given, "--holdout", o.holdoutFraction()));
        o = o.withFolds(integer(given, "--folds", o.folds()));
        if (given.containsKey("--seed")) {
            try {
                o = o.withSeed(Long.parseLong(given.get("--seed")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed needs an integer, not '" + given.get("--seed") + "'");
            }
        }
        o = o.withExcluded(list(given.get("--exclude")));
        o = o.withCategorical(list(given.get("--categorical")));
        o = o.withBinning(new Binning.Options(integer(given, "--bins", o.binning().fineBins()),
                number(given, "--min-share", o.binning().minBinShare())));
        o = o.withSelection(new FeatureSelection.Options(number(given, "--min-iv", o.selection().minIv()),
                number(given, "--max-correlation", o.selection().maxCorrelation()),
                !given.containsKey("--keep-wrong-sign")));
        o = o.withScale(new PointsScale(number(given, "--base-points", o.scale().basePoints()),
                number(given, "--base-odds", o.scale().baseOdds()), number(given, "--pdo", o.scale().pdo())));
        if (given.containsKey("--version")) {
            o = o.withVersion(given.get("--version"));
        }
        return o;
    }

    private static double number(Map<String, String> given, String option, double fallback) {
        String v = given.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }

    private static int integer(Map<String, String> given, String option, int fallback) {
        double v = number(given, option, fallback);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " needs an integer, not '" + given.get(option) + "'");
        }
        return (int) v;
    }

    private static Set<String> list(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        List<String> names = Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new LinkedHashSet<>(names);
    }
}
