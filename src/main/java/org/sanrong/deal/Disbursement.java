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

    public Disbursement {
        loanNumber = loanNumber == null ? "" : loanNumber.strip();
        guarantee = guarantee == null || guarantee.isBlank() ? null : guarantee.strip();
    }
}
