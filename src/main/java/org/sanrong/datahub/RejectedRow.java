package org.sanrong.datahub;

/** A row an import refused: its line in the file (header = line 1), why, and the row as it was. */
public record RejectedRow(long line, String reason, String content) {
}
