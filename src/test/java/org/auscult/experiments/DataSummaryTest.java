package org.auscult.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.auscult.library.ImportProblem;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.Test;

/** Counts, skipped recordings and the warnings a researcher needs before training. */
class DataSummaryTest {

    private static Recording recording(String id, String label, String patient, String source) {
        return new Recording(Path.of("/c/" + id + ".wav"), id, Optional.ofNullable(label),
                label == null ? "" : label, patient, source, Map.of());
    }

    @Test
    void warnsOfFewPatientsMixedLabelsRatesAndSources() {
        List<Recording> recordings = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            recordings.add(recording("n" + p, "normal", "p" + p, "set_a"));
        }
        recordings.add(recording("m0", "murmur", "p0", "set_b"));
        recordings.add(recording("m1", "murmur", "q1", "set_b"));
        recordings.add(recording("u0", null, "q2", "set_b"));
        RecordingCollection collection = new RecordingCollection(Path.of("/c"), Layout.GENERIC_CSV, recordings,
                List.of(new ImportProblem(Path.of("/c/labels.csv"), 7, "recording missing.wav does not exist")));
        DataSummary summary = DataSummary.of(collection,
                path -> path.getFileName().toString().startsWith("m") ? 44100 : 4000);

        assertEquals(Map.of("murmur", 2, "normal", 6), summary.classCounts());
        assertEquals(Map.of("murmur", 2, "normal", 6), summary.patientCounts());
        assertEquals(8, summary.trainable());
        assertEquals(7, summary.patients());
        assertEquals(List.of(new DataSummary.Skipped("u0", "no label"),
                new DataSummary.Skipped("/c/labels.csv:7", "recording missing.wav does not exist")), summary.skipped());
        assertEquals(Map.of(4000, 6, 44100, 2), summary.sampleRates());
        assertEquals(List.of(
                "Class 'murmur' has only 2 patients (fewer than 5): its recall rests on very few people, and grouped "
                        + "k-fold cannot place it in every test fold.",
                "1 patient has recordings under several labels: p0 (murmur, normal). Grouped folds keep each patient "
                        + "on one side, but check the labels.",
                "Recordings come at 2 sample rates (4000 Hz: 6, 44100 Hz: 2): a model may learn the device rather "
                        + "than the heart sound.",
                "Recordings come from 2 sources (set_a: 6, set_b: 2): if the classes differ between sources, the "
                        + "features may predict the source."), summary.warnings());
    }

    @Test
    void anUnreadableHeaderIsSkippedWithItsReasonAndACleanCollectionHasNoWarnings() {
        List<Recording> recordings = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            recordings.add(recording("a" + p, "normal", "a" + p, ""));
            recordings.add(recording("b" + p, "murmur", "b" + p, ""));
        }
        RecordingCollection collection = new RecordingCollection(Path.of("/c"), Layout.FOLDER_PER_CLASS, recordings,
                List.of());
        DataSummary summary = DataSummary.of(collection, path -> path.endsWith("b4.wav") ? null : 4000);
        assertEquals(List.of(new DataSummary.Skipped("b4", "the recording's header cannot be read")),
                summary.skipped());
        assertEquals(List.of(), summary.warnings());
    }
}
