package org.auscult.library;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with one recording or one row that does not stop the import: a recording listed but missing, a
 * duplicate row, a recording the {@link RecordingCheck} rejects.
 *
 * @param file   the label file the row came from, or the recording itself when no row is involved
 * @param line   1-based line of the row in {@code file}, 0 when there is none
 * @param reason what is wrong, in words a user can act on
 */
public record ImportProblem(Path file, int line, String reason) {

    /** How the reason of a recording that a label file lists but that does not exist begins; the path follows. */
    public static final String LISTED_BUT_MISSING = "listed but missing: ";

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** {@code file line N: reason}, or {@code file: reason} without a line. */
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason;
    }
}
