package org.sanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanrong.credit.scorecard.FeatureDecision.Reason;
import org.sanrong.platform.Spreadsheets;

class ScorecardTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void trainsOnASyntheticPortfolioAndSaysWhyEachFeatureWasKeptOrDropped() {
        TrainingTable table = portfolio(4000, 77);
        TrainingOptions options = TrainingOptions.DEFAULT.withExcluded(Set.of("id")).withFolds(3).withVersion("t1");
        TrainedScorecard card = new ScorecardTrainer(options, CLOCK).train(table, new Target("default", null), "p.csv");

        assertThat(card.metadata().trainedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(card.metadata().version()).isEqualTo("t1");
        assertThat(card.metadata().rows()).isEqualTo(4000);
        assertThat(card.metadata().unlabelledRows()).isEqualTo(table.rows().stream()
                .filter(r -> r.get(table.column("default")).isEmpty()).count());
        assertThat(card.metadata().holdoutRows() + card.metadata().trainRows())
                .isEqualTo(4000 - card.metadata().unlabelledRows());

        Map<String, FeatureDecision> decided = new HashMap<>();
        card.decisions().forEach(d -> decided.put(d.feature(), d));
        assertThat(decided.keySet()).containsExactlyInAnyOrder("revenue_growth", "revenue_growth_copy",
                "patents", "industry", "noise", "id");
        assertThat(decided.get("patents").reason()).isEqualTo(Reason.SELECTED);
        assertThat(decided.get("industry").reason()).isEqualTo(Reason.SELECTED);
        assertThat(decided.get("noise").reason()).isEqualTo(Reason.LOW_IV);
        assertThat(decided.get("id").reason()).isEqualTo(Reason.EXCLUDED);
        // of the twins, one is kept and the other dropped naming it
        FeatureDecision original = decided.get("revenue_growth");
        FeatureDecision copy = decided.get("revenue_growth_copy");
        assertThat(List.of(original.reason(), copy.reason()))
                .containsExactlyInAnyOrder(Reason.SELECTED, Reason.CORRELATED);
        FeatureDecision dropped = original.reason() == Reason.CORRELATED ? original : copy;
        FeatureDecision kept = dropped == original ? copy : original;
        assertThat(dropped.detail()).contains(kept.feature());
        assertThat(dropped.iv()).isLessThanOrEqualTo(kept.iv());

        assertThat(card.fit().converged()).as(card.fit().message()).isTrue();
        assertThat(card.fit().coefficients()).allSatisfy(b -> assertThat(b).isNegative());
        assertThat(card.features()).hasSize(3).contains("patents", "industry", kept.feature());
        ValidationReport v = card.validation();
        assertThat(v.train().auc()).isGreaterThan(0.7);
        assertThat(v.holdout()).isNotNull();
        assertThat(v.holdout().auc()).isGreaterThan(0.7);
        assertThat(v.holdout().count()).isEqualTo(card.metadata().holdoutRows());
        assertThat(v.folds()).hasSize(3).allSatisfy(f -> assertThat(f.scored().auc()).isGreaterThan(0.65));
        assertThat(v.scorePsi()).isLessThan(0.1);
        assertThat(v.grades()).hasSize(9);
        assertThat(v.grades().stream().mapToInt(g -> g.train().count() + g.holdout().count()).sum())
                .isEqualTo(card.metadata().trainRows() + card.metadata().holdoutRows());
        assertThat(v.bins()).extracting(ValidationReport.BinRates::feature).contains("patents", "industry");
        // the lowest score decile defaults far more often than the highest
        List<ValidationReport.BandRates> bands = v.scoreBands();
        assertThat(bands).hasSizeGreaterThan(5);
        assertThat(bands.getFirst().train().badRate()).isGreaterThan(2 * bands.getLast().train().badRate());
        assertThat(bands.getFirst().holdout().badRate()).isGreaterThan(2 * bands.getLast().holdout().badRate());
    }

    @Test
    void scoringAnEnterpriseByTextAgreesWithTheModelsProbability() {
        TrainingTable table = portfolio(3000, 5);
        TrainedScorecard card = new ScorecardTrainer(TrainingOptions.DEFAULT.withExcluded(Set.of("id")), CLOCK)
                .train(table, new Target("default", null), "p.csv");
        PointsScale scale = card.metadata().options().scale();
        for (List<String> row : table.rows().subList(0, 200)) {
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                values.put(table.columns().get(c), row.get(c));
            }
            int score = card.score(values);
            double exact = scale.scoreAtProbability(card.badProbability(values));
            assertThat((double) score).isCloseTo(exact, within(card.features().size() / 2.0));
            assertThat(card.grade(score)).isEqualTo(GradeScale.DEFAULT.grade(score));
        }
        double[] allMissing = new double[card.features().size()];
        java.util.Arrays.fill(allMissing, Double.NaN);
        assertThat(card.score(Map.of())).isEqualTo(card.points().score(allMissing)); // missing bins, else neutral
    }

    @Test
    void targetLabelsAreZeroOneGoodBadOrANamedValue() {
        assertThat(new Target("t", null).resolve(List.of("0", "1", "", "1")).bad())
                .containsExactly(false, true, false, true);
        assertThat(new Target("t", null).resolve(List.of("0", "1", "", "1")).known())
                .containsExactly(true, true, false, true);
        assertThat(new Target("t", null).resolve(List.of("Good", "BAD", "good")).bad())
                .containsExactly(false, true, false);
        assertThat(new Target("t", "违约").resolve(List.of("正常", "违约", "逾期")).bad())
                .containsExactly(false, true, false);
        assertThatThrownBy(() -> new Target("t", null).resolve(List.of("正常", "违约")))
                .hasMessageContaining("--bad");
        assertThatThrownBy(() -> new Target("t", "2").resolve(List.of("0", "1")))
                .hasMessageContaining("no row has t = '2'");
    }

    @Test
    void aTargetWithOneClassOrAMisspeltColumnIsRefusedPlainly() {
        TrainingTable allGood = new TrainingTable(List.of("x", "y"), List.of(List.of("1", "0"), List.of("2", "0")));
        assertThatThrownBy(() -> new ScorecardTrainer(TrainingOptions.DEFAULT).train(allGood, new Target("y", "0"),
                "t")).hasMessageContaining("both goods and bads").hasMessageContaining("0 goods and 2 bads");
        assertThatThrownBy(() -> new ScorecardTrainer(TrainingOptions.DEFAULT.withCategorical(Set.of("z")))
                .train(allGood, new Target("y", null), "t")).hasMessageContaining("no column 'z'");
    }

    @Test
    void csvFollowsRfc4180() {
        String csv = "\uFEFFname,amount,note\r\n"
                + "\"Acme, Ltd\",12,\"says \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "Beta,7,\"two\r\nlines\"\r\n"
                + "Gamma,3\n";
        TrainingTable t = TrainingTable.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(t.columns()).containsExactly("name", "amount", "note");
        assertThat(t.rows()).containsExactly(List.of("Acme, Ltd", "12", "says \"hi\""),
                List.of("Beta", "7", "two\r\nlines"), List.of("Gamma", "3", ""));
        assertThatThrownBy(() -> TrainingTable.readCsv(new ByteArrayInputStream("a,b\n1,2,3\n".getBytes(
                StandardCharsets.UTF_8)))).hasMessageContaining("3 cells");
        assertThat(TrainingTable.isMissing(" NA ")).isTrue();
        assertThat(TrainingTable.isMissing("?")).isTrue();
        assertThat(TrainingTable.isMissing("none")).isFalse();
    }

    @Test
    void xlsxIsReadLikeCsv(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.xlsx");
        try (var out = Files.newOutputStream(file)) {
            Spreadsheets.write(out, "data", List.of("x", "y"), List.<List<Object>>of(List.of("1.5", "0"),
                    List.of("2", "1")).iterator());
        }
        TrainingTable t = TrainingTable.read(file);
        assertThat(t.columns()).containsExactly("x", "y");
        assertThat(t.rows()).containsExactly(List.of("1.5", "0"), List.of("2", "1"));
    }

    @Test
    void theExcelReportHasItsSixSheets(@TempDir Path dir) throws IOException {
        TrainedScorecard card = new ScorecardTrainer(TrainingOptions.DEFAULT.withExcluded(Set.of("id")), CLOCK)
                .train(portfolio(1500, 3), new Target("default", null), "p.csv");
        Path file = dir.resolve("report.xlsx");
        try (var out = Files.newOutputStream(file)) {
            ScorecardReport.writeExcel(card, out);
        }

        String workbook;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        int at = 0;
        for (String sheet : ScorecardReport.SHEETS) {
            int found = workbook.indexOf("name=\"" + sheet + "\"");
            assertThat(found).as(sheet).isGreaterThan(at);
            at = found;
        }
        String summary = ScorecardReport.summary(card);
        assertThat(summary).contains("train", "holdout", "AUC", "KS", "Gini", "features kept", "patents");
    }

    @Test
    void theCommandTrainsFromACsvAndWritesTheReport(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("portfolio.csv");
        Files.writeString(csv, toCsv(portfolio(1500, 8)));
        Path report = dir.resolve("out.xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(new String[] {"--input", csv.toString(), "--target", "default", "--report",
                report.toString(), "--exclude", "id", "--folds=3", "--seed", "7"}, print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("train", "holdout", "3-fold CV", "features kept", "report: ");
        assertThat(Files.size(report)).isPositive();

        assertThat(TrainCommand.run(new String[] {"--input", csv.toString()}, print(out), print(err))).isEqualTo(2);
        assertThat(TrainCommand.run(new String[] {"--input", csv.toString(), "--target", "nope"}, print(out),
                print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column 'nope'");
        assertThat(TrainCommand.run(new String[] {"--wat"}, print(out), print(err))).isEqualTo(2);
        assertThat(TrainCommand.run(new String[] {"--input", csv.toString(), "--target", "default", "--bins",
                "2.5"}, print(out), print(err))).isEqualTo(2);
    }

    /**
     * A synthetic portfolio: revenue growth (with missing values) and patents lower the risk, an industry raises or
     * lowers it, a near-copy of revenue growth, a pure-noise column, an id, and a few rows without a label.
     */
    static TrainingTable portfolio(int n, long seed) {
        Random r = new Random(seed);
        String[] industries = {"制造", "软件", "生物医药", "新材料", "贸易", "其他服务"};
        double[] industryRisk = {0.2, -0.4, 0.1, -0.2, 0.8, 0.5};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean growthMissing = r.nextInt(12) == 0;
            double growth = r.nextGaussian() * 0.3;
            int patents = (int) Math.max(0, Math.round(r.nextGaussian() * 4 + 3));
            int ind = r.nextInt(100) < 3 ? 5 : r.nextInt(5);
            double eta = -1.3 - 2.5 * (growthMissing ? -0.1 : growth) - 0.25 * patents + industryRisk[ind];
            boolean bad = r.nextDouble() < LogisticRegression.sigmoid(eta);
            String label = r.nextInt(200) == 0 ? "" : bad ? "1" : "0";
            rows.add(List.of("E" + i, growthMissing ? "" : String.format(Locale.ROOT, "%.4f", growth),
                    growthMissing ? "NA" : String.format(Locale.ROOT, "%.4f", growth + r.nextGaussian() * 0.02),
                    Integer.toString(patents), industries[ind], String.format(Locale.ROOT, "%.3f", r.nextDouble()), label));
        }
        return new TrainingTable(List.of("id", "revenue_growth", "revenue_growth_copy", "patents", "industry",
                "noise", "default"), rows);
    }

    private static String toCsv(TrainingTable t) {
        StringBuilder s = new StringBuilder(String.join(",", t.columns())).append("\r\n");
        for (List<String> row : t.rows()) {
            s.append(String.join(",", row)).append("\r\n");
        }
        return s.toString();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
