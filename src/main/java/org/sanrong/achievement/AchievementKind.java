package org.sanrong.achievement;

/** What an achievement is: a patent (its number required) or another research result (a number optional). */
public enum AchievementKind {
    /** 专利 */
    PATENT,
    /** 科研成果（非专利技术、技术秘密、软件等） */
    RESEARCH_RESULT
}
