package org.auscult.labels;

import java.nio.file.Path;

/** The label database could not be opened, migrated, read or written; the message names the file and the problem. */
public final class LabelStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabelStoreException(Path database, String problem, Throwable cause) {
        super(database + ": " + problem, cause);
    }
}
