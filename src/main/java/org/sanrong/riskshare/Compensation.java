package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The compensation calculator: pure and exact. Ratios are exact decimals (tiers plus points, then the cap); an
 * amount is the loss times the ratio, rounded half up to the fen, once, at the end. The loss ratio that decides a
 * suspension is compared exactly (loss > filed × threshold), never after rounding, so exactly 3% is not exceeding.
 * Every result carries the steps of its calculation in words, for the claim page and the audit.
 */
public final class Compensation {

    private Compensation() {
    }

    /** What a ratio and an amount are computed from. {@code filedVolumeFen}: the bank's principal filed that year. */
    public record LoanCase(long amountFen, long lossFen, Set<LoanFeature> features, long filedVolumeFen) {

        public LoanCase {
            features = Set.copyOf(features);
            if (amountFen < 0 || lossFen < 0 || filedVolumeFen < 0) {
                throw new IllegalArgumentException("amounts cannot be negative");
            }
        }
    }

    /** One pool's share of one loss: the ratio (0 when not covered), the amount in fen and how they were found. */
    public record Entitlement(BigDecimal ratio, long amountFen, boolean covered, List<String> steps) {

        public Entitlement {
            steps = List.copyOf(steps);
        }
    }

    /** One pool's part in a stack: what it would pay alone, what it pays after the pools before it. */
    public record Share(Scheme scheme, Entitlement own, long payFen, List<String> steps) {

        public Share {
            steps = List.copyOf(steps);
        }
    }

    /** A loan of a quote (试算). */
    public record QuoteLoan(String ref, long amountFen, long lossFen, Set<LoanFeature> features) {

        public QuoteLoan {
            features = Set.copyOf(features);
        }
    }

    public record QuoteLine(String ref, Entitlement entitlement) {
    }

    /** A quote: the year's loss ratio, whether it suspends payment, each loan's entitlement, payable and held. */
    public record Quote(long lossFen, long filedPrincipalFen, BigDecimal lossRatio, boolean suspended,
            List<QuoteLine> loans, long payableFen, long heldFen) {
    }

    /** One pool's entitlement for one loan under its ratio rules. */
    public static Entitlement entitle(Scheme.RatioRules rules, LoanCase loan) {
        List<String> steps = new ArrayList<>();
        boolean byVolume = rules.basis() == Scheme.RatioRules.Basis.FILED_VOLUME;
        long basisFen = byVolume ? loan.filedVolumeFen() : loan.amountFen();
        String basisName = byVolume ? "本机构当年备案本金" : "贷款金额";
        Scheme.Tier tier = null;
        for (Scheme.Tier t : rules.tiers()) {
            if (t.upTo() == null || basisFen <= Yuan.toFen(t.upTo())) {
                tier = t;
                break;
            }
        }
        if (tier == null) {
            BigDecimal top = rules.tiers().getLast().upTo();
            steps.add(basisName + " " + Yuan.grouped(basisFen) + " 超过最高档 " + Yuan.grouped(Yuan.toFen(top))
                    + "：不在补偿范围");
            return new Entitlement(BigDecimal.ZERO.setScale(4), 0, false, steps);
        }
        BigDecimal ratio = tier.ratio();
        steps.add(basisName + " " + Yuan.grouped(basisFen) + (tier.upTo() == null ? "" : " ≤ "
                + Yuan.grouped(Yuan.toFen(tier.upTo()))) + "：基础比例 " + Yuan.percent(ratio)
                + (rules.example() ? "（示例分档）" : ""));
        if (rules.guaranteedRatio() != null && loan.features().contains(LoanFeature.GUARANTEED)) {
            ratio = rules.guaranteedRatio();
            steps.add("担保贷款：基础比例改为 " + Yuan.percent(ratio));
        }
        for (Scheme.Uplift u : rules.uplifts()) {
            List<LoanFeature> met = u.anyOf().stream().filter(loan.features()::contains).toList();
            if (!met.isEmpty()) {
                ratio = ratio.add(u.points());
                steps.add("+" + u.points().movePointRight(2).stripTrailingZeros().toPlainString() + "个百分点：" + u.name()
                        + "（具备：" + met.stream().map(LoanFeature::label).collect(Collectors.joining("、"))
                        + (met.size() > 1 ? "，只加一次" : "") + "）");
            }
        }
        if (ratio.compareTo(rules.cap()) > 0) {
            steps.add("合计 " + Yuan.percent(ratio) + "，超过上限 " + Yuan.percent(rules.cap()) + "，按 "
                    + Yuan.percent(rules.cap()));
            ratio = rules.cap();
        } else {
            steps.add("补偿比例 " + Yuan.percent(ratio) + "（上限 " + Yuan.percent(rules.cap()) + "）");
        }
        long amount = times(loan.lossFen(), ratio);
        steps.add("补偿金额 = 损失 " + Yuan.grouped(loan.lossFen()) + " × " + Yuan.percent(ratio) + " = "
                + Yuan.grouped(amount) + "（四舍五入到分）");
        return new Entitlement(ratio.setScale(Math.max(4, ratio.scale()), RoundingMode.UNNECESSARY), amount, true,
                steps);
    }

    /** One pool in a stack with the loan as that pool sees it (its features, the bank's volume filed into it). */
    public record Stacked(Scheme scheme, LoanCase loan) {
    }

    /**
     * Pools stacked on one loan, in pay order (then by code): each pays its own entitlement, but all together
     * never more than the smallest combined cap among them (as a share of the loss), nor more than the loss.
     */
    public static List<Share> stack(List<Stacked> pools) {
        List<Stacked> ordered = pools.stream().sorted(Comparator.comparingInt((Stacked p) -> p.scheme().payOrder())
                .thenComparing(p -> p.scheme().code())).toList();
        long loss = ordered.isEmpty() ? 0 : ordered.getFirst().loan().lossFen();
        Scheme limiting = null;
        for (Stacked p : ordered) {
            BigDecimal c = p.scheme().ratio().combinedCap();
            if (c != null && (limiting == null || c.compareTo(limiting.ratio().combinedCap()) < 0)) {
                limiting = p.scheme();
            }
        }
        long limit = limiting == null ? loss : Math.min(loss, times(loss, limiting.ratio().combinedCap()));
        long paid = 0;
        List<Share> shares = new ArrayList<>();
        for (Stacked p : ordered) {
            Entitlement own = entitle(p.scheme().ratio(), p.loan());
            long pay = Math.max(0, Math.min(own.amountFen(), limit - paid));
            List<String> steps = new ArrayList<>(own.steps());
            if (pay < own.amountFen()) {
                steps.add(limiting == null ? "各资金池合计不超过损失，本池支付 " + Yuan.grouped(pay)
                        : "各级资金池合计不超过损失的 " + Yuan.percent(limiting.ratio().combinedCap()) + "（"
                                + limiting.code() + "），先付的资金池已付 " + Yuan.grouped(paid) + "，本池支付 "
                                + Yuan.grouped(pay));
            }
            paid += pay;
            shares.add(new Share(p.scheme(), own, pay, steps));
        }
        return shares;
    }

    /** A year's claims under one scheme, computed without saving (试算). */
    public static Quote quote(Scheme scheme, long filedPrincipalFen, List<QuoteLoan> loans) {
        List<QuoteLine> lines = new ArrayList<>();
        long loss = 0;
        long total = 0;
        for (QuoteLoan l : loans) {
            Entitlement e = entitle(scheme.ratio(), new LoanCase(l.amountFen(), l.lossFen(), l.features(),
                    filedPrincipalFen));
            lines.add(new QuoteLine(l.ref(), e));
            loss = Math.addExact(loss, l.lossFen());
            total = Math.addExact(total, e.amountFen());
        }
        boolean suspended = scheme.suspension() != null
                && exceeds(loss, filedPrincipalFen, scheme.suspension().lossRatioAbove());
        return new Quote(loss, filedPrincipalFen, lossRatio(loss, filedPrincipalFen), suspended, lines,
                suspended ? 0 : total, suspended ? total : 0);
    }

    /** Whether loss ÷ filed exceeds the threshold, decided exactly: loss > filed × threshold. */
    public static boolean exceeds(long lossFen, long filedFen, BigDecimal threshold) {
        return BigDecimal.valueOf(lossFen).compareTo(BigDecimal.valueOf(filedFen).multiply(threshold)) > 0;
    }

    /** loss ÷ filed to 34 significant digits (zero when nothing was filed); show it with {@link Yuan#ratio}. */
    public static BigDecimal lossRatio(long lossFen, long filedFen) {
        return filedFen == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(lossFen).divide(BigDecimal.valueOf(filedFen), MathContext.DECIMAL128);
    }

    /** fen × ratio, half up to the fen. */
    public static long times(long fen, BigDecimal ratio) {
        return BigDecimal.valueOf(fen).multiply(ratio).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The loan's features the scheme's key-support list adds, from the enterprise's live qualifications. */
    public static boolean onKeySupportList(Scheme scheme, @Nullable Set<String> qualifications) {
        return qualifications != null && scheme.keySupportList().stream().anyMatch(qualifications::contains);
    }
}
