package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;

/**
 * Splits a guaranteed loan's loss and later recoveries between the parties of a guarantee scheme: pure and exact.
 * Each party's part is its share of the amount rounded half up to the fen, except the remainder party (the one with
 * {@code remainder: true}, else the last), which takes what is left, so the parts always add up to the whole.
 */
public final class GuaranteeSplit {

    private GuaranteeSplit() {
    }

    public record Part(GuaranteeParty party, BigDecimal share, long lossFen, long recoveryFen) {

        /** What the party bears in the end. */
        public long netFen() {
            return lossFen - recoveryFen;
        }
    }

    public record FeeLine(String name, GuaranteeParty payer, GuaranteeParty payee, BigDecimal rate, long baseFen,
            long yearlyFen) {
    }

    public record Result(GuaranteeScheme scheme, long principalFen, long lossFen, long recoveryFen, List<Part> parts,
            List<FeeLine> fees) {
    }

    /** Normalises a category as written ("专精特新“小巨人”企业", "HIGH_TECH") for comparison. */
    public static String key(String category) {
        return category.strip().replaceAll("[\"“”'‘’「」\\s]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The split. {@code categories}: the enterprise's categories as codes and names (normalised by {@link #key});
     * schemes with shares by category need one they know. Bad input is refused naming the field.
     */
    public static Result split(GuaranteeScheme scheme, Set<String> categories, long principalFen, long lossFen,
            long recoveryFen) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (principalFen <= 0) {
            errors.put("principal", "担保本金须大于零");
        } else if (scheme.maxPrincipal() != null && principalFen > Yuan.toFen(scheme.maxPrincipal())) {
            errors.put("principal", scheme.name() + "适用于担保金额不超过 " + Yuan.grouped(Yuan.toFen(scheme.maxPrincipal()))
                    + " 的业务");
        }
        if (lossFen < 0) {
            errors.put("loss", "代偿损失不能为负数");
        } else if (principalFen > 0 && lossFen > principalFen) {
            errors.put("loss", "代偿损失不能超过担保本金");
        }
        if (recoveryFen < 0) {
            errors.put("recovery", "追偿金额不能为负数");
        } else if (recoveryFen > lossFen && lossFen >= 0) {
            errors.put("recovery", "追偿金额不能超过代偿损失");
        }
        Map<GuaranteeParty, BigDecimal> shares = new EnumMap<>(GuaranteeParty.class);
        GuaranteeScheme.PartyShare remainder = null;
        BigDecimal assigned = BigDecimal.ZERO;
        for (GuaranteeScheme.PartyShare p : scheme.parties()) {
            if (p.remainder()) {
                remainder = p;
                continue;
            }
            BigDecimal share = p.share();
            if (!p.byCategory().isEmpty()) {
                share = categoryShare(p, categories);
                if (share == null) {
                    errors.put("enterpriseCategory", scheme.name() + "不覆盖该企业类别；可用类别："
                            + p.byCategory().stream().flatMap(c -> c.categories().stream())
                                    .filter(c -> !c.matches("[A-Z_]+")).collect(Collectors.joining("、")));
                    share = BigDecimal.ZERO;
                }
            }
            shares.put(p.party(), share);
            assigned = assigned.add(share);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        GuaranteeParty last = remainder != null ? remainder.party() : scheme.parties().getLast().party();
        if (remainder != null) {
            shares.put(remainder.party(), BigDecimal.ONE.subtract(assigned));
        }
        List<Part> parts = new ArrayList<>();
        long lossLeft = lossFen;
        long recoveryLeft = recoveryFen;
        for (GuaranteeScheme.PartyShare p : scheme.parties()) {
            if (p.party() == last) {
                continue;
            }
            long l = Compensation.times(lossFen, shares.get(p.party()));
            long r = Compensation.times(recoveryFen, shares.get(p.party()));
            lossLeft -= l;
            recoveryLeft -= r;
            parts.add(new Part(p.party(), shares.get(p.party()), l, r));
        }
        parts.add(new Part(last, shares.get(last), lossLeft, recoveryLeft));
        parts.sort(java.util.Comparator.comparing(Part::party));
        List<FeeLine> fees = new ArrayList<>();
        for (GuaranteeScheme.Fee f : scheme.fees()) {
            long base = Compensation.times(principalFen, shares.getOrDefault(f.baseParty(), BigDecimal.ZERO));
            boolean reduced = f.reducedRate() != null && f.reducedUpTo() != null
                    && principalFen <= Yuan.toFen(f.reducedUpTo());
            BigDecimal rate = reduced ? f.reducedRate() : f.rate();
            fees.add(new FeeLine(f.name(), f.payer(), f.payee(), rate, base, Compensation.times(base, rate)));
        }
        return new Result(scheme, principalFen, lossFen, recoveryFen, List.copyOf(parts), List.copyOf(fees));
    }

    private static @Nullable BigDecimal categoryShare(GuaranteeScheme.PartyShare p, Set<String> categories) {
        BigDecimal best = null;
        for (GuaranteeScheme.CategoryShare c : p.byCategory()) {
            boolean match = c.categories().stream().map(GuaranteeSplit::key).anyMatch(categories::contains);
            if (match && (best == null || c.share().compareTo(best) > 0)) {
                best = c.share();
            }
        }
        return best;
    }
}
