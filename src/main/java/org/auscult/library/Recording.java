package org.auscult.library;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording of an imported collection.
 *
 * @param path          the audio file; it existed at import time
 * @param id            unique within the collection: the path relative to the collection root, without extension,
 *                      with '/' separators ({@code set_b/normal__103_1305031931979_B})
 * @param label         the class to train on, lower case after the label mapping; empty when the recording is
 *                      unlabelled or must not be trained on (ambiguous label, failed check): such recordings are
 *                      kept for browsing and prediction only
 * @param originalLabel the label as the collection writes it ({@code "noisynormal"}, {@code "-1"},
 *                      {@code "Present"}), "" when there is none
 * @param patient       the group for grouped cross-validation: recordings of one patient never sit on both sides
 *                      of a split
 * @param source        device, site or subset ({@code set_a}, {@code training-c}, {@code circor}), "" when unknown
 * @param metadata      further facts from the label file (column name to value), in file order
 */
public record Recording(Path path, String id, Optional<String> label, String originalLabel, String patient,
                        String source, Map<String, String> metadata) {

    /**
     * The metadata key holding why a recording is not trained on: it failed the import check, or its rows give
     * conflicting labels.
     */
    public static final String PROBLEM = "problem";

    /**
     * The metadata key holding why a recording failed the import check: it cannot be decoded, so it is neither
     * trained on nor analysed. A recording with only a {@link #PROBLEM} (conflicting labels) can still be analysed.
     */
    public static final String UNREADABLE = "unreadable";

    public Recording {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(originalLabel, "originalLabel");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("recording id is blank for " + path);
        }
        if (patient.isBlank()) {
            throw new IllegalArgumentException("patient is blank for " + path);
        }
        label.ifPresent(l -> {
            if (l.isBlank()) {
                throw new IllegalArgumentException("label is blank (use Optional.empty()) for " + path);
            }
        });
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * The group a recording of {@code patient} and {@code id} is kept in by patient-grouped folds: its patient, or,
     * without one, a group of its own.
     */
    public static String patientGroup(String patient, String id) {
        return patient.isEmpty() ? "recording:" + id : patient;
    }

    /** True when the recording has a label to train on. */
    public boolean trainable() {
        return label.isPresent();
    }

    /** False when the recording failed the import check ({@link #UNREADABLE}): there is nothing to analyse. */
    public boolean readable() {
        return !metadata.containsKey(UNREADABLE);
    }

    /** The same recording, neither to be trained on nor analysed: it cannot be decoded, for {@code problem}. */
    Recording unreadable(String problem) {
        Recording withoutLabel = withoutLabel(problem);
        Map<String, String> marked = new LinkedHashMap<>(withoutLabel.metadata());
        marked.put(UNREADABLE, problem);
        return new Recording(path, id, Optional.empty(), originalLabel, patient, source, marked);
    }

    /** The same recording, not to be trained on, with {@code problem} added to its metadata. */
    Recording withoutLabel(String problem) {
        Map<String, String> withProblem = new LinkedHashMap<>(metadata);
        withProblem.merge(PROBLEM, problem, (old, added) -> old + "; " + added);
        return new Recording(path, id, Optional.empty(), originalLabel, patient, source, withProblem);
    }
}
