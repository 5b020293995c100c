package org.sanrong.riskshare.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.FormInput;
import org.sanrong.riskshare.LoanFeature;
import org.sanrong.riskshare.RiskCompensation;

/** The risk-sharing pages' forms as typed (money in 万元, dates as text), parsed with the mistakes by field. */
final class RiskshareForms {

    private RiskshareForms() {
    }

    record Parsed<T>(@Nullable T value, Map<String, String> errors) {
    }

    /** What the bank declares when filing. */
    record FilingForm(@Nullable List<String> features) {

        static FilingForm empty() {
            return new FilingForm(List.of());
        }

        Set<LoanFeature> set() {
            Set<LoanFeature> out = EnumSet.noneOf(LoanFeature.class);
            if (features != null) {
                for (String f : features) {
                    try {
                        out.add(LoanFeature.valueOf(f));
                    } catch (IllegalArgumentException ignored) {
                        // a tampered form: the flow refuses what may not be declared anyway
                    }
                }
            }
            return out;
        }
    }

    record ClaimForm(@Nullable String loss, @Nullable String overdueSince, @Nullable String lawsuitCaseNo,
            @Nullable String lawsuitAcceptedOn, @Nullable List<String> documents, @Nullable String note) {

        static ClaimForm empty() {
            return new ClaimForm("", "", "", "", List.of(), "");
        }

        Parsed<RiskCompensation.ClaimRequest> parse(UUID filingId) {
            FormInput in = new FormInput();
            Long lossFen = in.wan("loss", loss);
            if (lossFen == null && !in.errors().containsKey("loss")) {
                in.reject("loss", "请填写损失金额（未收回本金，万元）");
            }
            LocalDate overdue = in.date("overdueSince", overdueSince);
            LocalDate accepted = in.date("lawsuitAcceptedOn", lawsuitAcceptedOn);
            return new Parsed<>(lossFen == null ? null : new RiskCompensation.ClaimRequest(filingId, lossFen,
                    overdue, lawsuitCaseNo, accepted, documents == null ? List.of() : documents, note), in.errors());
        }
    }

    record ReviewForm(@Nullable String note) {

        static ReviewForm empty() {
            return new ReviewForm("");
        }
    }

    record RecoveryForm(@Nullable String amount, @Nullable String recoveredOn) {

        static RecoveryForm empty() {
            return new RecoveryForm("", "");
        }
    }

    /** A claim document's type; {@code file} only carries the upload's problem back to the page. */
    record DocumentForm(@Nullable String documentType, @Nullable String file) {

        static DocumentForm empty() {
            return new DocumentForm("", null);
        }
    }

    record NplForm(@Nullable String quarter, @Nullable String overallPercent) {
    }

    record FundingForm(@Nullable String scheme, @Nullable String amount, @Nullable String note) {
    }
}
