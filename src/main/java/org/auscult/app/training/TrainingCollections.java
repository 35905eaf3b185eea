package org.auscult.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.experiments.PatientStatuses;
import org.auscult.learn.Murmur;
import org.auscult.library.Corpora;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * The collections a wizard run trains and evaluates on, first the workstation's (or the one chosen on the Data page),
 * then those added, as the command line's {@code evaluate A B C} takes them: one collection as it is, several
 * combined by {@link Corpora} (each recording keeping its collection in its id, patient and source). Building one
 * combines the collections, so it is made off the UI thread.
 *
 * @param parts    the collections, with the user's labels applied, in order
 * @param combined the one collection trained on
 */
public record TrainingCollections(List<RecordingCollection> parts, RecordingCollection combined) {

    public TrainingCollections {
        parts = List.copyOf(parts);
        Objects.requireNonNull(combined, "combined");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no collections");
        }
    }

    /** {@code parts} and the collection they make together. */
    public static TrainingCollections of(List<RecordingCollection> parts) {
        return new TrainingCollections(parts, parts.size() == 1 ? parts.get(0) : Corpora.named(parts).combined());
    }

    /**
     * What the experiment record names as the collection: the one collection's folder, or, as the command line
     * names several, their absolute folders joined by " + ".
     */
    public String name() {
        if (parts.size() == 1) {
            return parts.get(0).root().toString();
        }
        return String.join(" + ", parts.stream()
                .map(part -> part.root().toAbsolutePath().normalize().toString()).toList());
    }

    /**
     * The CirCor patient status of every recording of a CirCor collection among the parts, by its id in
     * {@link #combined()}; empty when none is a CirCor collection. A loop over the recordings.
     */
    public Map<String, Murmur> patientStatuses() {
        return PatientStatuses.of(parts);
    }

    /** The part holding the recording file {@code path} (to open it in the workstation), or the first part. */
    public RecordingCollection partHolding(Path path) {
        for (RecordingCollection part : parts) {
            for (Recording recording : part.recordings()) {
                if (recording.path().equals(path)) {
                    return part;
                }
            }
        }
        return parts.get(0);
    }
}
