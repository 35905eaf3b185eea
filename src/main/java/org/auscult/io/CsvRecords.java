package org.auscult.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records read by RFC 4180 through a {@link BoundedTextReader}: fields may be quoted, a quoted field may hold
 * commas, line breaks and doubled quotes ({@code "a ""b"", c"} is {@code a "b", c}); CRLF, LF and CR all end a
 * record; blank lines are skipped. Memory is bounded by the line limit, a quoted field included. A malformed record is
 * a {@link TextFileException} naming its line, which each reader reports in its own terms.
 */
public final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** How quotes are read. */
    public enum Quotes {
        /**
         * A quote opens a quoted field only at the start of a field, and the closing quote must end the field; a
         * quoted empty field on a line of its own is a record.
         */
        STRICT,
        /** A quote opens or closes quoting anywhere in a field; a line that reads as blank is skipped. */
        LENIENT
    }

    private CsvRecords() {
    }

    /** Reads the records of {@code in}, stopping after {@code limit} of them. */
    public static List<Record> read(BoundedTextReader in, Quotes quotes, int limit) throws IOException {
        boolean strict = quotes == Quotes.STRICT;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteOpenedOn = 1;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean atFieldStart = true;
        int c = in.read();
        while (c != -1 && records.size() < limit) {
            char ch = (char) c;
            int next = in.read();
            if (inQuotes) {
                if (ch == '"' && next == '"') {
                    field.append('"');
                    next = in.read();
                } else if (ch == '"') {
                    inQuotes = false;
                    if (strict && next != ',' && next != '\n' && next != '\r' && next != -1) {
                        throw new TextFileException(in.file(), line,
                                "unexpected '" + (char) next + "' after a closing quote");
                    }
                } else {
                    if (ch == '\n' || (ch == '\r' && next != '\n')) {
                        line++;
                    }
                    field.append(ch);
                    if (field.length() > BoundedTextReader.DEFAULT_MAX_LINE) {
                        throw new TextFileException(in.file(), quoteOpenedOn, "a quoted field longer than "
                                + BoundedTextReader.DEFAULT_MAX_LINE + " characters");
                    }
                }
            } else if (ch == '"' && (atFieldStart || !strict)) {
                inQuotes = true;
                fieldWasQuoted = true;
                quoteOpenedOn = line;
                atFieldStart = false;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                fieldWasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && next == '\n') {
                    next = in.read();
                }
                fields.add(field.toString());
                endRecord(records, fields, recordLine, strict && fieldWasQuoted);
                field.setLength(0);
                fields = new ArrayList<>();
                atFieldStart = true;
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                atFieldStart = false;
            }
            c = next;
        }
        if (inQuotes) {
            throw new TextFileException(in.file(), quoteOpenedOn, strict
                    ? "unterminated quoted field (the quote opened here is never closed)"
                    : "a quoted field is not closed");
        }
        if (records.size() < limit && (!fields.isEmpty() || field.length() > 0 || fieldWasQuoted)) {
            fields.add(field.toString());
            endRecord(records, fields, recordLine, strict && fieldWasQuoted);
        }
        return records;
    }

    /** Adds the record unless it is a blank line; a quoted empty field is not blank when {@code keepQuoted}. */
    private static void endRecord(List<Record> records, List<String> fields, int line, boolean keepQuoted) {
        boolean blankLine = fields.size() == 1 && fields.get(0).isBlank() && !keepQuoted;
        if (!blankLine) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }
}
