package org.sanrong.advisory.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.advisory.AreaOrder;
import org.sanrong.advisory.AssignmentBasis;
import org.sanrong.advisory.AssignmentOrder;
import org.sanrong.advisory.ServiceEntry;
import org.sanrong.advisory.ServiceType;
import org.sanrong.advisory.Speciality;
import org.sanrong.platform.FormInput;

/** The adviser pages' forms as typed, each read into what {@code Advisory} takes plus the typing mistakes by field. */
final class AdvisoryForms {

    private AdvisoryForms() {
    }

    record Parsed<T>(T value, Map<String, String> errors) {
    }

    record AdviserForm(@Nullable String username, @Nullable List<String> specialities, @Nullable String phone,
            @Nullable String introduction) {

        static AdviserForm empty() {
            return new AdviserForm("", List.of(), "", "");
        }

        Set<Speciality> chosen() {
            Set<Speciality> set = EnumSet.noneOf(Speciality.class);
            if (specialities != null) {
                specialities.forEach(s -> value(Speciality.class, s).ifPresent(set::add));
            }
            return set;
        }
    }

    record RequestForm(@Nullable String speciality, @Nullable String description) {

        static RequestForm empty() {
            return new RequestForm("", "");
        }
    }

    record AssignForm(@Nullable String adviserId, @Nullable String enterpriseCreditCode, @Nullable String basis,
            @Nullable String requestId, @Nullable String assignedOn, @Nullable String note) {

        static AssignForm empty(LocalDate today) {
            return new AssignForm("", "", "TOWN", "", today.toString(), "");
        }

        Parsed<AssignmentOrder> parse() {
            FormInput in = new FormInput();
            LocalDate on = in.date("assignedOn", assignedOn);
            UUID adviser = uuid(adviserId);
            if (adviser == null) {
                in.reject("adviserId", "请选择金融顾问");
            }
            return new Parsed<>(new AssignmentOrder(adviser, enterpriseCreditCode,
                    value(AssignmentBasis.class, basis).orElse(null), uuid(requestId), on, note), in.errors());
        }
    }

    /** The desk's second form; its fields are named apart from the single assignment's, both being on one page. */
    record AreaForm(@Nullable String areaAdviserId, @Nullable String areaTownCode, @Nullable String areaIndustry,
            @Nullable String areaLimit, @Nullable String areaAssignedOn, @Nullable String areaNote) {

        static AreaForm empty(LocalDate today) {
            return new AreaForm("", "", "", "20", today.toString(), "");
        }

        Parsed<AreaOrder> parse() {
            FormInput in = new FormInput();
            LocalDate on = in.date("areaAssignedOn", areaAssignedOn);
            Integer limit = in.integer("areaLimit", areaLimit);
            UUID adviser = uuid(areaAdviserId);
            if (adviser == null) {
                in.reject("areaAdviserId", "请选择金融顾问");
            }
            return new Parsed<>(new AreaOrder(adviser, areaTownCode, areaIndustry, limit, on, areaNote), in.errors());
        }

        /** The flow's field names as this form's. */
        static Map<String, String> onForm(Map<String, String> errors) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            errors.forEach((k, v) -> out.put(switch (k) {
                case "adviserId" -> "areaAdviserId";
                case "townCode" -> "areaTownCode";
                case "industryPrefix" -> "areaIndustry";
                case "limit" -> "areaLimit";
                case "assignedOn" -> "areaAssignedOn";
                case "note" -> "areaNote";
                default -> k;
            }, v));
            return out;
        }
    }

    record ServiceForm(@Nullable String servedOn, @Nullable String type, @Nullable String summary,
            @Nullable String followUps) {

        static ServiceForm empty(LocalDate today) {
            return new ServiceForm(today.toString(), "VISIT", "", "");
        }

        Parsed<ServiceEntry> parse() {
            FormInput in = new FormInput();
            LocalDate on = in.date("servedOn", servedOn);
            return new Parsed<>(new ServiceEntry(on, value(ServiceType.class, type).orElse(null), summary, followUps),
                    in.errors());
        }
    }

    record RatingForm(@Nullable String score, @Nullable String comment) {

        @Nullable Integer points() {
            try {
                return score == null || score.isBlank() ? null : Integer.valueOf(score.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    static <E extends Enum<E>> Optional<E> value(Class<E> type, @Nullable String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
