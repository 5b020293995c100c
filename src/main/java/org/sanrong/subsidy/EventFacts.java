package org.sanrong.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.Milestone;

/**
 * An event as a quote or a report states it (JSON names, decimal yuan strings, Chinese labels) turned into rule facts,
 * and registry facts put under what was given. Problems are collected by field ("events[0].amount") so one answer
 * names all of them.
 */
final class EventFacts {

    /** The attribute names an event may carry besides ref, type, date and amount. */
    static final Set<String> ATTRIBUTES = Set.of("enterprise", "investee", "stage", "qualifications", "ageYears",
            "industry", "town", "stake", "investorType", "loanRef", "loanDate", "ipPledge", "item", "milestone",
            "board", "proceeds", "principal", "rate", "termMonths", "productType");

    /** The attributes that describe the enterprise: given any, an unknown code is treated as a hypothetical one. */
    private static final Set<String> ENTERPRISE_ATTRIBUTES = Set.of("stage", "qualifications", "ageYears", "industry",
            "town");

    private static final Map<String, String> STAGES = Map.of("种子期", "SEED", "初创期", "START_UP", "成长期", "GROWTH",
            "壮大期", "EXPANSION", "成熟期", "EXPANSION");

    /** The listing milestones as rules name them (the labels). */
    static String milestoneLabel(Milestone m) {
        return switch (m) {
            case RESTRUCTURED -> "股改完成";
            case TUTORING_FILED -> "辅导备案";
            case APPLICATION_ACCEPTED -> "申报受理";
            case INQUIRY -> "问询";
            case APPROVED -> "注册生效";
            case LISTED -> "上市";
        };
    }

    private EventFacts() {
    }

    /** A parsed event: its basics and the attributes, normalised to rule facts. */
    record Parsed(@Nullable String ref, EventType type, LocalDate date, long amountFen, @Nullable String enterprise,
            Map<String, Object> given, boolean describesEnterprise) {
    }

    /** Reads one event; problems go to {@code errors} under {@code prefix + name}. Null when a basic is missing. */
    static @Nullable Parsed parse(Map<String, @Nullable Object> in, String prefix, Map<String, String> errors) {
        for (String k : in.keySet()) {
            String name = normalise(k);
            if (!ATTRIBUTES.contains(name) && !Set.of("ref", "type", "date", "amount").contains(k)) {
                errors.put(prefix + k, "没有这个事件属性");
            }
        }
        EventType type = null;
        Object t = in.get("type");
        if (t == null || String.valueOf(t).isBlank()) {
            errors.put(prefix + "type", "请填写事件类型");
        } else {
            try {
                type = EventType.valueOf(String.valueOf(t).strip());
            } catch (IllegalArgumentException e) {
                errors.put(prefix + "type", "不认识的事件类型：" + t);
            }
        }
        LocalDate date = date(in.get("date"), prefix + "date", errors, true);
        Long amount = fen(in.get("amount"), prefix + "amount", errors, true);
        Map<String, Object> given = new LinkedHashMap<>();
        String enterprise = null;
        boolean describes = false;
        for (Map.Entry<String, @Nullable Object> a : in.entrySet()) {
            String name = normalise(a.getKey());
            Object v = a.getValue();
            if (v == null || v instanceof String s && s.isBlank() || !ATTRIBUTES.contains(name)) {
                continue;
            }
            String field = prefix + a.getKey();
            describes |= ENTERPRISE_ATTRIBUTES.contains(name);
            String text = String.valueOf(v).strip();
            switch (name) {
                case "enterprise", "investee" -> enterprise = text.toUpperCase(java.util.Locale.ROOT);
                case "stage" -> {
                    String stage = STAGES.getOrDefault(text, text);
                    if (!Set.of("SEED", "START_UP", "GROWTH", "EXPANSION").contains(stage)) {
                        errors.put(field, "阶段须为种子期、初创期、成长期或壮大期");
                    } else {
                        given.put("enterprise.stage", stage);
                    }
                }
                case "qualifications" -> given.put("enterprise.qualifications", v instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : java.util.Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList());
                case "ageYears" -> integer(v, field, errors).ifPresent(i -> given.put("enterprise.ageYears", i));
                case "termMonths" -> integer(v, field, errors).ifPresent(i -> given.put("event.termMonths", i));
                case "industry" -> given.put("enterprise.industryCode", text);
                case "town" -> given.put("enterprise.townCode", text);
                case "investorType" -> given.put("investor.type", text);
                case "loanRef" -> given.put("event.loanRef", text);
                case "item" -> given.put("event.item", text);
                case "productType" -> given.put("event.productType", text);
                case "ipPledge" -> {
                    if (v instanceof Boolean b || text.equals("true") || text.equals("false")) {
                        given.put("event.ipPledge", Boolean.parseBoolean(text));
                    } else {
                        errors.put(field, "须为 true 或 false");
                    }
                }
                case "loanDate" -> {
                    LocalDate d = date(v, field, errors, false);
                    if (d != null) {
                        given.put("event.loanDate", d.toString());
                    }
                }
                case "milestone" -> {
                    String label = milestone(text);
                    if (label == null) {
                        errors.put(field, "节点须为股改完成、辅导备案、申报受理、注册生效或上市");
                    } else {
                        given.put("event.milestone", label);
                    }
                }
                case "board" -> {
                    String board = board(text);
                    if (board == null) {
                        errors.put(field, "板块须为主板、创业板、科创板、北交所、新三板或境外");
                    } else {
                        given.put("event.board", board);
                    }
                }
                case "proceeds" -> {
                    Long f = fen(v, field, errors, false);
                    if (f != null) {
                        given.put("event.proceedsFen", f);
                    }
                }
                case "principal" -> {
                    Long f = fen(v, field, errors, false);
                    if (f != null) {
                        given.put("event.principalFen", f);
                    }
                }
                case "stake" -> percent(v, field, errors, 2).ifPresent(b -> given.put("event.stakeBasisPoints", b));
                case "rate" -> percent(v, field, errors, 4).ifPresent(b -> given.put("event.annualRatePpm", b));
                default -> throw new IllegalStateException(name);
            }
        }
        if (type == null || date == null || amount == null) {
            return null;
        }
        String ref = in.get("ref") == null ? null : String.valueOf(in.get("ref")).strip();
        return new Parsed(ref, type, date, amount, enterprise, given, describes);
    }

    /** "investeeStage" → "stage": the quote's investor-side names and the plain names are the same attributes. */
    private static String normalise(String key) {
        if (key.startsWith("investee") && key.length() > "investee".length()) {
            String rest = key.substring("investee".length());
            return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        return key;
    }

    static @Nullable String milestone(String text) {
        for (Milestone m : Milestone.values()) {
            if (m.name().equals(text) || milestoneLabel(m).equals(text) || m.label().equals(text)) {
                return milestoneLabel(m);
            }
        }
        return null;
    }

    static @Nullable String board(String text) {
        for (ListingBoard b : ListingBoard.values()) {
            if (b.name().equals(text) || b.label().equals(text)) {
                return b.name();
            }
        }
        return null;
    }

    /** Basic event facts. */
    static void event(Map<String, Object> facts, EventType type, LocalDate date, long amountFen) {
        facts.put("event.type", type.name());
        facts.put("event.date", date.toString());
        facts.put("event.year", (long) date.getYear());
        facts.put("event.amountFen", amountFen);
    }

    /** Registry facts of the enterprise, as of the event date. */
    static void enterprise(Map<String, Object> facts, @Nullable EnterpriseFacts f, LocalDate on) {
        if (f == null) {
            return;
        }
        facts.put("enterprise.known", true);
        facts.put("enterprise.townCode", f.townCode() == null ? "" : f.townCode());
        facts.put("enterprise.industryCode", f.industryCode() == null ? "" : f.industryCode());
        facts.put("enterprise.stage", f.stage().name());
        facts.put("enterprise.qualifications", f.qualifications().stream().sorted().toList());
        // an event before the enterprise existed has no age: -1, so age rules fail instead of reading 0
        facts.put("enterprise.ageYears", f.registeredOn() == null || on.isBefore(f.registeredOn()) ? -1L
                : (long) Period.between(f.registeredOn(), on).getYears());
        facts.put("enterprise.headcount", f.headcount() == null ? -1L : (long) f.headcount());
    }

    /** Whole months from the loan's disbursement to the event, when the loan date is known. */
    static void loanMonths(Map<String, Object> facts, LocalDate eventDate) {
        Object loanDate = facts.get("event.loanDate");
        if (loanDate instanceof String s && !s.isBlank()) {
            facts.put("event.loanMonths", Period.between(LocalDate.parse(s), eventDate).toTotalMonths());
        }
    }

    static @Nullable LocalDate date(@Nullable Object v, String field, Map<String, String> errors, boolean required) {
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                errors.put(field, "请填写日期，如 2026-03-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(v).strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "须为日期，如 2026-03-01");
            return null;
        }
    }

    /** A decimal yuan amount with at most two places, not negative, as fen. */
    static @Nullable Long fen(@Nullable Object v, String field, Map<String, String> errors, boolean required) {
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                errors.put(field, "请填写金额（元，最多两位小数）");
            }
            return null;
        }
        try {
            if (v instanceof Double || v instanceof Float) {
                throw new NumberFormatException();
            }
            long fen = org.sanrong.platform.Fen.ofYuan(new BigDecimal(String.valueOf(v).strip()));
            if (fen < 0) {
                throw new NumberFormatException();
            }
            return fen;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, "须为不超过两位小数的非负金额（元），以文字给出，如 \"100000.00\"");
            return null;
        }
    }

    private static java.util.Optional<Long> integer(Object v, String field, Map<String, String> errors) {
        try {
            return java.util.Optional.of(new BigDecimal(String.valueOf(v).strip()).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, "须为整数");
            return java.util.Optional.empty();
        }
    }

    /** A percentage ("3.45") as an integer of 10^-places percent units (basis points: 2, ppm: 4), rounded half up. */
    private static java.util.Optional<Long> percent(Object v, String field, Map<String, String> errors, int places) {
        try {
            BigDecimal p = new BigDecimal(String.valueOf(v).strip());
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new NumberFormatException();
            }
            return java.util.Optional.of(p.movePointRight(places).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, "须为 0 到 100 之间的百分数，如 3.45");
            return java.util.Optional.empty();
        }
    }
}
