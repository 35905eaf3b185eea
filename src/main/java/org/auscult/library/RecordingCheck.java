package org.auscult.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A check run on every listed recording that exists, before it is accepted for training. The importer knows nothing
 * about audio; a decoder-backed implementation (header sanity, non-empty data) plugs in here, and this interface is
 * the only coupling between importing and decoding.
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
