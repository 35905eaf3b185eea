package org.auscult.labels;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A recording as the label store knows it.
 *
 * @param id     the store's key
 * @param path   where the file was last seen (absolute, normalised)
 * @param sha256 the SHA-256 of the file's bytes, lower-case hex: a moved or renamed file is found again by it
 */
public record RecordingRef(long id, Path path, String sha256) {
    public RecordingRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
