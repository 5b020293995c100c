package org.sanrong.platform;

/** Whether the platform runs on its own embedded PostgreSQL or on an external one. */
public record DatabaseMode(boolean embedded) {
}
