package org.auscult.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.auscult.io.VisibleText;

/**
 * A label file that cannot be read as the layout it claims to be: empty, not UTF-8, an unterminated quote, a missing
 * required column. The import stops, because no row of it can be trusted (an unterminated quote shifts every row
 * after it); the message names the file, the line and what is wrong
 * ({@code "labels.csv line 1: no 'label' column in header (columns: path, class)"}). One malformed row (of the wrong
 * width, with an empty name, with a value outside its layout's vocabulary) is an {@link ImportProblem} instead and
 * the import goes on: quoting keeps the rows apart.
 */
public class CollectionFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String reason;

    /**
     * @param file   the malformed label file
     * @param line   1-based line number, 0 when the problem is not on one line (e.g. the file is not text)
     * @param reason what is wrong, without the file name
     */
    public CollectionFormatException(Path file, int line, String reason) {
        super(format(file, line, reason));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(Path file, int line, String reason) {
        return VisibleText.of(line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason);
    }

    /** The malformed label file. */
    public Path file() {
        return file;
    }

    /** 1-based line of the problem, 0 when it is not on one line. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String reason() {
        return reason;
    }
}
