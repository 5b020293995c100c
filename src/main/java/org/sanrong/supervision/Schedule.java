package org.sanrong.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A task's place against the time-proportional schedule (序时进度): the share of the days from its start to its
 * deadline gone by today, the lag of the reported progress behind it, and the light — green under {@code yellowFrom}
 * points behind, yellow up to {@code redAbove}, red beyond or past the deadline unfinished.
 */
public record Schedule(@Nullable Integer schedulePercent, @Nullable Integer lagPoints, Light light) {

    public enum Light {
        GREEN, YELLOW, RED, NONE
    }

    public static Schedule of(LocalDate startsOn, @Nullable LocalDate deadline, LocalDate today, int progress,
            int yellowFrom, int redAbove) {
        if (progress >= 100) {
            return new Schedule(deadline == null ? null : 100, 0, Light.GREEN);
        }
        if (deadline == null) {
            return new Schedule(null, null, Light.NONE);
        }
        if (today.isAfter(deadline)) {
            return new Schedule(100, 100 - progress, Light.RED);
        }
        long total = Math.max(1, ChronoUnit.DAYS.between(startsOn, deadline));
        long gone = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(startsOn, today)));
        int schedule = (int) Math.round(100.0 * gone / total);
        int lag = schedule - progress;
        Light light = lag < yellowFrom ? Light.GREEN : lag <= redAbove ? Light.YELLOW : Light.RED;
        return new Schedule(schedule, lag, light);
    }
}
