package org.auscult.library;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leaving a test collection's patients out of training: a model is then judged on patients it never heard, even
 * when the test recordings come from a corpus it was trained on (the bundled CirCor samples are recordings of the
 * CirCor training part).
 *
 * <p>A training recording is left out when its patient, its own {@value #PATIENT_ID} or its
 * {@value #ADDITIONAL_ID} (CirCor's second ID of a child seen in both campaigns) is a patient of the test
 * collection; and with it every recording of the same patient group, so a child with two IDs is left out whole.
 */
public final class PatientExclusion {

    /** CirCor's per-patient column, kept in each recording's metadata. */
    static final String PATIENT_ID = "Patient ID";
    /** CirCor's second ID of a patient recorded in both campaigns. */
    static final String ADDITIONAL_ID = "Additional ID";

    private PatientExclusion() {
    }

    /** {@code training} without the patients of {@code test}. */
    public static RecordingCollection without(RecordingCollection training, RecordingCollection test) {
        Set<String> testPatients = new HashSet<>();
        for (Recording recording : test.recordings()) {
            testPatients.add(localId(recording.patient()));
            testPatients.add(recording.metadata().getOrDefault(PATIENT_ID, ""));
        }
        testPatients.remove(""); // a recording without a patient names no one
        Set<String> excludedGroups = new HashSet<>();
        for (Recording recording : training.recordings()) {
            if (testPatients.contains(localId(recording.patient()))
                    || testPatients.contains(recording.metadata().getOrDefault(PATIENT_ID, "\u0000"))
                    || testPatients.contains(recording.metadata().getOrDefault(ADDITIONAL_ID, "\u0000"))) {
                excludedGroups.add(recording.patient());
            }
        }
        List<Recording> kept = training.recordings().stream()
                .filter(recording -> !excludedGroups.contains(recording.patient())).toList();
        return new RecordingCollection(training.root(), training.layout(), kept, training.problems());
    }

    /** A patient without the collection prefix {@link Corpora} gives it ({@code circor2022/50049} -> 50049). */
    private static String localId(String patient) {
        int slash = patient.lastIndexOf('/');
        return slash < 0 ? patient : patient.substring(slash + 1);
    }
}
