package org.sanrong.achievement;

/** Published achievements are searched; a withdrawn one is seen only by its owner until published again. */
public enum AchievementStatus {
    PUBLISHED, WITHDRAWN
}
