package org.sanrong.reference;

import org.jspecify.annotations.Nullable;

/**
 * A code of GB/T 4754-2017 国民经济行业分类: a section letter, then 2, 3 or 4 digits for division, group and
 * class (C, C39, C391, C3911). Every code but a section's has the code one level up as its parent and prefix.
 */
public record Industry(String code, String name, Level level, @Nullable String parentCode) {

    public enum Level {
        SECTION, DIVISION, GROUP, CLASS;

        /** The length of a code at this level: the letter plus 0, 2, 3 or 4 digits. */
        public int codeLength() {
            return switch (this) {
                case SECTION -> 1;
                case DIVISION -> 3;
                case GROUP -> 4;
                case CLASS -> 5;
            };
        }
    }
}
