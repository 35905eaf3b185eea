package org.auscult.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.auscult.io.VisibleText;

/**
 * A label file that cannot be read as the layout it claims to be: wrong column count, a missing required column, an
 * unterminated quote, a value outside its vocabulary. The import stops, because every row after a malformed one is
 * suspect; the message names the file, the line and what is wrong
 * ({@code "labels.csv line 7: 3 columns expected, found 1"}). A generic label CSV, which a person writes, reports a
 * row of the wrong width as an {@link ImportProblem} instead and goes on: its quoting keeps the rows apart.
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
