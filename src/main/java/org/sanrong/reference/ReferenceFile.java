package org.sanrong.reference;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The raw content of one reference file and where it came from. Files are UTF-8 CSV (RFC 4180: fields may be
 * quoted, a quote inside a quoted field is doubled); a leading byte-order mark and blank lines are ignored.
 */
record ReferenceFile(Dataset dataset, String location, byte[] content) {

    /** A data line of the file: its line number (the header is line 1) and its fields, stripped of blanks. */
    record Row(int line, List<String> fields) {

        String get(int i) {
            return fields.get(i);
        }
    }

    /** SHA-256 of the bytes as read, in lower-case hex: a file is reloaded only when this changes. */
    String sha256() {
        return org.sanrong.platform.Sha256.hex(content);
    }

    MalformedReferenceDataException problem(int line, String problem) {
        return new MalformedReferenceDataException(location, line, problem);
    }

    /** The data rows after a header that must match the dataset's exactly; each row has the header's width. */
    List<Row> rows() {
        List<Row> records = parse(text());
        if (records.isEmpty()) {
            throw problem(0, "the file is empty; it needs the header " + String.join(",", dataset.header));
        }
        Row header = records.getFirst();
        if (!header.fields().equals(dataset.header)) {
            throw problem(header.line(), "the header must be " + String.join(",", dataset.header) + " but is "
                    + String.join(",", header.fields()));
        }
        List<Row> rows = records.subList(1, records.size());
        for (Row row : rows) {
            if (row.fields().size() != dataset.header.size()) {
                throw problem(row.line(), "expected " + dataset.header.size() + " fields ("
                        + String.join(",", dataset.header) + ") but found " + row.fields().size());
            }
        }
        if (rows.isEmpty()) {
            throw problem(0, "the file has a header but no data");
        }
        return rows;
    }

    private String text() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw problem(line, "the file is not valid UTF-8 (save it as UTF-8, not GBK)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (!field.toString().isBlank()) {
                    throw problem(line, "a quote inside an unquoted field; quote the whole field and double the"
                            + " quote (\"\")");
                }
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                if (!(fields.size() == 1 && fields.getFirst().isEmpty() && !wasQuoted)) {
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                rowStart = line;
            } else {
                if (!wasQuoted) {
                    field.append(c);
                } else if (!Character.isWhitespace(c)) {
                    throw problem(line, "text after a closing quote; double a quote inside a quoted field (\"\")");
                }
            }
            i++;
        }
        if (quoted) {
            throw problem(rowStart, "a quoted field is not closed");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        if (!(fields.size() == 1 && fields.getFirst().isEmpty() && !wasQuoted)) {
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceFile f && f.dataset == dataset && f.location.equals(location)
                && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset, location, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return dataset.key + " from " + location;
    }
}
