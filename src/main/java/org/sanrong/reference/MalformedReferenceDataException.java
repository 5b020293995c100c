package org.sanrong.reference;

/** A reference file that cannot be loaded; the message names the file, the line and the problem. */
class MalformedReferenceDataException extends IllegalStateException {

    private final String location;
    private final int line;

    MalformedReferenceDataException(String location, int line, String problem) {
        super("Reference data file " + location + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.location = location;
        this.line = line;
    }

    String location() {
        return location;
    }

    /** The line of the file (1 is the header), or 0 when the problem is the file as a whole. */
    int line() {
        return line;
    }
}
