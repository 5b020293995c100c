package org.sanrong.platform;

import org.jspecify.annotations.Nullable;

/** Masks personal data for lists and exports: enough to recognise, not enough to use. */
public final class PersonalData {

    private PersonalData() {
    }

    /** 13812345678 -> 138****5678; other numbers keep only their last four digits. */
    public static String maskMobile(@Nullable String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return "";
        }
        String m = mobile.strip();
        if (m.length() == 11) {
            return m.substring(0, 3) + "****" + m.substring(7);
        }
        return m.length() <= 4 ? "****" : "*".repeat(m.length() - 4) + m.substring(m.length() - 4);
    }

    /** alice@x.cn -> a***@x.cn: the first character and the domain. */
    public static String maskEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.substring(0, e.offsetByCodePoints(0, 1)) + "***" + e.substring(at);
    }

    /** 110101199003071234 -> 110***********1234: the region's first three and the last four characters. */
    public static String maskIdCard(@Nullable String idCard) {
        if (idCard == null || idCard.isBlank()) {
            return "";
        }
        String c = idCard.strip();
        if (c.length() <= 7) {
            return "*".repeat(c.length());
        }
        return c.substring(0, 3) + "*".repeat(c.length() - 7) + c.substring(c.length() - 4);
    }

    /** 张三 -> 张*, 欧阳小明 -> 欧***; a single character stays as it is. */
    public static String maskName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.length() == first ? n : n.substring(0, first) + "*".repeat(n.codePointCount(first, n.length()));
    }
}
