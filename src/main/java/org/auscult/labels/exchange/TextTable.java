package org.auscult.labels.exchange;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auscult.io.AtomicFiles;
import org.auscult.io.BoundedTextReader;
import org.auscult.io.CsvRecords;
import org.auscult.io.TextFileException;

/** The small amount of delimited-text reading and writing the exchange formats share (RFC 4180 CSV, TSV). */
final class TextTable {

    /** One record with its 1-based line number. */
    record Row(int line, List<String> fields) {
        String get(int column) {
            return column < fields.size() ? fields.get(column) : "";
        }
    }

    private TextTable() {
    }

    /**
     * Lines split at tabs; blank lines skipped. No quoting (Audacity and CirCor write none). Read through a
     * {@link BoundedTextReader}: not UTF-8 or a line too long is an {@link ExchangeFormatException} with the line.
     */
    static List<Row> readTabSeparated(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BoundedTextReader reader = BoundedTextReader.open(file)) {
            int number = reader.line();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(new Row(number, List.of(line.split("\t", -1))));
                }
                number = reader.line();
            }
        } catch (TextFileException e) {
            throw new ExchangeFormatException(file, e.line(), e.problem());
        }
        return rows;
    }

    /**
     * RFC 4180 records (quoted fields may hold commas, quotes and line breaks); blank lines skipped; a UTF-8 byte
     * order mark skipped. Read through a {@link BoundedTextReader}, so memory is bounded by the line limit.
     */
    static List<Row> readCsv(Path file) throws IOException {
        try (BoundedTextReader in = BoundedTextReader.open(file)) {
            return CsvRecords.read(in, CsvRecords.Quotes.LENIENT, Integer.MAX_VALUE).stream()
                    .map(record -> new Row(record.line(), record.fields())).toList();
        } catch (TextFileException e) {
            throw new ExchangeFormatException(file, e.line(), e.problem());
        }
    }

    /** The index of {@code name} in a header (case-insensitive), or -1. */
    static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static int requireColumn(Path file, List<String> header, String name) throws ExchangeFormatException {
        int column = column(header, name);
        if (column < 0) {
            throw new ExchangeFormatException(file, 1, "no '" + name + "' column in header (columns: "
                    + String.join(", ", header) + ")");
        }
        return column;
    }

    /**
     * The longest time an exchange file may name, in seconds: a day. No recording is longer, and a bound keeps
     * absurd values (1e300 s) out of the store, where they would break every view of the recording.
     */
    static final double MAX_SECONDS = 86_400;

    /** Plain decimal numbers only: Java's parser would also take hex ({@code 0x1p3}) and suffixes ({@code 2f}). */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /** A time in seconds written as a plain decimal number, 0 to {@link #MAX_SECONDS}. */
    static double seconds(Path file, Row row, int column, String what) throws ExchangeFormatException {
        String text = row.get(column).strip();
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!(value >= 0 && value <= MAX_SECONDS)) {
            throw new ExchangeFormatException(file, row.line(), what + " must be a time in seconds from 0 to "
                    + (long) MAX_SECONDS + ", written as a decimal number; got '" + text + "'");
        }
        return value;
    }

    /** Writes UTF-8 text atomically. */
    interface TextContent {
        void write(Writer out) throws IOException;
    }

    static void writeText(Path file, boolean overwrite, TextContent content) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.write(writer);
            writer.flush();
        });
    }
}
