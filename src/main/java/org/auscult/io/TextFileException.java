package org.auscult.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A text file that cannot be read as text: bytes that are not UTF-8, or a line longer than the reader allows. The
 * message names the file and the line ({@code "labels.csv line 7: not UTF-8 text (byte 0xE9)"}), so the user can
 * open the file and find the place.
 */
public final class TextFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file
     * @param line    1-based line of the problem
     * @param problem what is wrong, without file and line
     */
    public TextFileException(Path file, int line, String problem) {
        super(VisibleText.of(file + " line " + line + ": " + problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String problem() {
        return problem;
    }
}
