package org.sanrong.achievement;

import java.util.List;

/**
 * 技术成熟度 (technology readiness level), 1 to 9, after GB/T 22900-2022 and the NASA/EU scale; the wording below is
 * the platform's. An owner states it; nobody on the platform certifies it.
 */
public final class ReadinessLevel {

    public static final int MIN = 1;
    public static final int MAX = 9;

    private static final List<String> LABELS = List.of(
            "发现基本原理",
            "形成技术概念或应用设想",
            "关键功能经分析和实验验证（概念验证）",
            "实验室环境中完成部件或原理样机验证",
            "相关环境中完成部件或原理样机验证",
            "相关环境中完成系统或原型样机演示（中试）",
            "实际环境中完成系统原型演示",
            "系统定型，通过试验和认证",
            "系统在实际运行中得到验证，可产业化");

    private ReadinessLevel() {
    }

    public static boolean valid(int level) {
        return level >= MIN && level <= MAX;
    }

    /** The level's meaning in Chinese. */
    public static String label(int level) {
        if (!valid(level)) {
            throw new IllegalArgumentException("TRL " + level);
        }
        return LABELS.get(level - 1);
    }
}
