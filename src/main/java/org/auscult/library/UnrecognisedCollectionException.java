package org.auscult.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A folder or file in none of the known {@link Layout}s; the message lists what was looked for. */
public class UnrecognisedCollectionException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnrecognisedCollectionException(Path path) {
        super(path + ": not a recognised collection. Looked for: "
                + Arrays.stream(Layout.values()).map(Layout::lookedFor).collect(Collectors.joining("; "))
                + ". Name the layout explicitly if it is one of these.");
    }

    public UnrecognisedCollectionException(Path path, Layout layout, String problem) {
        super(path + ": not a " + layout.lookedFor() + ": " + problem);
    }
}
