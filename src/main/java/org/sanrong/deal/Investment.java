package org.sanrong.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An equity investment actually made (实缴): amount received by the enterprise, stake and date. */
public record Investment(long amountFen, BigDecimal stakePercent, LocalDate investedOn) {

    /** What is missing, by field: JSON may leave anything out. */
    java.util.Map<String, String> missing() {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (stakePercent == null) {
            errors.put("stakePercent", "请填写占股比例");
        }
        if (investedOn == null) {
            errors.put("investedOn", "请填写投资日期");
        }
        return errors;
    }
}
