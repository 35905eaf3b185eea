package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.auscult.io.BoundedTextReader;
import org.auscult.io.CsvRecords;
import org.auscult.io.TextFileException;

/**
 * A comma-separated label file read by RFC 4180: fields may be quoted, a quoted field may hold commas, line breaks
 * and doubled quotes ({@code "a ""b"", c"} is {@code a "b", c}); CRLF, LF and CR all end a record; a UTF-8 byte
 * order mark is skipped; blank lines are ignored; text that is not UTF-8 and lines longer than
 * {@link BoundedTextReader#DEFAULT_MAX_LINE} characters are refused with their line. Every record remembers the
 * line it starts on, so errors can point at it.
 */
final class CsvTable {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {

        /** The field at {@code column}, stripped of surrounding white space. */
        String get(int column) {
            return fields.get(column).strip();
        }
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;
    private final List<ImportProblem> skipped;

    private CsvTable(Path file, List<String> header, List<Row> rows, List<ImportProblem> skipped) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.skipped = skipped;
    }

    /**
     * Reads a file whose first record is a header; every other record must have as many fields as the header.
     *
     * @throws CollectionFormatException when the file is empty, not UTF-8, has an unterminated quote or a row of
     *                                   the wrong width
     */
    static CsvTable withHeader(Path file) throws IOException {
        List<Row> records = readRecords(file);
        if (records.isEmpty()) {
            throw new CollectionFormatException(file, 0, "empty file, a header row was expected");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<Row> rows = records.subList(1, records.size());
        requireWidth(file, rows, header.size());
        return new CsvTable(file, header, List.copyOf(rows), List.of());
    }

    /**
     * As {@link #withHeader}, but a row of the wrong width is left out of {@link #rows()} and described in
     * {@link #skipped()} instead of refusing the file: in a label file a person writes, one bad row should not cost
     * the rest. Fields are read by RFC 4180, so a row of the wrong width does not shift the rows after it; an
     * unterminated quote, which does, still refuses the file.
     */
    static CsvTable withHeaderSkippingMalformedRows(Path file) throws IOException {
        List<Row> records = readRecords(file);
        if (records.isEmpty()) {
            throw new CollectionFormatException(file, 0, "empty file, a header row was expected");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        return skippingMalformedRows(file, header, records.subList(1, records.size()), header.size());
    }

    /**
     * As {@link #withHeaderSkippingMalformedRows}, for a file without a header whose every row should have
     * {@code width} fields; the table has no header, so its columns are read by index.
     */
    static CsvTable withoutHeaderSkippingMalformedRows(Path file, int width) throws IOException {
        return skippingMalformedRows(file, List.of(), readRecords(file), width);
    }

    private static CsvTable skippingMalformedRows(Path file, List<String> header, List<Row> records, int width) {
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> skipped = new ArrayList<>();
        for (Row row : records) {
            if (row.fields().size() == width) {
                rows.add(row);
            } else {
                skipped.add(new ImportProblem(file, row.line(), widthProblem(width, row) + "; row skipped"));
            }
        }
        return new CsvTable(file, header, List.copyOf(rows), List.copyOf(skipped));
    }

    /**
     * The header fields of a file, for layout detection: empty when the file cannot be read or its first record is
     * malformed, never an exception.
     */
    static Optional<List<String>> peekHeader(Path file) {
        try (BoundedTextReader reader = BoundedTextReader.open(file)) {
            List<Row> first = parse(reader, 1);
            return first.isEmpty() ? Optional.empty()
                    : Optional.of(first.get(0).fields().stream().map(String::strip).toList());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** True when {@code file} is a readable CSV whose header has every one of {@code columns}; for detection. */
    static boolean hasColumns(Path file, String... columns) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return peekHeader(file)
                .map(header -> Arrays.stream(columns).allMatch(column -> findColumn(header, column).isPresent()))
                .orElse(false);
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * The rows left out for their width, by {@link #withHeaderSkippingMalformedRows} or
     * {@link #withoutHeaderSkippingMalformedRows}; none otherwise.
     */
    List<ImportProblem> skipped() {
        return skipped;
    }

    /**
     * The fields of {@code row} by column name, in header order, leaving out the {@code excluded} column indexes
     * (those the layout has already interpreted): what is kept as a recording's metadata.
     */
    Map<String, String> otherColumns(Row row, Collection<Integer> excluded) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int column = 0; column < header.size(); column++) {
            if (!excluded.contains(column)) {
                columns.put(header.get(column), row.get(column));
            }
        }
        return columns;
    }

    /** Index of the first column named any of {@code names} (case-insensitive, a trailing ':' ignored). */
    Optional<Integer> column(String... names) {
        return findColumn(header, names);
    }

    /** Index of a required column, or a format error naming it and the columns found. */
    int requireColumn(String name) throws CollectionFormatException {
        return column(name).orElseThrow(() -> new CollectionFormatException(file, 1,
                "no '" + name + "' column in header (columns: " + String.join(", ", header) + ")"));
    }

    static Optional<Integer> findColumn(List<String> header, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (columnKey(header.get(i)).equals(columnKey(name))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static String columnKey(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return key.endsWith(":") ? key.substring(0, key.length() - 1).strip() : key;
    }

    private static void requireWidth(Path file, List<Row> rows, int width) throws CollectionFormatException {
        for (Row row : rows) {
            if (row.fields().size() != width) {
                throw new CollectionFormatException(file, row.line(), widthProblem(width, row));
            }
        }
    }

    private static String widthProblem(int width, Row row) {
        return width + " columns expected, found " + row.fields().size();
    }

    /**
     * Reads every record through a {@link BoundedTextReader}: text that is not UTF-8 or a line too long is a format
     * error naming the line, and memory is bounded by the line limit, not by what the file holds on one line.
     */
    private static List<Row> readRecords(Path file) throws IOException {
        try (BoundedTextReader reader = BoundedTextReader.open(file)) {
            return parse(reader, Integer.MAX_VALUE);
        } catch (TextFileException e) {
            throw new CollectionFormatException(file, e.line(), e.problem());
        }
    }

    /** The records of {@code in}, quotes read strictly; stops after {@code limit} of them. */
    private static List<Row> parse(BoundedTextReader in, int limit) throws IOException {
        return CsvRecords.read(in, CsvRecords.Quotes.STRICT, limit).stream()
                .map(record -> new Row(record.line(), record.fields())).toList();
    }
}
