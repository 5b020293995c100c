package org.sanrong.datahub;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 异议: an enterprise says one item of its hub data is wrong — a figure of a period ({@code period} and
 * {@code measure}) or a whole record ({@code reference}) — with a note; an operator corrects it (a new figure, or
 * the record removed) or rejects the dispute, each with a reason. While it is open the credit profile shows 有异议.
 */
public record DataDispute(UUID id, String creditCode, HubSource source, @Nullable YearMonth period,
        @Nullable String reference, @Nullable Measure measure, @Nullable String disputedValue, String note,
        Status status, String raisedBy, Instant raisedAt, @Nullable String resolvedBy, @Nullable Instant resolvedAt,
        @Nullable String resolution, @Nullable String correctedValue) {

    public enum Status {
        /** 待处理 */
        OPEN,
        /** 已更正 */
        CORRECTED,
        /** 已驳回 */
        REJECTED
    }

    /** The item in words, e.g. "纳税 2025-03 实缴税额" or "司法判决 （2025）粤1971民初12345号". */
    public String item() {
        return source.label() + " " + (reference != null ? reference : period + (measure == null ? ""
                : " " + measure.label()));
    }
}
