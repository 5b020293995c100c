package org.sanrong.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.WorkingCalendar;

/**
 * Response time in working days, computed by hand against the State Council's 2026 notice (国办发明电〔2025〕7号):
 * 中秋节 25-27 September, 国庆节 1-7 October, 调休上班 Sunday 20 September and Saturday 10 October.
 */
class ResponseTimeTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(textBlock = """
            # same day: nothing counted
            2026-09-30, 2026-09-30, 0
            # Wed 30 Sep → Mon 12 Oct: 1-7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Sun 11 off, Mon 12 (4)
            2026-09-30, 2026-10-12, 4
            # Thu 24 Sep → Mon 28 Sep: Fri 25 中秋节, Sat 26, Sun 27 off; Mon 28 (1)
            2026-09-24, 2026-09-28, 1
            # Fri 18 Sep → Mon 21 Sep: Sat 19 off, Sun 20 worked (1), Mon 21 (2)
            2026-09-18, 2026-09-21, 2
            # an ordinary week: Mon 9 Nov → Mon 16 Nov, five working days
            2026-11-09, 2026-11-16, 5
            # a request on a holiday, the service on the first working day after it
            2026-10-03, 2026-10-08, 1
            """)
    void countsWorkingDaysFromTheStartToTheFirstService(LocalDate start, LocalDate service, int days) {
        assertThat(ResponseTime.workingDays(CALENDAR, start, service)).isEqualTo(days);
    }

    @Test
    void aServiceBeforeTheClockStartedIsNotAResponse() {
        assertThatThrownBy(() -> ResponseTime.workingDays(CALENDAR, LocalDate.parse("2026-10-12"),
                LocalDate.parse("2026-09-30"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBoardRoundsMeansAndMediansToOneDecimal() {
        assertThat(AdvisoryBoard.mean(List.of(4, 2, 1))).isEqualByComparingTo(new BigDecimal("2.3"));
        assertThat(AdvisoryBoard.mean(List.of(4, 2, 1, 0))).isEqualByComparingTo(new BigDecimal("1.8"));
        assertThat(AdvisoryBoard.median(List.of(4, 2, 1))).isEqualByComparingTo(new BigDecimal("2.0"));
        assertThat(AdvisoryBoard.median(List.of(4, 2, 1, 0))).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(AdvisoryBoard.mean(List.of())).isNull();
        assertThat(AdvisoryBoard.median(List.of())).isNull();
    }
}
