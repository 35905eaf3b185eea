package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real PASCAL 2011 collection in Kaggle's layout, checked against the truth table shipped beside it
 * (labels.csv: one row per WAV with its real path). Skipped, with a message, where the shared data is absent.
 */
class PascalCollectionTest {

    private static Path folder;
    private static RecordingCollection collection;

    @BeforeAll
    static void importRealCollection() throws IOException {
        folder = Fixtures.sharedData("pascal2011");
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("set_b.csv")),
                "PASCAL 2011 data not found at " + folder.toAbsolutePath() + " (system property auscult.shared): "
                        + "real-collection test skipped");
        collection = new CollectionImporter().importCollection(folder, ImportOptions.defaults());
    }

    @Test
    void countsMatchTheChallenge() {
        assertEquals(Layout.KAGGLE_PASCAL, collection.layout());
        assertEquals(List.of(), collection.problems());
        assertEquals(832, collection.recordings().size());
        assertEquals(585, collection.trainable().size());
        assertEquals(247, collection.unlabelled().size());
        assertEquals(Map.of("normal", 351, "murmur", 129, "extrastole", 46, "artifact", 40, "extrahls", 19),
                collection.classCounts());
        assertEquals(120, collection.recordings().stream().filter(r -> r.originalLabel().equals("noisynormal"))
                .count());
        assertEquals(29, collection.recordings().stream().filter(r -> r.originalLabel().equals("noisymurmur"))
                .count());
        collection.recordings().forEach(r -> assertTrue(Files.isRegularFile(r.path()), r.path().toString()));
    }

    @Test
    void everyRecordingAgreesWithTheTruthTable() throws IOException {
        CsvTable truth = CsvTable.withHeader(folder.resolve("labels.csv"));
        Map<Path, Recording> byPath = collection.recordings().stream()
                .collect(Collectors.toMap(Recording::path, Function.identity()));
        assertEquals(832, truth.rows().size());
        for (CsvTable.Row row : truth.rows()) {
            Recording recording = byPath.get(folder.resolve(row.get(0)).toAbsolutePath().normalize());
            String where = "labels.csv line " + row.line();
            assertTrue(recording != null, where + ": " + row.get(0) + " not imported");
            String label = row.get(2);
            assertEquals(label.equals("unlabelled") ? Optional.empty() : Optional.of(label), recording.label(), where);
            assertEquals(row.get(3).isEmpty() ? (label.equals("unlabelled") ? "" : label) : row.get(3),
                    recording.originalLabel(), where);
            assertEquals("set_" + row.get(1), recording.source(), where);
            assertEquals(row.get(4), recording.metadata().get("fname"), where + ": the Kaggle name it was matched to");
        }
    }

    @Test
    void theTruthTableImportsToTheSameCollection() throws IOException {
        RecordingCollection fromTruth = new CollectionImporter()
                .importCollection(folder.resolve("labels.csv"), ImportOptions.defaults());
        assertEquals(List.of(), fromTruth.problems());
        assertEquals(collection.recordings().stream().map(PascalCollectionTest::essentials).toList(),
                fromTruth.recordings().stream().map(PascalCollectionTest::essentials).toList());
    }

    private static List<Object> essentials(Recording r) {
        return List.of(r.path(), r.id(), r.label(), r.originalLabel(), r.patient(), r.source());
    }

    @Test
    void setBPatientsAreTheNumberAfterTheLabel() {
        Recording extrastole = Fixtures.byId(collection, "set_b/extrastole__151_1306779785624_B");
        assertEquals("151", extrastole.patient());
        List<Recording> setB = collection.recordings().stream().filter(r -> r.source().equals("set_b")).toList();
        assertEquals(656, setB.size());
        setB.forEach(r -> assertTrue(r.patient().matches("\\d+") && r.id().contains("_" + r.patient() + "_"),
                r.id() + " -> patient " + r.patient()));
        assertEquals(171, setB.stream().map(Recording::patient).distinct().count());
        collection.recordings().stream().filter(r -> r.source().equals("set_a"))
                .forEach(r -> assertEquals(r.id().substring("set_a/".length()), r.patient()));
    }

    @Test
    void groupingByPatientKeepsEverySetBPatientInOneGroup() {
        Map<String, Set<String>> labelsPerPatient = new HashMap<>();
        Map<String, Set<String>> sourcesPerPatient = new HashMap<>();
        for (Recording r : collection.trainable()) {
            labelsPerPatient.computeIfAbsent(r.patient(), p -> new TreeSet<>()).add(r.label().orElseThrow());
            sourcesPerPatient.computeIfAbsent(r.patient(), p -> new TreeSet<>()).add(r.source());
        }
        assertTrue(sourcesPerPatient.values().stream().allMatch(sources -> sources.size() == 1),
                "no patient id is shared between set_a and set_b");
        long setBPatients = collection.trainable().stream().filter(r -> r.source().equals("set_b"))
                .map(Recording::patient).distinct().count();
        assertEquals(165, setBPatients);
        assertEquals(35, labelsPerPatient.values().stream().filter(labels -> labels.size() > 1).count(),
                "README: 35 set_b patients have recordings under more than one label");
        long setARecordings = collection.trainable().stream().filter(r -> r.source().equals("set_a")).count();
        assertEquals(setARecordings + setBPatients, collection.patients());
    }
}
