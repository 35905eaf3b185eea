package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import org.auscult.io.VisibleText;

/**
 * An exchange file that cannot be read; the message names the file, the line and the problem, with invisible
 * characters written out.
 */
public final class ExchangeFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ExchangeFormatException(Path file, int line, String problem) {
        super(VisibleText.of(file + (line > 0 ? " line " + line : "") + ": " + problem));
    }
}
