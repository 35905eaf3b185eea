package org.auscult.labels.exchange;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auscult.io.AtomicFiles;

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

    /** Lines split at tabs; blank lines skipped. No quoting (Audacity and CirCor write none). */
    static List<Row> readTabSeparated(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                rows.add(new Row(i + 1, List.of(line.split("\t", -1))));
            }
        }
        return rows;
    }

    /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); blank lines skipped. */
    static List<Row> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
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
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(rows, fields, field, recordLine);
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ExchangeFormatException(file, recordLine, "a quoted field is not closed");
        }
        endRecord(rows, fields, field, recordLine);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, int line) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
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

    static double number(Path file, Row row, int column, String what) throws ExchangeFormatException {
        String text = row.get(column).strip();
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ExchangeFormatException(file, row.line(), what + " is not a number: '" + text + "'");
        }
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
