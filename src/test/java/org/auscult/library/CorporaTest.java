package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CorporaTest {

    private static Recording recording(String id, String label, String original, String patient, String source) {
        return new Recording(Path.of(id + ".wav"), id, label.isEmpty() ? Optional.empty() : Optional.of(label),
                original, patient, source, Map.of());
    }

    private static Corpora threeCorpora() {
        Map<String, RecordingCollection> parts = new LinkedHashMap<>();
        parts.put("physionet2016", new RecordingCollection(Path.of("p"), Layout.PHYSIONET_2016, List.of(
                recording("training-a/a0001", "abnormal", "1", "a0001", "training-a"),
                recording("training-e/e0001", "normal", "-1", "e0001", "training-e")), List.of()));
        parts.put("circor2022", new RecordingCollection(Path.of("c"), Layout.CIRCOR_2022, List.of(
                recording("training_data/1_AV", "murmur", "Present", "1", "circor"),
                recording("training_data/1_MV", "", "Present", "1", "circor"),
                recording("training_data/2_AV", "normal", "Absent", "2", "circor"),
                recording("training_data/3_AV", "", "Unknown", "3", "circor")), List.of()));
        parts.put("pascal2011", new RecordingCollection(Path.of("k"), Layout.KAGGLE_PASCAL, List.of(
                recording("set_a/artifact__1", "artifact", "artifact", "set_a/artifact__1", "set_a"),
                recording("set_b/extrastole__1", "extrastole", "extrastole", "1", "set_b"),
                recording("set_b/murmur__2", "murmur", "murmur", "2", "set_b"),
                recording("set_b/normal__1", "normal", "normal", "1", "")), List.of()));
        return new Corpora(parts);
    }

    @Test
    void recordingsKeepTheirCollectionInIdPatientAndSource() {
        List<Recording> all = threeCorpora().recordings();
        assertEquals(10, all.size());
        Recording first = all.get(0);
        assertEquals("physionet2016/training-a/a0001", first.id());
        assertEquals("physionet2016/a0001", first.patient());
        assertEquals("physionet2016/training-a", first.source());
        assertEquals(Optional.of("abnormal"), first.label());
        assertEquals("physionet2016", Corpora.corpusOf(first));
        // the same patient number in two collections is two patients
        Set<String> patients = all.stream().map(Recording::patient).collect(Collectors.toSet());
        assertTrue(patients.contains("circor2022/1") && patients.contains("pascal2011/1"));
        // a recording without a source takes the collection's name
        assertEquals("pascal2011", all.get(9).source());
        assertEquals(Set.of("physionet2016/training-a", "physionet2016/training-e", "circor2022/circor",
                "pascal2011/set_a", "pascal2011/set_b", "pascal2011"), threeCorpora().sources());
    }

    @Test
    void theFollowUpAnswerIsTaughtByEverySource() {
        Map<String, String> labels = new HashMap<>();
        threeCorpora().labelledFor(LabelTaxonomy.Answer.FOLLOW_UP)
                .forEach(r -> labels.put(r.id(), r.label().orElse("")));
        assertEquals("follow-up", labels.get("physionet2016/training-a/a0001"));
        assertEquals("normal", labels.get("physionet2016/training-e/e0001"));
        assertEquals("follow-up", labels.get("circor2022/training_data/1_AV"));
        assertEquals("", labels.get("circor2022/training_data/1_MV"));
        assertEquals("normal", labels.get("circor2022/training_data/2_AV"));
        assertEquals("", labels.get("circor2022/training_data/3_AV"));
        assertEquals("", labels.get("pascal2011/set_a/artifact__1"));
        assertEquals("follow-up", labels.get("pascal2011/set_b/extrastole__1"));
        assertEquals("follow-up", labels.get("pascal2011/set_b/murmur__2"));
        assertEquals("normal", labels.get("pascal2011/set_b/normal__1"));
    }

    @Test
    void theMurmurAnswerIsNotTaughtByPhysioNetAbnormal() {
        Map<String, String> labels = new HashMap<>();
        threeCorpora().labelledFor(LabelTaxonomy.Answer.MURMUR).forEach(r -> labels.put(r.id(), r.label().orElse("")));
        assertEquals("", labels.get("physionet2016/training-a/a0001"));
        assertEquals("", labels.get("physionet2016/training-e/e0001"));
        assertEquals("murmur", labels.get("circor2022/training_data/1_AV"));
        assertEquals("normal", labels.get("circor2022/training_data/2_AV"));
        assertEquals("", labels.get("pascal2011/set_b/extrastole__1"));
        assertEquals("murmur", labels.get("pascal2011/set_b/murmur__2"));
    }

    /** The corpora folder: $AUSCULT_DATA, else ~/auscult-data. */
    static Path corporaFolder() {
        String configured = System.getenv("AUSCULT_DATA");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), "auscult-data");
    }

    @Test
    void thePublicTrainingPartsImportWithTheirSourcesAndPatients() throws IOException {
        Path circor = corporaFolder().resolve("circor2022");
        Path physionet = corporaFolder().resolve("physionet2016");
        Assumptions.assumeTrue(Files.isRegularFile(circor.resolve("training_data.csv"))
                        && Files.isDirectory(physionet.resolve("training-a")),
                "public corpora not found in " + corporaFolder().toAbsolutePath()
                        + " (set AUSCULT_DATA): public-corpora import test skipped");
        CollectionImporter importer = new CollectionImporter();
        assertEquals(Optional.of(Layout.CIRCOR_2022), CollectionImporter.detect(circor));
        assertEquals(Optional.of(Layout.PHYSIONET_2016), CollectionImporter.detect(physionet));
        RecordingCollection c = importer.importCollection(circor, ImportOptions.defaults());
        RecordingCollection p = importer.importCollection(physionet, ImportOptions.defaults());
        assertEquals(2412, c.recordings().size());
        assertEquals(2592, p.trainable().size());
        assertEquals(Set.of("training-a", "training-b", "training-c", "training-d", "training-e", "training-f"),
                p.sources());
        // every patient with an Additional ID shares one group with the other ID
        List<String> rows = Files.readAllLines(circor.resolve("training_data.csv"));
        List<String> header = List.of(rows.get(0).replace("\uFEFF", "").split(","));
        int idColumn = header.indexOf("Patient ID");
        int additionalColumn = header.indexOf("Additional ID");
        Map<String, String> groupOf = new HashMap<>();
        c.recordings().forEach(r -> groupOf.put(r.id().replaceAll("^.*/|_.*$", ""), r.patient()));
        int linked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",", -1);
            String other = fields[additionalColumn];
            if (!other.isEmpty() && !other.equals("nan") && groupOf.containsKey(other)) {
                assertEquals(groupOf.get(fields[idColumn]), groupOf.get(other), "patients " + fields[idColumn]
                        + " and " + other);
                linked++;
            }
        }
        assertTrue(linked > 0, "no patient with both IDs in the training part");
        assertFalse(new Corpora(Map.of("circor2022", c, "physionet2016", p)).sources().isEmpty());
    }

    @Test
    void combinedIsOneCollectionOfEveryRecordingAndProblemNamedByFolder() {
        RecordingCollection pascal = new RecordingCollection(Path.of("data", "pascal2011"), Layout.KAGGLE_PASCAL,
                List.of(recording("set_b/murmur__2", "murmur", "murmur", "2", "set_b")),
                List.of(new ImportProblem(Path.of("set_b.csv"), 3, "no such file")));
        RecordingCollection other = new RecordingCollection(Path.of("elsewhere", "pascal2011"), Layout.KAGGLE_PASCAL,
                List.of(recording("set_b/normal__2", "normal", "normal", "2", "set_b")), List.of());
        RecordingCollection physionet = new RecordingCollection(Path.of("physionet2016"), Layout.PHYSIONET_2016,
                List.of(recording("training-a/a0001", "abnormal", "1", "a0001", "training-a")), List.of());

        Corpora named = Corpora.named(List.of(pascal, other, physionet));
        assertEquals(List.of("pascal2011", "pascal2011-2", "physionet2016"), List.copyOf(named.parts().keySet()));
        RecordingCollection combined = named.combined();
        assertEquals(Layout.GENERIC_CSV, combined.layout()); // the layouts differ
        assertEquals(pascal.root(), combined.root());
        assertEquals(List.of("pascal2011-2/set_b/normal__2", "pascal2011/set_b/murmur__2",
                "physionet2016/training-a/a0001"), combined.recordings().stream().map(Recording::id).toList());
        // patient 2 of the two PASCAL copies stays two patients
        assertEquals(3, combined.patients());
        assertEquals(1, combined.problems().size());
        assertEquals(Layout.KAGGLE_PASCAL, Corpora.named(List.of(pascal, other)).combined().layout());
    }
}
