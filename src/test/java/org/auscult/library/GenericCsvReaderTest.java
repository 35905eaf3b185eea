package org.auscult.library;

import static org.auscult.library.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvReaderTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    private RecordingCollection importRoot() throws IOException {
        return importer.importCollection(root, ImportOptions.defaults());
    }

    @Test
    void pathsLabelsPatientsSourcesAndMetadata() throws IOException {
        Fixtures.wavs(root, "rec/a.wav", "rec/b, with comma.wav", "rec/c.wav", "d.wav");
        Fixtures.text(root.resolve("labels.csv"),
                "path,label,patient,source,age,site",
                "rec/a.wav,Normal,p1,clinic,12,\"Ward 3, bed 2\"",
                "\"rec/b, with comma.wav\", MURMUR ,p1,clinic,12,",
                "rec/c.wav,,p2,home,40,",
                "d.wav,extrastole,,,,");
        RecordingCollection collection = importRoot();
        assertEquals(Layout.GENERIC_CSV, collection.layout());
        assertEquals(List.of(), collection.problems());
        assertEquals(Map.of("extrastole", 1, "murmur", 1, "normal", 1), collection.classCounts());
        assertEquals(Map.of("extrastole", 1, "murmur", 1, "normal", 1), collection.patientCounts());

        Recording a = byId(collection, "rec/a");
        assertEquals(Optional.of("normal"), a.label());
        assertEquals("Normal", a.originalLabel());
        assertEquals("p1", a.patient());
        assertEquals("clinic", a.source());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("age", "12");
        expected.put("site", "Ward 3, bed 2");
        assertEquals(expected, a.metadata());
        assertEquals(List.of("age", "site"), List.copyOf(a.metadata().keySet()), "metadata keeps column order");

        Recording b = byId(collection, "rec/b, with comma");
        assertEquals(Optional.of("murmur"), b.label());
        assertEquals(root.resolve("rec/b, with comma.wav"), b.path());

        Recording c = byId(collection, "rec/c");
        assertEquals(Optional.empty(), c.label(), "an empty label is unlabelled");
        assertEquals(List.of(c), collection.unlabelled());

        Recording d = byId(collection, "d");
        assertEquals("d", d.patient(), "without a patient, a recording is its own patient");
        assertEquals("", d.source());
    }

    @Test
    void aCsvGivenByNameMayHaveAnyNameAndAbsoluteOrBackslashPaths() throws IOException {
        Path elsewhere = Fixtures.wav(root.resolve("elsewhere/x.wav"));
        Fixtures.wavs(root, "list/sub/y.wav");
        Path csv = Fixtures.text(root.resolve("list/my labels.csv"),
                "label,path",
                "normal," + elsewhere.toAbsolutePath(),
                "murmur,sub\\y.wav");
        RecordingCollection collection = importer.importCollection(csv, ImportOptions.defaults());
        assertEquals(root.resolve("list"), collection.root());
        assertEquals(List.of(), collection.problems());
        assertEquals(2, collection.trainable().size());
        assertTrue(collection.recordings().stream().anyMatch(r -> r.id().equals("sub/y")));
    }

    @Test
    void missingFilesDuplicateRowsAndConflictingLabelsAreProblems() throws IOException {
        Fixtures.wavs(root, "a.wav", "b.wav");
        Path csv = Fixtures.text(root.resolve("labels.csv"),
                "path,label",
                "a.wav,normal",
                "gone.wav,murmur",
                "a.wav,normal",
                "b.wav,normal",
                "b.wav,murmur");
        RecordingCollection collection = importRoot();
        assertEquals(2, collection.recordings().size());
        List<ImportProblem> problems = collection.problems();
        assertEquals(List.of(3, 4, 6), problems.stream().map(ImportProblem::line).toList());
        problems.forEach(problem -> assertEquals(csv, problem.file()));
        assertEquals("listed but missing: " + root.resolve("gone.wav"), problems.get(0).reason());
        assertEquals("duplicate row for " + root.resolve("a.wav") + ", already listed on line 2; ignored",
                problems.get(1).reason());
        assertTrue(problems.get(2).reason().startsWith("conflicting labels"), problems.get(2).reason());
        assertEquals(Optional.of("normal"), byId(collection, "a").label());
        Recording conflicting = byId(collection, "b");
        assertEquals(Optional.empty(), conflicting.label(), "two labels for one file: neither is trained on");
        assertEquals(problems.get(2).reason(), conflicting.metadata().get("problem"));
    }

    @Test
    void aRowOfTheWrongColumnCountIsAProblemAndTheRestIsImported() throws IOException {
        Fixtures.wavs(root, "a.wav", "b.wav");
        Path csv = Fixtures.text(root.resolve("labels.csv"),
                "path,label,patient",
                "a.wav,normal,p1",
                "a.wav",
                "b.wav,murmur,p2");
        RecordingCollection collection = importRoot();
        ImportProblem problem = collection.problems().get(0);
        assertEquals(csv, problem.file());
        assertEquals(3, problem.line());
        assertEquals(csv + " line 3: 3 columns expected, found 1; row skipped", problem.toString());
        assertEquals(1, collection.problems().size());
        assertEquals(Map.of("murmur", 1, "normal", 1), collection.classCounts(), "the other rows are imported");
    }

    @Test
    void aLinkToAFileOutsideTheFolderThatIsNotARecordingIsAProblem() throws IOException {
        Fixtures.wavs(root, "coll/a.wav", "outside/elsewhere.wav");
        Path secret = Fixtures.text(root.resolve("outside/passwords"), "root:x:0:0:root:/root:/bin/bash");
        Files.createDirectories(root.resolve("coll/rec"));
        Files.createSymbolicLink(root.resolve("coll/rec/evil.wav"), secret);
        Files.createSymbolicLink(root.resolve("coll/rec/linked.wav"), root.resolve("outside/elsewhere.wav"));
        Files.createSymbolicLink(root.resolve("coll/outside"), root.resolve("outside"));
        Path csv = Fixtures.text(root.resolve("coll/labels.csv"),
                "path,label",
                "a.wav,normal",
                "rec/evil.wav,normal",
                "rec/linked.wav,murmur",
                "outside/passwords,normal");
        RecordingCollection collection = importer.importCollection(root.resolve("coll"), ImportOptions.defaults());
        assertEquals(List.of("a", "rec/linked"), collection.recordings().stream().map(Recording::id).toList(),
                "a link to a recording elsewhere is taken, as an absolute path to it is");
        List<ImportProblem> problems = collection.problems();
        assertEquals(List.of(3, 5), problems.stream().map(ImportProblem::line).toList());
        problems.forEach(problem -> assertEquals(csv, problem.file()));
        assertEquals("path outside the collection folder: rec/evil.wav links to " + secret.toRealPath()
                + ", which is not named like a recording (WAV, FLAC or MP3); row skipped", problems.get(0).reason());
        assertTrue(problems.get(1).reason().startsWith("path outside the collection folder: outside/passwords links to"),
                problems.get(1).reason());
    }

    @Test
    void pathsLeadingOutOfTheFolderAreProblems() throws IOException {
        Fixtures.wavs(root, "coll/a.wav", "outside/secret.wav");
        Path notAudio = Fixtures.text(root.resolve("outside/notes.txt"), "private");
        Path csv = Fixtures.text(root.resolve("coll/labels.csv"),
                "path,label",
                "a.wav,normal",
                "../outside/secret.wav,normal",
                "sub/../../outside/secret.wav,normal",
                notAudio.toAbsolutePath() + ",normal");
        RecordingCollection collection = importer.importCollection(root.resolve("coll"), ImportOptions.defaults());
        assertEquals(List.of("a"), collection.recordings().stream().map(Recording::id).toList());
        List<ImportProblem> problems = collection.problems();
        assertEquals(List.of(3, 4, 5), problems.stream().map(ImportProblem::line).toList());
        problems.forEach(problem -> assertEquals(csv, problem.file()));
        problems.forEach(problem -> assertTrue(problem.reason().startsWith("path outside the collection folder: "),
                problem.reason()));
        assertTrue(problems.get(0).reason().contains("../outside/secret.wav"), problems.get(0).reason());
        assertTrue(problems.get(2).reason().contains(notAudio.toAbsolutePath().toString()), problems.get(2).reason());
    }

    @Test
    void aMissingLabelColumnIsRefused() {
        Path csv = Fixtures.text(root.resolve("labels.csv"), "path,class", "a.wav,normal");
        CollectionFormatException e = assertThrows(CollectionFormatException.class, this::importRoot);
        assertEquals(csv, e.file());
        assertEquals(1, e.line());
        assertEquals("no 'label' column in header (columns: path, class)", e.reason());
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        Path csv = Fixtures.text(root.resolve("labels.csv"), "path,label", "a.wav,normal", "\"b.wav,murmur",
                "c.wav,normal");
        CollectionFormatException e = assertThrows(CollectionFormatException.class, this::importRoot);
        assertEquals(csv, e.file());
        assertEquals(3, e.line());
    }

    @Test
    void anEmptyPathIsAProblemAndTheOtherRowsAreRead() throws IOException {
        Fixtures.wavs(root, "a.wav", "b.wav");
        Path csv = Fixtures.text(root.resolve("labels.csv"), "path,label", "a.wav,normal", " ,normal",
                "b.wav,murmur");
        RecordingCollection collection = importRoot();
        assertEquals(Map.of("murmur", 1, "normal", 1), collection.classCounts());
        assertEquals(List.of(new ImportProblem(csv, 3, "empty path; row skipped")), collection.problems());
    }
}
