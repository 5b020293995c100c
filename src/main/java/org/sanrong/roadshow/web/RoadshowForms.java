package org.sanrong.roadshow.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.FormInput;
import org.sanrong.roadshow.Roadshow;

/** The roadshow pages' forms as typed. */
final class RoadshowForms {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private RoadshowForms() {
    }

    record Parsed<T>(@Nullable T value, java.util.Map<String, String> errors) {
    }

    record EventForm(@Nullable String title, @Nullable String theme, @Nullable String format, @Nullable String venue,
            @Nullable String startsAt, @Nullable String industries, @Nullable String capacity,
            @Nullable String presenterSlots) {

        static EventForm empty() {
            return new EventForm("", "", "OFFLINE", "", "", "", "30", "6");
        }

        Parsed<Roadshow.Details> parse() {
            FormInput in = new FormInput();
            Instant starts = null;
            if (startsAt == null || startsAt.isBlank()) {
                in.reject("startsAt", "请填写路演时间");
            } else {
                try {
                    starts = LocalDateTime.parse(startsAt.strip()).atZone(CHINA).toInstant();
                } catch (DateTimeParseException e) {
                    in.reject("startsAt", "时间格式应为 年-月-日 时:分，例如 2026-12-01 14:00");
                }
            }
            Integer cap = in.integer("capacity", capacity);
            Integer slots = in.integer("presenterSlots", presenterSlots);
            Roadshow.Format f = format == null ? null : Arrays.stream(Roadshow.Format.values())
                    .filter(x -> x.name().equals(format)).findFirst().orElse(null);
            List<String> codes = industries == null || industries.isBlank() ? List.of()
                    : Arrays.stream(industries.split("[,，、\\s]+")).filter(s -> !s.isBlank())
                            .map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();
            if (!in.errors().isEmpty()) {
                return new Parsed<>(null, in.errors());
            }
            return new Parsed<>(new Roadshow.Details(title, theme, f, venue, starts, codes, cap == null ? 0 : cap,
                    slots == null ? 0 : slots), in.errors());
        }
    }

    /** {@code deck} only carries its error: the file comes as the part "deckFile". */
    record ApplyForm(@Nullable String pitch, @Nullable String amountSought, @Nullable String deck) {

        static ApplyForm empty() {
            return new ApplyForm("", "", "");
        }
    }
}
