package org.sanrong.deal.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.deal.Application;
import org.sanrong.deal.DeclineReason;
import org.sanrong.deal.Disbursement;
import org.sanrong.deal.Investment;
import org.sanrong.deal.LoanStatus;
import org.sanrong.deal.Offer;
import org.sanrong.platform.FormInput;

/**
 * The deal pages' forms as typed (amounts in 万元, numbers and dates as text), each parsed into the value the flow
 * takes plus the mistakes by field, so a typo comes back next to its field.
 */
final class DealForms {

    private DealForms() {
    }

    record Parsed<T>(@Nullable T value, Map<String, String> errors) {
    }

    record ApplicationForm(@Nullable String productId, @Nullable String demandId, @Nullable String amount,
            @Nullable String termMonths, @Nullable String purpose, boolean shareData) {

        Parsed<Application> parse() {
            FormInput in = new FormInput();
            Long amountFen = in.wan("amount", amount);
            Integer term = in.integer("termMonths", termMonths);
            UUID product = uuid(productId);
            if (product == null) {
                in.reject("productId", "请选择产品");
            }
            return new Parsed<>(product == null ? null : new Application(product, uuid(demandId), amountFen, term,
                    purpose, shareData), in.errors());
        }
    }

    record OfferForm(@Nullable String amount, @Nullable String annualRatePercent, @Nullable String termMonths,
            @Nullable String stakePercent, @Nullable String guarantee, @Nullable String conditions) {

        static OfferForm empty() {
            return new OfferForm("", "", "", "", "", "");
        }

        Parsed<Offer> parse() {
            FormInput in = new FormInput();
            Long amountFen = in.wan("amount", amount);
            if (amountFen == null && in.errors().get("amount") == null) {
                in.reject("amount", "请填写批复金额（万元）");
            }
            Offer offer = new Offer(amountFen == null ? 0 : amountFen, in.percent("annualRatePercent",
                    annualRatePercent), in.integer("termMonths", termMonths), in.percent("stakePercent", stakePercent),
                    guarantee, conditions);
            return new Parsed<>(offer, in.errors());
        }
    }

    record DeclineForm(@Nullable String reason, @Nullable String note) {

        static DeclineForm empty() {
            return new DeclineForm("", "");
        }

        Parsed<DeclineReason> parse() {
            try {
                if (reason != null && !reason.isBlank()) {
                    return new Parsed<>(DeclineReason.valueOf(reason.strip()), Map.of());
                }
            } catch (IllegalArgumentException e) {
                // an unknown code is answered like a missing one
            }
            return new Parsed<>(null, Map.of("reason", "请选择拒绝原因"));
        }
    }

    record NoteForm(@Nullable String note) {

        static NoteForm empty() {
            return new NoteForm("");
        }
    }

    /** What an institution asks the enterprise to add (its own field name, beside the decline form's note). */
    record RequestForm(@Nullable String request) {

        static RequestForm empty() {
            return new RequestForm("");
        }
    }

    record DisbursementForm(@Nullable String loanNumber, @Nullable String amount, @Nullable String disbursedOn,
            @Nullable String annualRatePercent, @Nullable String termMonths, @Nullable String maturityOn,
            @Nullable String guarantee) {

        static DisbursementForm empty() {
            return new DisbursementForm("", "", "", "", "", "", "");
        }

        Parsed<Disbursement> parse() {
            FormInput in = new FormInput();
            Long amountFen = required(in, "amount", in.wan("amount", amount), "请填写放款金额（万元）");
            LocalDate on = required(in, "disbursedOn", in.date("disbursedOn", disbursedOn), "请填写放款日期");
            var rate = required(in, "annualRatePercent", in.percent("annualRatePercent", annualRatePercent),
                    "请填写年化利率");
            Integer term = required(in, "termMonths", in.integer("termMonths", termMonths), "请填写期限（月）");
            LocalDate maturity = required(in, "maturityOn", in.date("maturityOn", maturityOn), "请填写到期日");
            if (!in.errors().isEmpty()) {
                return new Parsed<>(null, in.errors());
            }
            return new Parsed<>(new Disbursement(loanNumber == null ? "" : loanNumber, amountFen, on, rate, term,
                    maturity, guarantee), in.errors());
        }
    }

    record InvestmentForm(@Nullable String amount, @Nullable String stakePercent, @Nullable String investedOn) {

        static InvestmentForm empty() {
            return new InvestmentForm("", "", "");
        }

        Parsed<Investment> parse() {
            FormInput in = new FormInput();
            Long amountFen = required(in, "amount", in.wan("amount", amount), "请填写投资金额（万元）");
            var stake = required(in, "stakePercent", in.percent("stakePercent", stakePercent), "请填写占股比例");
            LocalDate on = required(in, "investedOn", in.date("investedOn", investedOn), "请填写投资日期");
            if (!in.errors().isEmpty()) {
                return new Parsed<>(null, in.errors());
            }
            return new Parsed<>(new Investment(amountFen, stake, on), in.errors());
        }
    }

    record StatusForm(@Nullable String status, @Nullable String asOf, @Nullable String outstanding) {

        static StatusForm empty() {
            return new StatusForm("NORMAL", "", "");
        }

        record Report(LoanStatus status, LocalDate asOf, @Nullable Long outstandingFen) {
        }

        Parsed<Report> parse() {
            FormInput in = new FormInput();
            LoanStatus s = null;
            try {
                s = status == null || status.isBlank() ? null : LoanStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (s == null) {
                in.reject("status", "请选择还款状态");
            }
            LocalDate on = required(in, "asOf", in.date("asOf", asOf), "请填写报送日期");
            Long left = in.wan("outstanding", outstanding);
            if (!in.errors().isEmpty()) {
                return new Parsed<>(null, in.errors());
            }
            return new Parsed<>(new Report(s, on, left), in.errors());
        }
    }

    private static <T> @Nullable T required(FormInput in, String field, @Nullable T value, String message) {
        if (value == null && !in.errors().containsKey(field)) {
            in.reject(field, message);
        }
        return value;
    }

    static @Nullable UUID uuid(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
