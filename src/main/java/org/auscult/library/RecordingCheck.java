package org.auscult.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A check run on every listed recording that exists, before it is accepted for training. The importer does not
 * decode: it knows audio files only by their names and first bytes ({@code AudioFiles}); a decoder-backed
 * implementation (header sanity, non-empty data) plugs in here.
 */
@FunctionalInterface
public interface RecordingCheck {

    /**
     * @param recording a path that exists
     * @return why the recording cannot be used, or empty when it can
     */
    Optional<String> problem(Path recording);

    /** Accepts any readable regular file: the cheapest check, reading no audio. */
    static RecordingCheck exists() {
        return recording -> {
            if (!Files.isRegularFile(recording)) {
                return Optional.of("not a regular file");
            }
            if (!Files.isReadable(recording)) {
                return Optional.of("not readable (permissions)");
            }
            return Optional.empty();
        };
    }
}
