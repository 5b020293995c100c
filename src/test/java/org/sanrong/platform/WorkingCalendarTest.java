package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;

class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    @TempDir
    Path dir;

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void bundledFileHasBothNoticesInFull() {
        assertThat(CALENDAR.configuredYears()).containsExactly(2025, 2026);
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 adjusted working days; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7, and 6.
        assertThat(daysOff(2025)).isEqualTo(28);
        assertThat(daysOff(2026)).isEqualTo(33);
        assertThat(adjustedWorkdays(2025)).containsExactly(date("2025-01-26"), date("2025-02-08"),
                date("2025-04-27"), date("2025-09-28"), date("2025-10-11"));
        assertThat(adjustedWorkdays(2026)).containsExactly(date("2026-01-04"), date("2026-02-14"),
                date("2026-02-28"), date("2026-05-09"), date("2026-09-20"), date("2026-10-10"));
    }

    private static long daysOff(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(d -> CALENDAR.holidayName(d).isPresent()).count();
    }

    private static List<LocalDate> adjustedWorkdays(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(d -> d.getDayOfWeek().getValue() >= 6 && CALENDAR.isWorkingDay(d)).toList();
    }

    @Test
    void namesTheHolidays() {
        assertThat(CALENDAR.holidayName(date("2026-10-03"))).contains("国庆节");
        assertThat(CALENDAR.holidayName(date("2026-09-26"))).contains("中秋节");
        assertThat(CALENDAR.holidayName(date("2025-10-06"))).contains("国庆节、中秋节");
        assertThat(CALENDAR.holidayName(date("2026-02-15"))).contains("春节");
        assertThat(CALENDAR.holidayName(date("2026-02-14"))).isEmpty(); // 调休上班 is no holiday
        assertThat(CALENDAR.holidayName(date("2026-03-03"))).isEmpty();
    }

    @Test
    void midAutumnAndNationalDay2026() {
        // From Thu 2026-09-24: Fri 25 - Sun 27 are 中秋节, so Mon 28 (1), Tue 29 (2), Wed 30 (3).
        assertThat(CALENDAR.addWorkingDays(date("2026-09-24"), 3)).isEqualTo(date("2026-09-30"));
        // Then 国庆节 Oct 1-7: the 4th is Thu Oct 8, the 5th Fri Oct 9, the 6th the adjusted Sat Oct 10,
        // the 7th Mon Oct 12 (Sun Oct 11 is an ordinary Sunday).
        assertThat(CALENDAR.addWorkingDays(date("2026-09-24"), 4)).isEqualTo(date("2026-10-08"));
        assertThat(CALENDAR.addWorkingDays(date("2026-09-24"), 6)).isEqualTo(date("2026-10-10"));
        assertThat(CALENDAR.addWorkingDays(date("2026-09-24"), 7)).isEqualTo(date("2026-10-12"));
        // Sun 2026-09-20 is an adjusted working day: the first working day after Fri 18.
        assertThat(CALENDAR.addWorkingDays(date("2026-09-18"), 1)).isEqualTo(date("2026-09-20"));
        // The deadline is the start of the day after, China time: 2026-10-01 00:00 +08:00.
        assertThat(CALENDAR.deadline(Instant.parse("2026-09-24T09:30:00Z"), 3))
                .isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
    }

    @Test
    void springFestival2026() {
        // From Thu 2026-02-12: Fri 13 (1), the adjusted Sat 14 (2); Feb 15-23 off; Tue 24 (3).
        assertThat(CALENDAR.addWorkingDays(date("2026-02-12"), 3)).isEqualTo(date("2026-02-24"));
        assertThat(CALENDAR.isWorkingDay(date("2026-02-14"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2026-02-23"))).isFalse();
        // (Fri 13, Sat 28]: the adjusted Sat 14 (1), Tue 24 - Fri 27 (2-5), the adjusted Sat 28 (6).
        assertThat(CALENDAR.workingDaysBetween(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
        // A request arriving during the holiday: the first working day after it.
        assertThat(CALENDAR.addWorkingDays(date("2026-02-17"), 1)).isEqualTo(date("2026-02-24"));
        assertThat(CALENDAR.addWorkingDays(date("2026-02-17"), 0)).isEqualTo(date("2026-02-24"));
    }

    @Test
    void springFestivalAndNationalDay2025() {
        // From Fri 2025-01-24: the adjusted Sun 26 (1), Mon 27 (2); Jan 28 - Feb 4 off; Wed Feb 5 (3);
        // Thu 6 (4), Fri 7 (5), the adjusted Sat 8 (6).
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-01-26"));
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 3)).isEqualTo(date("2025-02-05"));
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 6)).isEqualTo(date("2025-02-08"));
        // From Fri 2025-09-26: the adjusted Sun 28 (1), Mon 29 (2), Tue 30 (3); Oct 1-8 off; Thu 9 (4), Fri 10 (5),
        // the adjusted Sat 11 (6), Mon 13 (7).
        assertThat(CALENDAR.addWorkingDays(date("2025-09-26"), 4)).isEqualTo(date("2025-10-09"));
        assertThat(CALENDAR.addWorkingDays(date("2025-09-26"), 7)).isEqualTo(date("2025-10-13"));
        assertThat(CALENDAR.workingDaysBetween(date("2025-09-26"), date("2025-10-13"))).isEqualTo(7);
    }

    @Test
    void acrossTheYearBoundary() {
        // Wed 2025-12-31; Thu Jan 1 - Sat Jan 3 are 元旦, Sun Jan 4 is an adjusted working day.
        assertThat(CALENDAR.addWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-04"));
        assertThat(CALENDAR.addWorkingDays(date("2025-12-30"), 2)).isEqualTo(date("2026-01-04"));
        // Fri 2025-12-26 to Mon 2026-01-05: Dec 29, 30, 31, Jan 4, Jan 5.
        assertThat(CALENDAR.workingDaysBetween(date("2025-12-26"), date("2026-01-05"))).isEqualTo(5);
        assertThat(CALENDAR.workingDaysBetween(date("2026-01-05"), date("2025-12-26"))).isEqualTo(-5);
        assertThat(CALENDAR.deadline(Instant.parse("2025-12-31T15:59:59Z"), 1)) // Wed 23:59:59 in China
                .isEqualTo(Instant.parse("2026-01-04T16:00:00Z"));
        assertThat(CALENDAR.deadline(Instant.parse("2025-12-31T16:00:00Z"), 1)) // Thu Jan 1, a holiday
                .isEqualTo(Instant.parse("2026-01-04T16:00:00Z"));
        // The China date decides, not the UTC one: Sun Jan 4 23:59 gives Mon Jan 5, Mon 00:00 gives Tue Jan 6.
        assertThat(CALENDAR.deadline(Instant.parse("2026-01-04T15:59:59Z"), 1))
                .isEqualTo(Instant.parse("2026-01-05T16:00:00Z"));
        assertThat(CALENDAR.deadline(Instant.parse("2026-01-04T16:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-01-06T16:00:00Z"));
    }

    @Test
    void zeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay() {
        assertThat(CALENDAR.addWorkingDays(date("2026-03-03"), 0)).isEqualTo(date("2026-03-03"));
        assertThat(CALENDAR.addWorkingDays(date("2026-03-07"), 0)).isEqualTo(date("2026-03-09"));
        assertThat(CALENDAR.deadline(Instant.parse("2026-03-03T01:00:00Z"), 0))
                .isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
        assertThat(CALENDAR.workingDaysBetween(date("2026-03-03"), date("2026-03-03"))).isZero();
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(date("2026-03-03"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnconfiguredYearIsMondayToFridayAndSaysSoOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            WorkingCalendar calendar = WorkingCalendar.bundled();
            assertThat(calendar.isConfigured(date("2030-10-01"))).isFalse();
            assertThat(calendar.isConfigured(date("2026-10-01"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2030-10-01"))).isTrue(); // a Tuesday; no 国庆节 known
            assertThat(calendar.holidayName(date("2030-10-01"))).isEmpty();
            assertThat(calendar.isWorkingDay(date("2030-10-05"))).isFalse(); // a Saturday
            // Fri 2030-09-27 + 3: Mon 30, Tue Oct 1, Wed Oct 2.
            assertThat(calendar.addWorkingDays(date("2030-09-27"), 3)).isEqualTo(date("2030-10-02"));
            assertThat(calendar.workingDaysBetween(date("2029-12-30"), date("2031-01-01"))).isEqualTo(263);
        } finally {
            logger.detachAppender(appender);
        }
        List<String> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(3).allMatch(w -> w.startsWith("Working calendar has no holidays for "));
        assertThat(warnings).anyMatch(w -> w.contains(" 2029:")).anyMatch(w -> w.contains(" 2030:"))
                .anyMatch(w -> w.contains(" 2031:"));
    }

    @Test
    void anExtraFileReplacesItsYearsWhole() throws IOException {
        Path file = write("extra.csv", """
                # a corrected 2026 notice (made up) and a 2027 one
                date,kind,name
                2026-03-03,HOLIDAY,测试假日
                2026-03-07,WORKDAY,测试调休
                2026-12-31,HOLIDAY,元旦
                2027-01-01,HOLIDAY,元旦
                """);
        WorkingCalendar calendar = calendar("file:" + file);
        assertThat(calendar.configuredYears()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.isWorkingDay(date("2026-03-03"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-07"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2026-10-01"))).isTrue(); // the bundled 2026 is gone
        assertThat(calendar.holidayName(date("2026-10-01"))).isEmpty();
        assertThat(calendar.isWorkingDay(date("2025-10-01"))).isFalse(); // 2025 untouched
        // 2026-12-31 is the 2027 notice's New Year block; it does not count as a second 2026.
        assertThat(calendar.holidayName(date("2026-12-31"))).contains("元旦");
    }

    @Test
    void nextYearsFileKeepsThisYearsDecember() throws IOException {
        // The 2027 notice may start its New Year block in December 2026; the bundled 2026 stays whole.
        Path file = write("holidays-2027.csv", "date,kind,name\n2026-12-31,HOLIDAY,元旦\n2027-01-01,HOLIDAY,元旦\n");
        WorkingCalendar calendar = calendar("file:" + file);
        assertThat(calendar.configuredYears()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.holidayName(date("2026-10-01"))).contains("国庆节");
        assertThat(calendar.isWorkingDay(date("2026-12-31"))).isFalse();
    }

    @Test
    void aYearInTwoExtraFilesFailsTheStart() throws IOException {
        Path a = write("a.csv", "date,kind,name\n2027-01-01,HOLIDAY,元旦\n");
        Path b = write("b.csv", "date,kind,name\n2027-10-01,HOLIDAY,国庆节\n");
        assertThatThrownBy(() -> calendar("file:" + a, "file:" + b)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Holiday calendar file file:" + b + ", line 2: year 2027 is already given by file:" + a
                        + "; give each year in one file only");
    }

    @Test
    void malformedFilesFailTheStartNamingFileLineAndProblem() throws IOException {
        assertProblem("date,kind,name\n2027-02-30,HOLIDAY,春节\n", 2, "'2027-02-30' is not a date like 2026-10-01");
        assertProblem("date,kind,name\n2027/10/01,HOLIDAY,国庆节\n", 2, "'2027/10/01' is not a date");
        assertProblem("# notice\ndate,kind,name\n2027-10-01,HOLIDY,国庆节\n", 3,
                "unknown kind 'HOLIDY'; it must be HOLIDAY or WORKDAY");
        assertProblem("date,kind,name\n2027-10-01,HOLIDAY,国庆节\n2027-10-08,WORKDAY,调休\n", 3,
                "2027-10-08 is a Friday; a WORKDAY (调休上班) must be a Saturday or a Sunday");
        assertProblem("date,kind,name\n2027-10-01,HOLIDAY,国庆节\n\n2027-10-01,HOLIDAY,国庆节\n", 4,
                "2027-10-01 is already on line 2");
        assertProblem("date,kind,name\n2027-10-01,HOLIDAY,国庆节,中秋节\n", 2,
                "expected 3 fields (date,kind,name) but found 4");
        assertProblem("date,kind,name\n2027-10-01,HOLIDAY,\n", 2, "a HOLIDAY needs a name");
        assertProblem("date;kind;name\n2027-10-01;HOLIDAY;国庆节\n", 1, "the header must be date,kind,name");
        assertProblem("# nothing yet\n", 0, "the file is empty");
        assertProblem("date,kind,name\n", 0, "the file has a header but no dates");
        Path gbk = dir.resolve("gbk.csv");
        Files.writeString(gbk, "date,kind,name\n2027-10-01,HOLIDAY,国庆节\n", Charset.forName("GBK"));
        assertThatThrownBy(() -> calendar("file:" + gbk))
                .hasMessage("Holiday calendar file file:" + gbk + ": the file is not valid UTF-8 (save it as UTF-8, not GBK)");
        assertThatThrownBy(() -> calendar("file:" + dir.resolve("missing.csv")))
                .hasMessage("Holiday calendar file file:" + dir.resolve("missing.csv") + ": there is no such file");
    }

    @Test
    void acceptsByteOrderMarkCommentsBlankLinesAndEmptyWorkdayNames() throws IOException {
        Path file = write("ok.csv", "\uFEFF# 2027\r\n\r\ndate,kind,name\r\n 2027-10-01 , HOLIDAY , 国庆节 \r\n"
                + "2027-10-09,WORKDAY,\r\n");
        WorkingCalendar calendar = calendar("file:" + file);
        assertThat(calendar.holidayName(date("2027-10-01"))).contains("国庆节");
        assertThat(calendar.isWorkingDay(date("2027-10-09"))).isTrue();
    }

    /** The wiring alone (no database): the property binds as a YAML list or comma-separated, bad files stop it. */
    @Test
    void springBindsTheFilesProperty() throws IOException {
        Path a = write("a.csv", "date,kind,name\n2027-10-01,HOLIDAY,国庆节\n");
        Path b = write("b.csv", "date,kind,name\n2028-10-02,HOLIDAY,国庆节\n");
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(WorkingCalendar.class);
        runner.run(context -> assertThat(context.getBean(WorkingCalendar.class).configuredYears())
                .containsExactly(2025, 2026));
        runner.withPropertyValues("sanrong.calendar.files[0]=file:" + a, "sanrong.calendar.files[1]=file:" + b)
                .run(context -> assertThat(context.getBean(WorkingCalendar.class).configuredYears())
                        .containsExactly(2025, 2026, 2027, 2028));
        runner.withPropertyValues("sanrong.calendar.files=file:" + a + ",file:" + b)
                .run(context -> assertThat(context.getBean(WorkingCalendar.class).configuredYears())
                        .containsExactly(2025, 2026, 2027, 2028));
        runner.withPropertyValues("sanrong.calendar.files=file:" + dir.resolve("missing.csv"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("missing.csv: there is no such file"));
    }

    /** Against the plain definitions, day by day, for random starts from mid-2024 (unconfigured) to 2027. */
    @Test
    void agreesWithADayByDayCount() {
        Random random = new Random(20260924);
        LocalDate first = date("2024-06-01");
        for (int i = 0; i < 5_000; i++) {
            LocalDate start = first.plusDays(random.nextInt(1_300));
            int n = random.nextInt(31);
            LocalDate expected = start;
            if (n == 0) {
                while (!CALENDAR.isWorkingDay(expected)) {
                    expected = expected.plusDays(1);
                }
            }
            for (int counted = 0; counted < n; ) {
                expected = expected.plusDays(1);
                if (CALENDAR.isWorkingDay(expected)) {
                    counted++;
                }
            }
            LocalDate result = CALENDAR.addWorkingDays(start, n);
            assertThat(result).as("%s + %d", start, n).isEqualTo(expected);
            assertThat(CALENDAR.isWorkingDay(result)).isTrue();
            int between = CALENDAR.workingDaysBetween(start, result);
            assertThat(between).isEqualTo(n > 0 ? n : CALENDAR.isWorkingDay(start) ? 0 : 1);
            if (n > 0) {
                // the n-th working day is the first day by which n have passed
                assertThat(CALENDAR.workingDaysBetween(start, result.minusDays(1))).isEqualTo(n - 1);
            }
            LocalDate other = first.plusDays(random.nextInt(1_300));
            long plain = start.isBefore(other)
                    ? start.plusDays(1).datesUntil(other.plusDays(1)).filter(CALENDAR::isWorkingDay).count()
                    : -other.plusDays(1).datesUntil(start.plusDays(1)).filter(CALENDAR::isWorkingDay).count();
            assertThat(CALENDAR.workingDaysBetween(start, other)).as("(%s, %s]", start, other).isEqualTo((int) plain);
        }
    }

    /** Outside the holiday data the calendar is exactly Monday to Friday. */
    @Test
    void withoutDataEveryWeekdayWorks() {
        for (LocalDate d = date("2027-01-01"); d.isBefore(date("2028-01-01")); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            assertThat(CALENDAR.isWorkingDay(d)).isEqualTo(weekday);
        }
    }

    private void assertProblem(String content, int line, String problem) throws IOException {
        Path file = write("bad-" + System.nanoTime() + ".csv", content);
        assertThatThrownBy(() -> calendar("file:" + file)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Holiday calendar file file:" + file + (line > 0 ? ", line " + line : "") + ": ")
                .hasMessageContaining(problem);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static WorkingCalendar calendar(String... files) {
        return new WorkingCalendar(new WorkingCalendarProperties(List.of(files)), new DefaultResourceLoader());
    }
}
