package org.sanrong.listing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.listing.Enrolment;
import org.sanrong.listing.EnrolmentRule;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.ListingFigures;
import org.sanrong.listing.Milestone;
import org.sanrong.listing.RequestCategory;
import org.sanrong.listing.ReserveGrade;
import org.sanrong.platform.Fen;
import org.sanrong.platform.FormInput;

/** The listing pages' forms as typed (money in 万元, which may be negative for profit and cash flow). */
final class ListingForms {

    private ListingForms() {
    }

    record Parsed<T>(@Nullable T value, Map<String, String> errors) {
    }

    record EnrolForm(@Nullable String creditCode, @Nullable String grade, @Nullable String board,
            @Nullable String reason, @Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor) {

        static EnrolForm empty() {
            return new EnrolForm("", "D", "CHINEXT", "", "", "", "");
        }

        Enrolment parse() {
            return new Enrolment(creditCode == null ? "" : creditCode, enumOf(ReserveGrade.class, grade),
                    enumOf(ListingBoard.class, board), reason, sponsor, lawFirm, auditor);
        }
    }

    record RuleForm(@Nullable List<String> qualifications, @Nullable String minRevenue, @Nullable String minNetProfit,
            @Nullable String townCode, @Nullable String industryPrefix, @Nullable String grade,
            @Nullable String board) {

        static RuleForm empty() {
            return new RuleForm(List.of("LITTLE_GIANT"), "", "", "", "", "D", "CHINEXT");
        }

        Parsed<EnrolmentRule> parse() {
            FormInput in = new FormInput();
            Long revenue = in.wan("minRevenue", minRevenue);
            Long profit = signedWan(in, "minNetProfit", minNetProfit);
            return new Parsed<>(new EnrolmentRule(new LinkedHashSet<>(qualifications == null ? List.of()
                    : qualifications.stream().filter(q -> q != null && !q.isBlank()).toList()), revenue, profit,
                    townCode, industryPrefix, enumOf(ListingBoard.class, board), enumOf(ReserveGrade.class, grade)),
                    in.errors());
        }
    }

    /** {@code evidence} only carries its error: the file itself comes as the part "evidenceFile". */
    record MilestoneForm(@Nullable String milestone, @Nullable String reachedOn, @Nullable String note,
            @Nullable String evidence) {

        static MilestoneForm empty(@Nullable Milestone next) {
            return new MilestoneForm(next == null ? "" : next.name(), "", "", "");
        }
    }

    record GradeForm(@Nullable String grade, @Nullable String reason) {
    }

    record BoardForm(@Nullable String board, @Nullable String reason) {
    }

    record IntermediariesForm(@Nullable String sponsor, @Nullable String lawFirm, @Nullable String auditor) {
    }

    record MarketValueForm(@Nullable String marketValue, @Nullable String marketValueOn) {
    }

    record RequestForm(@Nullable String category, @Nullable String description, @Nullable String departmentId) {

        static RequestForm empty() {
            return new RequestForm("", "", "");
        }

        @Nullable RequestCategory categoryValue() {
            return enumOf(RequestCategory.class, category);
        }
    }

    /** Parallel columns, one row per year. */
    record FiguresForm(@Nullable List<String> year, @Nullable List<String> netProfit, @Nullable List<String> cashFlow,
            @Nullable List<String> roe) {

        Parsed<List<ListingFigures>> parse() {
            FormInput in = new FormInput();
            List<ListingFigures> out = new ArrayList<>();
            List<String> years = year == null ? List.of() : year;
            for (int i = 0; i < years.size(); i++) {
                Integer y = in.integer("year", years.get(i));
                Long profit = signedWan(in, "netProfit", at(netProfit, i));
                Long cash = signedWan(in, "cashFlow", at(cashFlow, i));
                BigDecimal r = in.percent("roe", at(roe, i));
                if (y != null) {
                    out.add(new ListingFigures(y, profit, cash, r));
                }
            }
            return new Parsed<>(out, in.errors());
        }

        private static @Nullable String at(@Nullable List<String> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    /** 万元 that may be negative (a loss, an outflow): "-120.5" is minus 120.5万元, in fen. */
    static @Nullable Long signedWan(FormInput in, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace("－", "-");
        boolean negative = v.startsWith("-");
        Long fen = in.wan(field, negative ? v.substring(1) : v);
        return fen == null ? null : negative ? -fen : fen;
    }

    static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name.strip())) {
                return e;
            }
        }
        return null;
    }

    static String wan(@Nullable Long fen) {
        if (fen == null) {
            return "";
        }
        return fen < 0 ? "-" + Fen.toWanInput(-fen) : Fen.toWanInput(fen);
    }
}
