package org.sanrong.advisory;

import java.time.LocalDate;
import org.sanrong.platform.WorkingCalendar;

/**
 * 响应时间: working days from the day the clock starts (request or assignment) to the first logged service, counted
 * as {@link WorkingCalendar#workingDaysBetween} does: the start day does not count, the service day does, so a
 * service the same day is 0 and one on the next working day is 1; holidays and weekends are skipped and the
 * Saturdays or Sundays made working days (调休) count.
 */
public final class ResponseTime {

    private ResponseTime() {
    }

    public static int workingDays(WorkingCalendar calendar, LocalDate start, LocalDate firstService) {
        if (firstService.isBefore(start)) {
            throw new IllegalArgumentException("a service before the clock started: " + firstService + " < " + start);
        }
        return calendar.workingDaysBetween(start, firstService);
    }
}
