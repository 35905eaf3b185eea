package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecordingCollectionTest {

    private static Recording recording(String id, String label, String patient, String source) {
        return new Recording(Path.of("/c", id + ".wav"), id, Optional.ofNullable(label),
                label == null ? "" : label, patient, source, Map.of());
    }

    private final RecordingCollection collection = new RecordingCollection(Path.of("/c"), Layout.GENERIC_CSV,
            List.of(recording("a1", "normal", "p1", "s1"),
                    recording("a2", "normal", "p1", "s1"),
                    recording("a3", "murmur", "p1", "s2"),
                    recording("a4", "extrastole", "p2", "s2"),
                    recording("a5", "normal", "p3", ""),
                    recording("a6", null, "p4", "s3"),
                    recording("a7", null, "p4", "s3")),
            List.of(new ImportProblem(Path.of("/c/labels.csv"), 9, "listed but missing: /c/x.wav")));

    @Test
    void countsPerClassAndPatientsPerClass() {
        assertEquals(List.of("extrastole", "murmur", "normal"), List.copyOf(collection.classCounts().keySet()));
        assertEquals(Map.of("extrastole", 1, "murmur", 1, "normal", 3), collection.classCounts());
        assertEquals(Map.of("extrastole", 1, "murmur", 1, "normal", 2), collection.patientCounts());
        assertEquals(3, collection.patients());
        assertEquals(5, collection.trainable().size());
        assertEquals(List.of("a6", "a7"), collection.unlabelled().stream().map(Recording::id).toList());
        assertEquals(List.of("s1", "s2", "s3"), List.copyOf(collection.sources()));
    }

    @Test
    void summaryIsATableOfClassesRecordingsAndPatients() {
        String expected = String.join(System.lineSeparator(),
                "GENERIC_CSV collection at " + Path.of("/c"),
                "class       recordings  patients",
                "extrastole           1         1",
                "murmur               1         1",
                "normal               3         2",
                "total                5         3",
                "unlabelled           2         1",
                "sources: s1, s2, s3",
                "problems: 1",
                "");
        assertEquals(expected, collection.summary());
    }

    @Test
    void recordingsAreValidated() {
        Path path = Path.of("/c/a.wav");
        assertThrows(IllegalArgumentException.class,
                () -> new Recording(path, "a", Optional.of(" "), "", "p", "", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Recording(path, "a", Optional.empty(), "", "", "", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Recording(path, " ", Optional.empty(), "", "p", "", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ImportProblem(path, -1, "negative line"));
    }

    @Test
    void collectionsAndMetadataAreImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> collection.recordings().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> collection.recordings().get(0).metadata().put("x", "y"));
    }

    @Test
    void importProblemsPrintWithFileAndLine() {
        assertEquals(Path.of("/c/labels.csv") + " line 9: listed but missing: /c/x.wav",
                collection.problems().get(0).toString());
        assertEquals(Path.of("/c/x.wav") + ": not a regular file",
                new ImportProblem(Path.of("/c/x.wav"), 0, "not a regular file").toString());
    }
}
