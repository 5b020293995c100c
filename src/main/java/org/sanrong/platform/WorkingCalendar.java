package org.sanrong.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * China's working days: Monday to Friday, less the public holidays of the State Council's yearly notice, plus the
 * Saturdays and Sundays that notice makes working days (调休上班). All dates are China time ({@code Asia/Shanghai}).
 *
 * <p>Counting follows the civil code's rule for periods (民法典 第二百零一条): the day something happens does not
 * count, the period starts the next day. So "within 3 working days" of a Friday request ends with Wednesday, and a
 * Saturday request ends the same Wednesday.
 *
 * <p>The holidays come from {@code classpath:calendar/holidays-cn.csv} and the files of {@code sanrong.calendar.files};
 * a year given in such a file replaces the bundled rows of that year. A year with no data falls back to plain Monday
 * to Friday, with a WARN logged once per year. Format and yearly update: {@code docs/working-calendar.md}.
 */
@Component
@EnableConfigurationProperties(WorkingCalendarProperties.class)
public class WorkingCalendar {

    static final String BUNDLED = "classpath:calendar/holidays-cn.csv";
    private static final List<String> HEADER = List.of("date", "kind", "name");
    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private enum Kind { HOLIDAY, WORKDAY }

    private record Day(LocalDate date, Kind kind, String name, int line) {
    }

    private final Map<LocalDate, Day> days = new HashMap<>();
    private final Set<Integer> years;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    /** Reads and checks every file; a malformed one fails the start with its location, line and problem. */
    WorkingCalendar(WorkingCalendarProperties properties, ResourceLoader resources) {
        Map<Integer, List<Day>> byYear = new TreeMap<>(byNoticeYear(read(BUNDLED, resources)));
        Map<Integer, String> sources = new TreeMap<>();
        byYear.keySet().forEach(year -> sources.put(year, BUNDLED));
        Map<Integer, String> extraSources = new HashMap<>();
        for (String location : properties.files()) {
            byNoticeYear(read(location, resources)).forEach((year, rows) -> {
                String earlier = extraSources.putIfAbsent(year, location);
                if (earlier != null) {
                    throw problem(location, rows.getFirst().line(),
                            "year " + year + " is already given by " + earlier + "; give each year in one file only");
                }
                byYear.put(year, rows); // the whole year, so a corrected notice can also drop a day
                sources.put(year, location);
            });
        }
        byYear.values().forEach(rows -> rows.forEach(day -> days.put(day.date(), day)));
        years = Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
        log.info("Working calendar: holidays for {} ({})", years, sources);
    }

    /** The calendar of the bundled file alone, for code and tests that run without Spring. */
    public static WorkingCalendar bundled() {
        return new WorkingCalendar(new WorkingCalendarProperties(List.of()), new DefaultResourceLoader());
    }

    /** Whether {@code date} is a working day; for a year without data, whether it is Monday to Friday. */
    public boolean isWorkingDay(LocalDate date) {
        @Nullable Day day = days.get(date);
        if (day != null) {
            return day.kind() == Kind.WORKDAY;
        }
        if (!years.contains(date.getYear()) && warnedYears.add(date.getYear())) {
            log.warn("Working calendar has no holidays for {}: counting Monday to Friday as working days. Add the"
                    + " State Council notice for {} (docs/working-calendar.md).", date.getYear(), date.getYear());
        }
        return !weekend(date);
    }

    /**
     * The {@code n}-th working day after {@code start} ({@code start} itself never counts); for {@code n = 0},
     * {@code start} when it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of working days must be 0 or more, was " + n);
        }
        LocalDate day = n == 0 ? start.minusDays(1) : start;
        for (int left = Math.max(n, 1); left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The end of the {@code workingDays}-th working day after the China date of {@code from} (see
     * {@link #addWorkingDays}): the first instant of the following day, exclusive, so an action at {@code t} is in
     * time when {@code t.isBefore(deadline)}.
     */
    public Instant deadline(Instant from, int workingDays) {
        LocalDate last = addWorkingDays(LocalDate.ofInstant(from, PlatformConfiguration.CHINA), workingDays);
        return last.plusDays(1).atStartOfDay(PlatformConfiguration.CHINA).toInstant();
    }

    /**
     * The number of working days in {@code (from, to]}: 0 for the same day, 1 from a Friday to the next Monday;
     * negative (minus those in {@code (to, from]}) when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The name of the holiday on {@code date} ("国庆节"); empty on any other day, an adjusted working day too. */
    public Optional<String> holidayName(LocalDate date) {
        @Nullable Day day = days.get(date);
        return day != null && day.kind() == Kind.HOLIDAY ? Optional.of(day.name()) : Optional.empty();
    }

    /** The years whose holiday notice is loaded, ascending. */
    public Set<Integer> configuredYears() {
        return years;
    }

    /** Whether the year of {@code date} has its holidays loaded; if not, that year counts Monday to Friday. */
    public boolean isConfigured(LocalDate date) {
        return years.contains(date.getYear());
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * Rows by the year of the notice that gives them. A New Year block may start on 30 or 31 December (and a notice
     * may make 31 December a working day), so the last days of December belong to the next year's notice; otherwise
     * adding next year's file would wipe this year's rows.
     */
    private static Map<Integer, List<Day>> byNoticeYear(List<Day> rows) {
        Map<Integer, List<Day>> byYear = new LinkedHashMap<>();
        for (Day day : rows) {
            LocalDate date = day.date();
            int year = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() > 20 ? date.getYear() + 1
                    : date.getYear();
            byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(day);
        }
        return byYear;
    }

    /** The rows of one file, every one checked. */
    private static List<Day> read(String location, ResourceLoader resources) {
        List<String> lines = lines(location, resources);
        List<Day> rows = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
            if (!header) {
                if (!fields.equals(HEADER)) {
                    throw problem(location, line, "the header must be " + String.join(",", HEADER) + " but is " + text);
                }
                header = true;
                continue;
            }
            if (fields.size() != HEADER.size()) {
                throw problem(location, line, "expected 3 fields (date,kind,name) but found " + fields.size()
                        + "; a name cannot contain a comma (write 、)");
            }
            Day day = day(location, line, fields);
            Integer earlier = seen.putIfAbsent(day.date(), line);
            if (earlier != null) {
                throw problem(location, line, day.date() + " is already on line " + earlier);
            }
            rows.add(day);
        }
        if (!header) {
            throw problem(location, 0, "the file is empty; it needs the header " + String.join(",", HEADER));
        }
        if (rows.isEmpty()) {
            throw problem(location, 0, "the file has a header but no dates");
        }
        return rows;
    }

    private static Day day(String location, int line, List<String> fields) {
        LocalDate date;
        try {
            date = LocalDate.parse(fields.get(0));
        } catch (DateTimeParseException e) {
            throw problem(location, line, "'" + fields.get(0) + "' is not a date like 2026-10-01");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(fields.get(1));
        } catch (IllegalArgumentException e) {
            throw problem(location, line, "unknown kind '" + fields.get(1) + "'; it must be HOLIDAY or WORKDAY");
        }
        String name = fields.get(2);
        if (kind == Kind.WORKDAY && !weekend(date)) {
            throw problem(location, line, date + " is a " + date.getDayOfWeek().getDisplayName(TextStyle.FULL,
                    Locale.ENGLISH) + "; a WORKDAY (调休上班) must be a Saturday or a Sunday");
        }
        if (kind == Kind.HOLIDAY && name.isEmpty()) {
            throw problem(location, line, "a HOLIDAY needs a name, e.g. 国庆节");
        }
        return new Day(date, kind, name, line);
    }

    private static List<String> lines(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw problem(location, 0, "there is no such file");
        }
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw problem(location, 0, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw problem(location, 0, "the file is not valid UTF-8 (save it as UTF-8, not GBK)");
        }
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }

    private static IllegalStateException problem(String location, int line, String problem) {
        return new IllegalStateException(
                "Holiday calendar file " + location + (line > 0 ? ", line " + line : "") + ": " + problem);
    }
}
