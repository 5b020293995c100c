package org.sanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sanrong.credit.scorecard.FeatureDecision.Reason;

/**
 * Chooses the features that enter the regression: IV at least {@code minIv} (default 0.02, the usual "useless below"
 * line), then, in order of falling IV, a feature whose WoE correlates (Pearson) with a feature already kept by more
 * than {@code maxCorrelation} (default 0.7) in absolute value is dropped — the one with the lower IV goes.
 * {@code dropWrongSign} asks the trainer to drop and refit features whose coefficient comes out positive.
 */
public final class FeatureSelection {

    public record Options(double minIv, double maxCorrelation, boolean dropWrongSign) {
        public static final Options DEFAULT = new Options(0.02, 0.7, true);

        public Options {
            if (!(minIv >= 0) || !(maxCorrelation > 0 && maxCorrelation <= 1)) {
                throw new IllegalArgumentException("minIv >= 0 and 0 < maxCorrelation <= 1 please");
            }
        }
    }

    private FeatureSelection() {
    }

    /**
     * Decides every feature, returned in order of falling IV. {@code woe[j]} is feature j's WoE on each training
     * row, in the order of {@code binnings}.
     */
    public static List<FeatureDecision> byIvAndCorrelation(List<FeatureBinning> binnings, double[][] woe,
            Options options) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < binnings.size(); j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -binnings.get(j).iv())
                .thenComparing(j -> binnings.get(j).feature()));
        List<FeatureDecision> decisions = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int j : order) {
            FeatureBinning b = binnings.get(j);
            if (b.iv() < options.minIv()) {
                decisions.add(new FeatureDecision(b.feature(), b.iv(), Reason.LOW_IV,
                        String.format(Locale.ROOT, "IV %.4f < %.4f（%d 个分箱）", b.iv(), options.minIv(),
                                b.bins().size())));
                continue;
            }
            FeatureDecision decision = null;
            for (int k : kept) {
                double rho = correlation(woe[j], woe[k]);
                if (Math.abs(rho) > options.maxCorrelation()) {
                    FeatureBinning other = binnings.get(k);
                    decision = new FeatureDecision(b.feature(), b.iv(), Reason.CORRELATED,
                            String.format(Locale.ROOT, "与 %s 的 WoE 相关系数 ρ = %.3f，|ρ| > %.2f；保留 IV 更高的 %s（IV %.4f）",
                                    other.feature(), rho, options.maxCorrelation(), other.feature(), other.iv()));
                    break;
                }
            }
            if (decision == null) {
                kept.add(j);
                decision = new FeatureDecision(b.feature(), b.iv(), Reason.SELECTED,
                        String.format(Locale.ROOT, "IV %.4f ≥ %.4f，与已入模特征 |ρ| ≤ %.2f", b.iv(), options.minIv(),
                                options.maxCorrelation()));
            }
            decisions.add(decision);
        }
        return decisions;
    }

    /** Pearson correlation; 0 when either column is constant. */
    public static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return 0;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
