package org.sanrong.deal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancingKind;
import org.sanrong.platform.Fen;
import org.sanrong.platform.InvalidRequestException;

/**
 * What an institution approves: the amount always; for loans and leasing the annual rate and term; for equity the
 * stake; for a guarantee or insurance the fee rate and term. Guarantee and conditions are free text the enterprise
 * reads before it accepts.
 *
 * @param annualRatePercent interest (or fee) rate, annual, as a decimal percentage
 * @param stakePercent for equity, the stake the investor takes
 */
public record Offer(long amountFen, @Nullable BigDecimal annualRatePercent, @Nullable Integer termMonths,
        @Nullable BigDecimal stakePercent, @Nullable String guarantee, @Nullable String conditions) {

    public Offer {
        guarantee = guarantee == null || guarantee.isBlank() ? null : guarantee.strip();
        conditions = conditions == null || conditions.isBlank() ? null : conditions.strip();
    }

    /** Every problem with this offer for a product of the given kind, by API field name; empty when sound. */
    public Map<String, String> problems(FinancingKind kind) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amountFen <= 0) {
            errors.put("amountFen", "批复金额须大于零");
        } else if (amountFen > Fen.MAX) {
            errors.put("amountFen", "金额过大，请核对单位（万元）");
        }
        if (kind == FinancingKind.EQUITY) {
            if (stakePercent == null || stakePercent.signum() <= 0 || stakePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put("stakePercent", "请填写投资占股比例（大于0%且不超过100%）");
            }
        } else {
            if (annualRatePercent == null) {
                errors.put("annualRatePercent", kind == FinancingKind.DEBT || kind == FinancingKind.LEASING
                        ? "请填写年化利率" : "请填写年化费率");
            } else if (annualRatePercent.signum() < 0 || annualRatePercent.compareTo(BigDecimal.valueOf(36)) > 0) {
                errors.put("annualRatePercent", "年化利率须在0%至36%之间");
            }
            if (termMonths == null) {
                errors.put("termMonths", "请填写期限（月）");
            } else if (termMonths < 1 || termMonths > 360) {
                errors.put("termMonths", "期限须在1至360个月之间");
            }
        }
        if (guarantee != null && guarantee.length() > 200) {
            errors.put("guarantee", "担保方式不能超过200个字");
        }
        if (conditions != null && conditions.length() > 1000) {
            errors.put("conditions", "附加条件不能超过1000个字");
        }
        return errors;
    }

    void check(FinancingKind kind) {
        Map<String, String> errors = problems(kind);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
