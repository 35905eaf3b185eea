package org.auscult.library;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one {@link Layout}: says whether a folder or file looks like it, and imports it. */
interface LayoutReader {

    Layout layout();

    /**
     * Whether {@code folderOrFile} has this layout's tell-tale files. Cheap (reads at most a header line) and never
     * throws: an unreadable candidate is simply not recognised.
     */
    boolean recognises(Path folderOrFile);

    /** Imports the collection; {@code folderOrFile} exists. */
    RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException;
}
