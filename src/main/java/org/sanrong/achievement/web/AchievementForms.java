package org.sanrong.achievement.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.achievement.AchievementContent;
import org.sanrong.achievement.AchievementKind;
import org.sanrong.achievement.Intent;
import org.sanrong.achievement.OwnerType;
import org.sanrong.platform.FormInput;

/** The library's forms as typed, each read into what the library takes plus the typing mistakes by field. */
final class AchievementForms {

    private AchievementForms() {
    }

    record Parsed<T>(T value, Map<String, String> errors) {
    }

    record ContentForm(@Nullable String kind, @Nullable String title, @Nullable String description,
            @Nullable String industryCode, @Nullable String trl, @Nullable List<String> intents,
            @Nullable String patentNumber, @Nullable String contactName, @Nullable String contactPhone,
            @Nullable String ownerType, @Nullable String ownerName) {

        static ContentForm empty(String contactName) {
            return new ContentForm("PATENT", "", "", "", "", List.of(), "", contactName, "", "UNIVERSITY", "");
        }

        static ContentForm of(AchievementContent c) {
            return new ContentForm(c.kind() == null ? "" : c.kind().name(), c.title(), c.description(),
                    c.industryCode(), c.trl() == null ? "" : c.trl().toString(),
                    c.intents().stream().map(Enum::name).toList(), c.patentNumber(), c.contactName(),
                    c.contactPhone(), c.ownerType() == null ? "" : c.ownerType().name(), c.ownerName());
        }

        Parsed<AchievementContent> parse() {
            FormInput in = new FormInput();
            Integer level = in.integer("trl", trl);
            Set<Intent> chosen = EnumSet.noneOf(Intent.class);
            if (intents != null) {
                intents.forEach(i -> value(Intent.class, i).ifPresent(chosen::add));
            }
            return new Parsed<>(new AchievementContent(value(AchievementKind.class, kind).orElse(null), title,
                    description, industryCode, level, chosen, patentNumber, contactName, contactPhone,
                    value(OwnerType.class, ownerType).orElse(null), ownerName), in.errors());
        }
    }

    record InterestForm(@Nullable String intent, @Nullable String message) {

        static InterestForm empty() {
            return new InterestForm("", "");
        }

        @Nullable Intent chosenIntent() {
            return value(Intent.class, intent).orElse(null);
        }
    }

    static <E extends Enum<E>> java.util.Optional<E> value(Class<E> type, @Nullable String s) {
        if (s == null || s.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
