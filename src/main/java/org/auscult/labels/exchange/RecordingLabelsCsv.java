package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auscult.io.CsvText;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.Source;

/**
 * A plain CSV of recording labels, one row per statement: {@code path,sha256,label_source,opinion,label,quality,
 * notes,labeller,labelled_at}. {@code path} is relative to the CSV's folder when the recording lies under it, else
 * absolute; {@code sha256} lets the import find a recording that has moved since. Only {@code path} and
 * {@code label} are required; an empty field means "not said" (the import keeps what the store holds, so an empty
 * label never clears a class), a missing source is what the importer is asked for, a missing opinion the first. A
 * row that cannot be interpreted (an unknown source or quality, a bad date, an empty path) refuses the whole file
 * with its line, so nothing is imported from a file that is not what it claims.
 */
public final class RecordingLabelsCsv {

    static final List<String> HEADER = List.of("path", "sha256", "label_source", "opinion", "label", "quality",
            "notes", "labeller", "labelled_at");

    /**
     * One row.
     *
     * @param line       the line it was read from, 0 for a row about to be written
     * @param source     empty when the row names none (the importer decides)
     * @param labelledAt empty when the row gives no date; {@code label.labelledAt()} is then the epoch
     */
    public record Row(int line, Path path, String sha256, Optional<Source> source, Opinion opinion,
                      RecordingLabel label, Optional<Instant> labelledAt) {

        /** A row of the store, for export. */
        public static Row of(Path path, String sha256, Source source, Opinion opinion, RecordingLabel label) {
            return new Row(0, path, sha256, Optional.of(source), opinion, label, Optional.of(label.labelledAt()));
        }

        /** True when the row gives neither class, quality nor notes: there is nothing to import. */
        public boolean saysNothing() {
            return label.labelClass().isEmpty() && label.quality().isEmpty() && label.notes().isEmpty();
        }
    }

    private RecordingLabelsCsv() {
    }

    public static List<Row> read(Path file) throws IOException {
        List<TextTable.Row> rows = TextTable.readCsv(file);
        if (rows.isEmpty()) {
            throw new ExchangeFormatException(file, 1, "empty file: expected the header " + String.join(",", HEADER));
        }
        List<String> header = rows.get(0).fields();
        int[] columns = new int[HEADER.size()];
        for (int i = 0; i < HEADER.size(); i++) {
            columns[i] = i == 0 || HEADER.get(i).equals("label") ? TextTable.requireColumn(file, header, HEADER.get(i))
                    : TextTable.column(header, HEADER.get(i));
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Row> result = new ArrayList<>();
        for (TextTable.Row row : rows.subList(1, rows.size())) {
            try {
                String written = row.get(columns[0]).strip();
                if (written.isEmpty()) {
                    throw new IllegalArgumentException("empty path");
                }
                String source = field(row, columns[2]);
                String opinion = field(row, columns[3]);
                String label = field(row, columns[4]);
                String quality = field(row, columns[5]);
                String at = field(row, columns[8]);
                Optional<Instant> labelledAt = at.isEmpty() ? Optional.empty() : Optional.of(instant(at));
                result.add(new Row(row.line(), folder.resolve(written).normalize(), field(row, columns[1]),
                        source.isEmpty() ? Optional.empty() : Optional.of(Source.ofSqlName(source)),
                        opinion.isEmpty() ? Opinion.FIRST : opinion(opinion),
                        new RecordingLabel(label.isEmpty() ? Optional.empty() : Optional.of(label),
                                quality.isEmpty() ? Optional.empty() : Optional.of(Quality.parse(quality)),
                                field(row, columns[6]), field(row, columns[7]), labelledAt.orElse(Instant.EPOCH)),
                        labelledAt));
            } catch (IllegalArgumentException e) {
                throw new ExchangeFormatException(file, row.line(), e.getMessage());
            }
        }
        return result;
    }

    /**
     * The opinion column: 1 or 2 as the export writes it, or first or second (any case) as the window names them;
     * anything else named in the message.
     */
    private static Opinion opinion(String written) {
        for (Opinion opinion : Opinion.values()) {
            if (opinion.name().equalsIgnoreCase(written.strip())) {
                return opinion;
            }
        }
        try {
            return Opinion.of(Integer.parseInt(written.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opinion must be 1 or 2 (first or second), got '" + written + "'");
        }
    }

    /** The labelled_at column: an ISO-8601 instant in UTC, as written. */
    private static Instant instant(String written) {
        try {
            return Instant.parse(written);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("labelled_at must be an ISO-8601 time in UTC such as "
                    + "2026-03-01T09:30:00Z, got '" + written + "'");
        }
    }

    private static String field(TextTable.Row row, int column) {
        return column < 0 ? "" : row.get(column).strip();
    }

    public static void write(Path file, List<Row> rows, boolean overwrite) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        TextTable.writeText(file, overwrite, out -> {
            out.write(String.join(",", HEADER) + "\n");
            for (Row row : rows) {
                Path path = row.path().toAbsolutePath();
                String written = path.startsWith(folder) ? folder.relativize(path).toString().replace('\\', '/')
                        : path.toString();
                RecordingLabel l = row.label();
                out.write(CsvText.row(written, row.sha256(), row.source().map(Source::sqlName).orElse(""),
                        Integer.toString(row.opinion().number()), l.labelClass().orElse(""),
                        l.quality().map(Quality::sqlName).orElse(""), l.notes(), l.labeller(),
                        l.labelledAt().toString()) + "\n");
            }
        });
    }
}
