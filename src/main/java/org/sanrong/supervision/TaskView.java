package org.sanrong.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task as boards and its page show it: units, schedule, status (未启动/推进中/已完成/滞后) and light. */
public record TaskView(UUID id, UUID tableId, String tableTitle, int seq, @Nullable String no,
        @Nullable String targetTask, String measure, List<String> leadUnits, List<String> coUnits, LocalDate startsOn,
        @Nullable LocalDate deadline, int progress, @Nullable Instant lastReportAt, Schedule schedule, Status status,
        boolean reportOverdue, @Nullable String duePeriod, @Nullable UUID boundIndicator) {

    public enum Status {
        NOT_STARTED("未启动"), IN_PROGRESS("推进中"), COMPLETED("已完成"), LAGGING("滞后");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
