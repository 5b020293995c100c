package org.sanrong.credit.scorecard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.scorecard.FeatureBinning.Kind;
import org.sanrong.credit.scorecard.FeatureDecision.Reason;
import org.sanrong.credit.scorecard.ValidationReport.BandRates;
import org.sanrong.credit.scorecard.ValidationReport.BinRates;
import org.sanrong.credit.scorecard.ValidationReport.Rates;

/**
 * Trains a scorecard from a labelled table: stratified holdout split (seeded), then on the training rows only —
 * bins and WoE for every candidate column, selection by IV and correlation, logistic regression on the WoE of the
 * selected features (dropping and refitting any feature whose coefficient has the wrong sign, when asked), points
 * by PDO — and finally validation on both parts, plus an optional k-fold cross-validation over the training rows
 * that repeats the whole pipeline per fold.
 *
 * <p>A column is numeric when every non-missing cell parses as a finite number (unless named categorical), else
 * categorical.
 */
public final class ScorecardTrainer {

    private static final int SCORE_BANDS = 10;

    private final TrainingOptions options;
    private final Clock clock;

    public ScorecardTrainer(TrainingOptions options) {
        this(options, Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    public ScorecardTrainer(TrainingOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** A candidate feature over the labelled rows: numbers (NaN missing) or categories (null missing). */
    private record Column(String name, Kind kind, double[] numbers, @Nullable String[] categories) {
    }

    private record Model(List<FeatureBinning> binnings, List<FeatureDecision> decisions, List<Integer> columns,
            LogisticFit fit, PointsTable points) {
        List<FeatureBinning> features() {
            return columns.stream().map(binnings::get).toList();
        }
    }

    public TrainedScorecard train(TrainingTable table, Target target, String source) {
        int targetColumn = table.column(target.column());
        for (String name : options.excluded()) {
            table.column(name); // a misspelt column name must not pass silently
        }
        for (String name : options.categorical()) {
            table.column(name);
        }
        Target.Labels labels = target.resolve(table.rows().stream().map(r -> r.get(targetColumn)).toList());
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> badList = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (labels.known()[i]) {
                rows.add(table.rows().get(i));
                badList.add(labels.bad()[i]);
            }
        }
        int n = rows.size();
        boolean[] bad = new boolean[n];
        for (int i = 0; i < n; i++) {
            bad[i] = badList.get(i);
        }
        long labelledBads = badList.stream().filter(b -> b).count();
        if (labelledBads == 0 || labelledBads == n) {
            throw new IllegalArgumentException("the target must have both goods and bads; " + labels.rule() + " gives "
                    + (n - labelledBads) + " goods and " + labelledBads + " bads");
        }
        List<Column> columns = new ArrayList<>();
        List<FeatureDecision> excluded = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            if (c == targetColumn) {
                continue;
            }
            if (options.excluded().contains(name)) {
                excluded.add(new FeatureDecision(name, Double.NaN, Reason.EXCLUDED, "按参数排除，不作为候选特征"));
                continue;
            }
            columns.add(column(name, c, rows));
        }

        boolean[] holdout = DataSplit.holdout(bad, options.holdoutFraction(), options.seed());
        boolean[] inTrain = new boolean[n];
        for (int i = 0; i < n; i++) {
            inTrain[i] = !holdout[i];
        }
        Model model = fit(columns, bad, inTrain);
        double[] scores = score(model, columns, n);

        List<ValidationReport.Fold> folds = new ArrayList<>();
        if (options.folds() >= 2) {
            int[] trainRows = rowsWhere(inTrain);
            boolean[] trainBad = new boolean[trainRows.length];
            for (int i = 0; i < trainRows.length; i++) {
                trainBad[i] = bad[trainRows[i]];
            }
            int[] fold = DataSplit.folds(trainBad, options.folds(), options.seed() + 1);
            for (int f = 0; f < options.folds(); f++) {
                boolean[] fitOn = new boolean[n];
                boolean[] scoreOn = new boolean[n];
                for (int i = 0; i < trainRows.length; i++) {
                    (fold[i] == f ? scoreOn : fitOn)[trainRows[i]] = true;
                }
                Model m = fit(columns, bad, fitOn);
                double[] s = score(m, columns, n);
                folds.add(new ValidationReport.Fold(f + 1, summary(s, bad, scoreOn), m.columns().size(),
                        m.fit().status()));
            }
        }

        int bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        int holdoutRows = rowsWhere(holdout).length;
        ValidationReport validation = validation(model, columns, bad, holdout, scores, folds);
        List<FeatureDecision> decisions = new ArrayList<>(model.decisions());
        decisions.addAll(excluded);
        ModelMetadata metadata = new ModelMetadata(options.version(), LocalDate.now(clock), source, target.column(),
                labels.rule(), table.rows().size(), table.rows().size() - n, n - holdoutRows, holdoutRows, bads,
                columns.size(), options);
        return new TrainedScorecard(metadata, model.binnings(), decisions, model.features(), model.fit(),
                model.points(), validation);
    }

    private Column column(String name, int c, List<List<String>> rows) {
        int n = rows.size();
        boolean numeric = !options.categorical().contains(name);
        double[] numbers = new double[n];
        for (int i = 0; i < n && numeric; i++) {
            String cell = rows.get(i).get(c);
            if (TrainingTable.isMissing(cell)) {
                numbers[i] = Double.NaN;
                continue;
            }
            try {
                numbers[i] = Double.parseDouble(cell.strip());
                numeric = Double.isFinite(numbers[i]);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (numeric) {
            return new Column(name, Kind.NUMERIC, numbers, new String[0]);
        }
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            String cell = rows.get(i).get(c);
            categories[i] = TrainingTable.isMissing(cell) ? null : cell.strip();
        }
        return new Column(name, Kind.CATEGORICAL, new double[0], categories);
    }

    /** The whole pipeline on the rows marked {@code fitOn}. */
    private Model fit(List<Column> columns, boolean[] bad, boolean[] fitOn) {
        int[] rows = rowsWhere(fitOn);
        boolean[] y = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = bad[rows[i]];
        }
        List<FeatureBinning> binnings = new ArrayList<>();
        double[][] woe = new double[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            FeatureBinning b;
            if (c.kind() == Kind.NUMERIC) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = c.numbers()[rows[i]];
                }
                b = Binning.numeric(c.name(), v, y, options.binning());
                woe[j] = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    woe[j][i] = b.woe(b.binOf(v[i]));
                }
            } else {
                @Nullable String[] v = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = c.categories()[rows[i]];
                }
                b = Binning.categorical(c.name(), v, y, options.binning());
                woe[j] = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    woe[j][i] = b.woe(b.binOf(v[i]));
                }
            }
            binnings.add(b);
        }
        List<FeatureDecision> decisions = new ArrayList<>(
                FeatureSelection.byIvAndCorrelation(binnings, woe, options.selection()));
        while (true) {
            List<Integer> selected = new ArrayList<>();
            for (FeatureDecision d : decisions) {
                if (d.kept()) {
                    selected.add(indexOf(binnings, d.feature()));
                }
            }
            double[][] x = new double[rows.length][selected.size()];
            for (int s = 0; s < selected.size(); s++) {
                double[] w = woe[selected.get(s)];
                for (int i = 0; i < rows.length; i++) {
                    x[i][s] = w[i];
                }
            }
            LogisticFit fit = LogisticRegression.fit(x, y, options.regression());
            int wrong = -1;
            if (options.selection().dropWrongSign()) {
                for (int s = 0; s < selected.size(); s++) {
                    if (fit.coefficients().get(s) > 0 && (wrong < 0
                            || binnings.get(selected.get(s)).iv() < binnings.get(selected.get(wrong)).iv())) {
                        wrong = s;
                    }
                }
            }
            if (wrong < 0) {
                List<FeatureBinning> model = selected.stream().map(binnings::get).toList();
                return new Model(binnings, decisions, selected, fit,
                        PointsTable.of(model, fit, options.scale()));
            }
            FeatureBinning dropped = binnings.get(selected.get(wrong));
            String detail = String.format(Locale.ROOT, "系数 %+.4f 为正（WoE 越高风险应越低，系数应为负），与其他入模特征共线；"
                    + "剔除后重新拟合", fit.coefficients().get(wrong));
            decisions.replaceAll(d -> d.feature().equals(dropped.feature())
                    ? new FeatureDecision(d.feature(), d.iv(), Reason.WRONG_SIGN, detail) : d);
        }
    }

    private static int indexOf(List<FeatureBinning> binnings, String feature) {
        for (int j = 0; j < binnings.size(); j++) {
            if (binnings.get(j).feature().equals(feature)) {
                return j;
            }
        }
        throw new IllegalStateException("no binning for " + feature);
    }

    /** Scores every labelled row with the model's points table, as deployed (integer points). */
    private static double[] score(Model model, List<Column> columns, int n) {
        PointsTable points = model.points();
        double[] scores = new double[n];
        double[] row = new double[points.features()];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < row.length; f++) {
                row[f] = value(points, f, columns.get(model.columns().get(f)), i);
            }
            scores[i] = points.score(row);
        }
        return scores;
    }

    private static double value(PointsTable points, int f, Column c, int i) {
        return c.kind() == Kind.NUMERIC ? c.numbers()[i] : points.encode(f, c.categories()[i]);
    }

    private ValidationReport validation(Model model, List<Column> columns, boolean[] bad, boolean[] holdout,
            double[] scores, List<ValidationReport.Fold> folds) {
        int n = bad.length;
        boolean[] inTrain = new boolean[n];
        for (int i = 0; i < n; i++) {
            inTrain[i] = !holdout[i];
        }
        Discrimination.Summary train = summary(scores, bad, inTrain);
        Discrimination.Summary held = rowsWhere(holdout).length == 0 ? null : summary(scores, bad, holdout);

        GradeScale scale = options.grades();
        Grade[] grades = Grade.values();
        int[][] gradeCounts = new int[4][grades.length]; // train count, train bads, holdout count, holdout bads
        for (int i = 0; i < n; i++) {
            int g = scale.grade((int) scores[i]).ordinal();
            int side = holdout[i] ? 2 : 0;
            gradeCounts[side][g]++;
            gradeCounts[side + 1][g] += bad[i] ? 1 : 0;
        }
        List<BandRates> gradeRates = new ArrayList<>();
        for (Grade g : grades) {
            int k = g.ordinal();
            gradeRates.add(new BandRates(g + " " + scale.band(g), new Rates(gradeCounts[0][k], gradeCounts[1][k]),
                    new Rates(gradeCounts[2][k], gradeCounts[3][k])));
        }

        double[] trainScores = pick(scores, inTrain);
        double[] cuts = PopulationStability.quantileCuts(trainScores, SCORE_BANDS);
        int[][] bandCounts = new int[4][cuts.length + 1];
        for (int i = 0; i < n; i++) {
            int band = 0;
            while (band < cuts.length && cuts[band] <= scores[i]) {
                band++;
            }
            int side = holdout[i] ? 2 : 0;
            bandCounts[side][band]++;
            bandCounts[side + 1][band] += bad[i] ? 1 : 0;
        }
        List<BandRates> bands = new ArrayList<>();
        for (int b = 0; b <= cuts.length; b++) {
            double lower = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
            double upper = b == cuts.length ? Double.POSITIVE_INFINITY : cuts[b];
            bands.add(new BandRates(Binning.interval(lower, upper), new Rates(bandCounts[0][b], bandCounts[1][b]),
                    new Rates(bandCounts[2][b], bandCounts[3][b])));
        }
        double psi = held == null ? Double.NaN : PopulationStability.psi(bandCounts[0], bandCounts[2]);

        List<BinRates> bins = new ArrayList<>();
        for (int f = 0; f < model.columns().size(); f++) {
            FeatureBinning b = model.binnings().get(model.columns().get(f));
            Column c = columns.get(model.columns().get(f));
            int[] count = new int[b.bins().size() + 1]; // last: holdout values with no bin of their own
            int[] badCount = new int[b.bins().size() + 1];
            for (int i = 0; i < n; i++) {
                if (!holdout[i]) {
                    continue;
                }
                int bin = c.kind() == Kind.NUMERIC ? b.binOf(c.numbers()[i]) : b.binOf(c.categories()[i]);
                int slot = bin == FeatureBinning.NO_BIN ? b.bins().size() : bin;
                count[slot]++;
                badCount[slot] += bad[i] ? 1 : 0;
            }
            for (int k = 0; k < b.bins().size(); k++) {
                Bin bin = b.bins().get(k);
                bins.add(new BinRates(b.feature(), bin.label(), new Rates(bin.count(), bin.bads()),
                        new Rates(count[k], badCount[k])));
            }
            if (count[b.bins().size()] > 0) {
                bins.add(new BinRates(b.feature(), "无对应分箱（按中性 WoE 0 计分）", new Rates(0, 0),
                        new Rates(count[b.bins().size()], badCount[b.bins().size()])));
            }
        }
        return new ValidationReport(train, held, folds, gradeRates, bands, bins, psi);
    }

    private static Discrimination.Summary summary(double[] scores, boolean[] bad, boolean[] where) {
        int[] rows = rowsWhere(where);
        double[] s = new double[rows.length];
        boolean[] b = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = scores[rows[i]];
            b[i] = bad[rows[i]];
        }
        return Discrimination.of(s, b);
    }

    private static double[] pick(double[] values, boolean[] where) {
        int[] rows = rowsWhere(where);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] rowsWhere(boolean[] mask) {
        int count = 0;
        for (boolean m : mask) {
            count += m ? 1 : 0;
        }
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                rows[k++] = i;
            }
        }
        return rows;
    }
}
