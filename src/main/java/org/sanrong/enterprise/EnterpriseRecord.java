package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One enterprise as imports, exports and the demo population carry it: flat, one row per enterprise. Money in fen;
 * the yearly figures are those of {@code figuresYear}. {@code qualifications} holds qualification kind codes (see
 * reference data) that the row asserts, e.g. from a government office's list.
 */
public record EnterpriseRecord(String creditCode, String name, @Nullable String legalForm,
        @Nullable LocalDate registeredOn, @Nullable Long registeredCapitalFen, @Nullable String townCode,
        @Nullable String address, @Nullable String industryCode, @Nullable Integer headcount,
        @Nullable Integer figuresYear, @Nullable Long revenueFen, @Nullable Long rdExpenseFen, @Nullable Integer rdStaff,
        int inventionPatents, int utilityPatents, int designPatents, int softwareCopyrights, int trademarks,
        boolean equityFunded, @Nullable String contactName, @Nullable String contactMobile,
        List<String> qualifications) {

    public EnterpriseRecord {
        qualifications = List.copyOf(qualifications);
    }
}
