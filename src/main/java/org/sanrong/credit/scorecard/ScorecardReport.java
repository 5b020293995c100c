package org.sanrong.credit.scorecard;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sanrong.credit.scorecard.FeatureDecision.Reason;
import org.sanrong.credit.scorecard.ValidationReport.BandRates;
import org.sanrong.credit.scorecard.ValidationReport.Rates;
import org.sanrong.platform.Spreadsheets;

/**
 * The validation report of a trained scorecard: an Excel workbook (sheets 汇总, IV, 分箱, 系数, 评分卡, 验证) and a
 * plain-text summary for the console.
 */
public final class ScorecardReport {

    public static final List<String> SHEETS = List.of("汇总", "IV", "分箱", "系数", "评分卡", "验证");

    private ScorecardReport() {
    }

    public static void writeExcel(TrainedScorecard card, OutputStream out) {
        Spreadsheets.write(out, List.of(summarySheet(card), ivSheet(card), binSheet(card), coefficientSheet(card),
                pointsSheet(card), validationSheet(card)));
    }

    public static String summary(TrainedScorecard card) {
        ModelMetadata m = card.metadata();
        ValidationReport v = card.validation();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Scorecard %s, trained %s on %s (%s)%n", m.version(), m.trainedOn(),
                m.source(), m.badRule()));
        s.append(String.format(Locale.ROOT, "rows %d (%d without a label left out): train %d, holdout %d; bads %d "
                + "(%.1f%%)%n", m.rows(), m.unlabelledRows(), m.trainRows(), m.holdoutRows(), m.bads(),
                100.0 * m.bads() / Math.max(1, m.trainRows() + m.holdoutRows())));
        s.append(String.format(Locale.ROOT, "%-12s %7s %7s %7s%n", "", "AUC", "KS", "Gini"));
        s.append(line("train", v.train()));
        if (v.holdout() != null) {
            s.append(line("holdout", v.holdout()));
        }
        if (!v.folds().isEmpty()) {
            double auc = v.meanFoldAuc();
            s.append(String.format(Locale.ROOT, "%-12s %7.4f %7.4f %7.4f  (mean of %d out-of-fold scores)%n",
                    v.folds().size() + "-fold CV", auc, v.meanFoldKs(), Discrimination.gini(auc), v.folds().size()));
        }
        if (!Double.isNaN(v.scorePsi())) {
            s.append(String.format(Locale.ROOT, "score PSI holdout vs train (train deciles): %.4f%n", v.scorePsi()));
        }
        s.append("regression: ").append(card.fit().message()).append('\n');
        PointsScale scale = m.options().scale();
        s.append(String.format(Locale.ROOT, "scale: %s points at odds %s:1, PDO %s (factor %.4f, offset %.4f)%n",
                Binning.number(scale.basePoints()), Binning.number(scale.baseOdds()), Binning.number(scale.pdo()),
                scale.factor(), scale.offset()));
        s.append(String.format(Locale.ROOT, "features kept: %d of %d candidates%n", card.model().size(),
                m.candidates()));
        for (int j = 0; j < card.model().size(); j++) {
            FeatureBinning b = card.model().get(j);
            s.append(String.format(Locale.ROOT, "  %-28s IV %.4f  bins %2d  beta %+.4f  se %.4f%n", b.feature(),
                    b.iv(), b.bins().size(), card.fit().coefficients().get(j), card.fit().standardErrors().get(j)));
        }
        List<FeatureDecision> dropped = card.decisions().stream().filter(d -> !d.kept()).toList();
        if (!dropped.isEmpty()) {
            s.append("dropped:\n");
            for (FeatureDecision d : dropped) {
                s.append(String.format(Locale.ROOT, "  %-28s %-10s %s%n", d.feature(), d.reason(), d.detail()));
            }
        }
        return s.toString();
    }

    private static String line(String label, Discrimination.Summary d) {
        return String.format(Locale.ROOT, "%-12s %7.4f %7.4f %7.4f  (%d rows, %d bads)%n", label, d.auc(), d.ks(),
                d.gini(), d.count(), d.bads());
    }

    private static Spreadsheets.Sheet summarySheet(TrainedScorecard card) {
        ModelMetadata m = card.metadata();
        TrainingOptions o = m.options();
        ValidationReport v = card.validation();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("模型版本", m.version()));
        rows.add(List.of("训练日期", m.trainedOn().toString()));
        rows.add(List.of("数据", m.source()));
        rows.add(List.of("目标变量", m.badRule()));
        rows.add(List.of("样本行数", m.rows()));
        rows.add(List.of("无标签而未用的行", m.unlabelledRows()));
        rows.add(List.of("训练集行数", m.trainRows()));
        rows.add(List.of("验证集行数", m.holdoutRows()));
        rows.add(List.of("坏样本数", m.bads()));
        rows.add(List.of("坏样本率", round(m.bads() / (double) Math.max(1, m.trainRows() + m.holdoutRows()), 4)));
        rows.add(List.of("候选特征数", m.candidates()));
        rows.add(List.of("入模特征数", card.model().size()));
        rows.add(List.of("入模特征", String.join("、", card.features())));
        rows.add(List.of("AUC 训练集", round(v.train().auc(), 4)));
        rows.add(List.of("KS 训练集", round(v.train().ks(), 4)));
        rows.add(List.of("Gini 训练集", round(v.train().gini(), 4)));
        if (v.holdout() != null) {
            rows.add(List.of("AUC 验证集", round(v.holdout().auc(), 4)));
            rows.add(List.of("KS 验证集", round(v.holdout().ks(), 4)));
            rows.add(List.of("Gini 验证集", round(v.holdout().gini(), 4)));
            rows.add(List.of("PSI 验证集 vs 训练集", round(v.scorePsi(), 4)));
        }
        if (!v.folds().isEmpty()) {
            rows.add(List.of(v.folds().size() + " 折交叉验证平均 AUC", round(v.meanFoldAuc(), 4)));
            rows.add(List.of(v.folds().size() + " 折交叉验证平均 KS", round(v.meanFoldKs(), 4)));
        }
        rows.add(List.of("回归", card.fit().message()));
        rows.add(List.of("迭代次数", card.fit().iterations()));
        rows.add(List.of("对数似然", round(card.fit().logLikelihood(), 6)));
        rows.add(List.of("刻度", String.format(Locale.ROOT, "%s 分对应好坏比 %s:1，PDO %s（factor %.4f，offset %.4f）",
                Binning.number(o.scale().basePoints()), Binning.number(o.scale().baseOdds()),
                Binning.number(o.scale().pdo()), o.scale().factor(), o.scale().offset())));
        rows.add(List.of("分箱参数", String.format(Locale.ROOT, "初始等频 %d 箱，最小箱占比 %.1f%%，WoE 单调，缺失值单独成箱",
                o.binning().fineBins(), 100 * o.binning().minBinShare())));
        rows.add(List.of("筛选参数", String.format(Locale.ROOT, "IV ≥ %.3f，WoE 相关 |ρ| ≤ %.2f，%s",
                o.selection().minIv(), o.selection().maxCorrelation(),
                o.selection().dropWrongSign() ? "剔除系数符号错误的特征" : "保留系数符号错误的特征")));
        rows.add(List.of("验证方式", String.format(Locale.ROOT, "分层留出 %.0f%%（种子 %d）%s", 100 * o.holdoutFraction(),
                o.seed(), o.folds() >= 2 ? "，训练集上 " + o.folds() + " 折交叉验证" : "")));
        rows.add(List.of("等级", o.grades().cuts().stream().map(c -> c.grade() + " ≥ " + c.minScore())
                .collect(Collectors.joining("，")) + "，C < " + o.grades().cuts().getLast().minScore()));
        return new Spreadsheets.Sheet("汇总", List.of("项目", "值"), rows);
    }

    private static Spreadsheets.Sheet ivSheet(TrainedScorecard card) {
        List<List<Object>> rows = new ArrayList<>();
        for (FeatureDecision d : card.decisions()) {
            FeatureBinning b = card.binnings().stream().filter(x -> x.feature().equals(d.feature())).findFirst()
                    .orElse(null);
            rows.add(List.of(d.feature(), b == null ? "" : kind(b), b == null ? "" : (Object) b.bins().size(),
                    Double.isNaN(d.iv()) ? "" : (Object) round(d.iv(), 6), d.kept() ? "是" : "否", reason(d.reason()),
                    d.detail()));
        }
        return new Spreadsheets.Sheet("IV", List.of("特征", "类型", "分箱数", "IV", "入模", "原因", "说明"), rows);
    }

    private static Spreadsheets.Sheet binSheet(TrainedScorecard card) {
        List<List<Object>> rows = new ArrayList<>();
        List<FeatureBinning> byIv = card.binnings().stream()
                .sorted(Comparator.comparingDouble((FeatureBinning b) -> -b.iv())).toList();
        for (FeatureBinning b : byIv) {
            int total = b.bins().stream().mapToInt(Bin::count).sum();
            for (Bin bin : b.bins()) {
                rows.add(List.of(b.feature(), bin.label(), finite(bin.lower()), finite(bin.upper()),
                        String.join("、", bin.categories()), bin.count(), round(bin.count() / (double) total, 4),
                        bin.goods(), bin.bads(), round(bin.badRate(), 4), round(bin.woe(), 6), round(bin.iv(), 6)));
            }
        }
        return new Spreadsheets.Sheet("分箱", List.of("特征", "分箱", "下限（含）", "上限（不含）", "类别", "样本数", "占比", "好",
                "坏", "坏账率", "WoE", "IV 贡献"), rows);
    }

    private static Spreadsheets.Sheet coefficientSheet(TrainedScorecard card) {
        LogisticFit fit = card.fit();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(coefficientRow("截距 (intercept)", fit.intercept(), fit.interceptStandardError(), ""));
        for (int j = 0; j < card.model().size(); j++) {
            rows.add(coefficientRow(card.model().get(j).feature(), fit.coefficients().get(j),
                    fit.standardErrors().get(j), round(card.model().get(j).iv(), 6)));
        }
        return new Spreadsheets.Sheet("系数", List.of("变量", "系数 β", "标准误", "z", "p 值（双侧）", "IV"), rows);
    }

    private static List<Object> coefficientRow(String name, double beta, double se, Object iv) {
        double z = beta / se;
        return List.of(name, round(beta, 8), finite(round(se, 8)), finite(round(z, 4)),
                Double.isFinite(z) ? (Object) significant(twoSidedP(z), 4) : "", iv);
    }

    private static Spreadsheets.Sheet pointsSheet(TrainedScorecard card) {
        List<List<Object>> rows = new ArrayList<>();
        if (card.points().features() == 0) {
            rows.add(List.of("（无入模特征）", "基础分", "", "", "", card.points().baseline()));
        }
        for (PointsTable.Entry e : card.points().entries()) {
            rows.add(List.of(e.feature(), e.bin(), round(e.woe(), 6), round(e.coefficient(), 8),
                    round(e.exactPoints(), 4), e.points()));
        }
        return new Spreadsheets.Sheet("评分卡", List.of("特征", "分箱", "WoE", "系数 β", "分值（未取整）", "分值"), rows);
    }

    private static Spreadsheets.Sheet validationSheet(TrainedScorecard card) {
        ValidationReport v = card.validation();
        List<List<Object>> rows = new ArrayList<>();
        Discrimination.Summary h = v.holdout();
        rows.add(List.of("区分度", "AUC", round(v.train().auc(), 4), "", "", h == null ? "" : round(h.auc(), 4), "",
                ""));
        rows.add(List.of("区分度", "KS", round(v.train().ks(), 4), "", "", h == null ? "" : round(h.ks(), 4), "", ""));
        rows.add(List.of("区分度", "Gini", round(v.train().gini(), 4), "", "", h == null ? "" : round(h.gini(), 4), "",
                ""));
        if (h != null) {
            rows.add(List.of("稳定性", "PSI（按训练集分数十分位）", "", "", "", round(v.scorePsi(), 4), "", ""));
        }
        for (ValidationReport.Fold f : v.folds()) {
            rows.add(List.of("交叉验证", "第 " + f.fold() + " 折（样本 " + f.scored().count() + "，坏 " + f.scored().bads()
                    + "，特征 " + f.features() + "）AUC / KS / Gini", "", "", "", round(f.scored().auc(), 4),
                    round(f.scored().ks(), 4), round(f.scored().gini(), 4)));
        }
        for (BandRates b : v.grades()) {
            rows.add(rates("等级", b.band(), b.train(), b.holdout()));
        }
        for (BandRates b : v.scoreBands()) {
            rows.add(rates("分数段", b.band(), b.train(), b.holdout()));
        }
        for (ValidationReport.BinRates b : v.bins()) {
            rows.add(rates("分箱 " + b.feature(), b.bin(), b.train(), b.holdout()));
        }
        return new Spreadsheets.Sheet("验证", List.of("部分", "分组", "训练集 样本数 / 指标", "训练集 坏样本", "训练集 坏账率",
                "验证集 样本数 / 指标", "验证集 坏样本", "验证集 坏账率"), rows);
    }

    private static List<Object> rates(String part, String group, Rates train, Rates holdout) {
        return List.of(part, group, train.count(), train.bads(), round(train.badRate(), 4), holdout.count(),
                holdout.bads(), round(holdout.badRate(), 4));
    }

    private static String kind(FeatureBinning b) {
        return switch (b.trend()) {
            case ASCENDING -> "数值（WoE 随值递增）";
            case DESCENDING -> "数值（WoE 随值递减）";
            case FLAT -> b.kind() == FeatureBinning.Kind.NUMERIC ? "数值（单箱）" : "类别";
            case UNORDERED -> "类别";
        };
    }

    private static String reason(Reason r) {
        return switch (r) {
            case SELECTED -> "入模";
            case EXCLUDED -> "排除";
            case LOW_IV -> "IV 过低";
            case CORRELATED -> "相关性过高";
            case WRONG_SIGN -> "系数符号错误";
        };
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : "";
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double significant(double v, int digits) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    /** Two-sided normal tail 2·(1 − Φ(|z|)) = erfc(|z|/√2). */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Complementary error function, Chebyshev fit with fractional error under 1.2e-7 (Numerical Recipes). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
