package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A loan (or lease) paid out, as the institution records it: its own loan number, the amount, date, rate, term and
 * maturity, and the guarantee actually taken. Checked against the offer by {@link Deal#recordDisbursement}.
 */
public record Disbursement(String loanNumber, long amountFen, LocalDate disbursedOn, BigDecimal annualRatePercent,
        int termMonths, LocalDate maturityOn, @Nullable String guarantee) {

    /** What is missing, by field: JSON may leave anything out, and the rules below need these. */
    java.util.Map<String, String> missing() {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (disbursedOn == null) {
            errors.put("disbursedOn", "请填写放款日期");
        }
        if (maturityOn == null) {
            errors.put("maturityOn", "请填写到期日");
        }
        if (annualRatePercent == null) {
            errors.put("annualRatePercent", "请填写年化利率");
        }
        return errors;
    }

    public Disbursement {
        loanNumber = loanNumber == null ? "" : loanNumber.strip();
        guarantee = guarantee == null || guarantee.isBlank() ? null : guarantee.strip();
    }
}
