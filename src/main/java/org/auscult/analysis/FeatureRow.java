package org.auscult.analysis;

import java.util.Objects;
import org.auscult.learn.RecordingFacts;

/**
 * One recording's summary features, with what is known about the recording.
 *
 * @param id      a stable name for the recording within its collection (usually the path relative to the root)
 * @param path    where the recording was read from
 * @param label   the class, or "" when unlabelled
 * @param patient the patient (group) the recording belongs to, or ""
 * @param source  the device, site or subset it came from, or ""
 * @param values  the feature values, in the order of {@link FeatureTable#featureNames()}
 * @param facts   the recording's native sample rate, duration and level when it was analysed from audio, or null
 *                (a table read back from a file does not keep them)
 */
public record FeatureRow(String id, String path, String label, String patient, String source, double[] values,
                         RecordingFacts facts) {

    /** A row without recording facts. */
    public FeatureRow(String id, String path, String label, String patient, String source, double[] values) {
        this(id, path, label, patient, source, values, null);
    }

    public FeatureRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(values, "values");
        path = Objects.requireNonNullElse(path, "");
        label = Objects.requireNonNullElse(label, "");
        patient = Objects.requireNonNullElse(patient, "");
        source = Objects.requireNonNullElse(source, "");
    }

    public boolean labelled() {
        return !label.isEmpty();
    }
}
