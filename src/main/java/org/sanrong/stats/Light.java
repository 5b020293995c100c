package org.sanrong.stats;

/** A traffic light: on target, close, behind, or nothing to judge (no base to compare with). */
public enum Light {
    GREEN, YELLOW, RED, NONE
}
