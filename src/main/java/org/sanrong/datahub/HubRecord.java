package org.sanrong.datahub;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dated record about one enterprise: a court judgement (案号, case type, the enterprise's role, amount), an
 * administrative penalty (文号, category, fine) or an IP registration (登记号, kind, legal status). {@code kind},
 * {@code role} and {@code status} hold the codes below; money in fen.
 */
public record HubRecord(String creditCode, HubSource source, String reference, LocalDate occurredOn, String kind,
        @Nullable String role, @Nullable Long amountFen, @Nullable String authority, @Nullable String title,
        @Nullable String status) implements HubItem {

    /** Codes of judgement case types, penalty categories and IP kinds, with their Chinese names. */
    public static final Map<String, String> JUDGEMENT_KINDS = ordered("CIVIL", "民事", "ENFORCEMENT", "执行",
            "DEFAULTER", "失信", "ADMINISTRATIVE", "行政", "CRIMINAL", "刑事");
    public static final Map<String, String> ROLES = ordered("DEFENDANT", "被告", "RESPONDENT", "被执行人",
            "PLAINTIFF", "原告", "THIRD_PARTY", "第三人");
    public static final Map<String, String> PENALTY_KINDS = ordered("WARNING", "警告", "FINE", "罚款",
            "CONFISCATION", "没收违法所得", "SUSPENSION", "责令停产停业", "LICENCE", "暂扣或吊销许可证", "OTHER", "其他");
    public static final Map<String, String> IP_KINDS = ordered("INVENTION", "发明专利", "UTILITY", "实用新型",
            "DESIGN", "外观设计", "SOFTWARE", "软件著作权", "TRADEMARK", "商标");
    public static final Map<String, String> IP_STATUSES = ordered("VALID", "有效", "LAPSED", "失效");

    public HubRecord {
        if (source.periodic()) {
            throw new IllegalArgumentException(source + " carries periodic figures, not records");
        }
        if (!kinds(source).containsKey(kind)) {
            throw new IllegalArgumentException("unknown kind " + kind + " for " + source);
        }
    }

    @Override
    public String key() {
        return reference;
    }

    /** The kinds a record source knows. */
    public static Map<String, String> kinds(HubSource source) {
        return switch (source) {
            case JUDGEMENTS -> JUDGEMENT_KINDS;
            case PENALTIES -> PENALTY_KINDS;
            case IP -> IP_KINDS;
            default -> Map.of();
        };
    }

    public String kindName() {
        return kinds(source).getOrDefault(kind, kind);
    }

    public @Nullable String roleName() {
        return role == null ? null : ROLES.getOrDefault(role, role);
    }

    public @Nullable String statusName() {
        return status == null ? null : IP_STATUSES.getOrDefault(status, status);
    }

    /** Against the enterprise: a judgement where it is defendant or the party enforced against. */
    public boolean againstEnterprise() {
        return source == HubSource.JUDGEMENTS && ("DEFENDANT".equals(role) || "RESPONDENT".equals(role));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
