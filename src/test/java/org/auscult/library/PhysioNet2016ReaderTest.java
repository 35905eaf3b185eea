package org.auscult.library;

import static org.auscult.library.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhysioNet2016ReaderTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    @BeforeEach
    void writeCollection() {
        Fixtures.wavs(root, "training-a/a0001.wav", "training-a/a0002.wav", "training-a/a0003.wav",
                "training-b/b0001.wav", "training-b/b0002.wav", "validation/a0001.wav");
        Fixtures.write(root.resolve("training-a/REFERENCE.csv"), "a0001,1\r\na0002,-1\r\na0003,-1\r\n".getBytes());
        Fixtures.text(root.resolve("training-b/REFERENCE.csv"), "b0001,-1", "b0003,1");
        Fixtures.text(root.resolve("validation/REFERENCE.csv"), "a0001,1");
    }

    @Test
    void recordsAreLabelledGroupedAndSourcedByFolder() throws IOException {
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.PHYSIONET_2016, collection.layout());
        assertEquals(Map.of("abnormal", 1, "normal", 3), collection.classCounts());
        assertEquals(List.of("training-a/a0001", "training-a/a0002", "training-a/a0003", "training-b/b0001",
                "training-b/b0002"), collection.recordings().stream().map(Recording::id).toList());
        Recording a1 = byId(collection, "training-a/a0001");
        assertEquals(Optional.of("abnormal"), a1.label());
        assertEquals("1", a1.originalLabel());
        assertEquals("a0001", a1.patient());
        assertEquals("training-a", a1.source());
        assertEquals("-1", byId(collection, "training-b/b0001").originalLabel());
        assertEquals(List.of("training-a", "training-b"), List.copyOf(collection.sources()));

        Recording unlisted = byId(collection, "training-b/b0002");
        assertEquals(Optional.empty(), unlisted.label());
        assertEquals("not listed in REFERENCE.csv", unlisted.metadata().get("note"));

        assertEquals(List.of(new ImportProblem(root.resolve("training-b/REFERENCE.csv"), 2,
                "listed but missing: " + root.resolve("training-b/b0003.wav"))), collection.problems());
    }

    @Test
    void oneTrainingFolderOnItsOwn() throws IOException {
        RecordingCollection collection = importer.importCollection(root.resolve("training-a"),
                ImportOptions.defaults());
        assertEquals(List.of("a0001", "a0002", "a0003"), collection.recordings().stream().map(Recording::id).toList());
        assertEquals(List.of("training-a"), List.copyOf(collection.sources()));
        RecordingCollection fromFile = importer.importCollection(root.resolve("training-a/REFERENCE.csv"),
                ImportOptions.defaults());
        assertEquals(collection, fromFile);
    }

    @Test
    void aLabelOtherThanOneOrMinusOneIsReportedWithItsLineAndTheRowSkipped() throws IOException {
        Path reference = Fixtures.text(root.resolve("training-a/REFERENCE.csv"), "a0001,1", "a0002,0", "a0003,-1");
        RecordingCollection collection = importer.importCollection(root.resolve("training-a"),
                ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(reference, 2,
                "label must be 1 (abnormal) or -1 (normal), found '0'; row skipped")), collection.problems());
        assertEquals(Map.of("abnormal", 1, "normal", 1), collection.classCounts(), "the rows around it are imported");
        Recording skipped = byId(collection, "a0002");
        assertEquals(Optional.empty(), skipped.label());
        assertEquals("not on any row read from REFERENCE.csv (some rows were skipped)", skipped.metadata().get("note"));
    }

    @Test
    void aRowOfTheWrongWidthIsReportedWithItsLineAndSkipped() throws IOException {
        Path reference = Fixtures.text(root.resolve("training-a/REFERENCE.csv"), "a0001,1", "a0002 -1", "a0003,-1");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(reference, 2, "2 columns expected, found 1; row skipped"),
                        new ImportProblem(root.resolve("training-b/REFERENCE.csv"), 2,
                                "listed but missing: " + root.resolve("training-b/b0003.wav"))),
                collection.problems());
        assertEquals(Optional.of("abnormal"), byId(collection, "training-a/a0001").label());
        assertEquals(Optional.of("normal"), byId(collection, "training-a/a0003").label());
        assertEquals(Optional.empty(), byId(collection, "training-a/a0002").label());
        assertEquals(Optional.of("normal"), byId(collection, "training-b/b0001").label(), "the other folder too");
    }

    @Test
    void aRecordNameThatIsNotAPlainFileNameIsReportedAndSkipped() throws IOException {
        Path reference = Fixtures.text(root.resolve("training-a/REFERENCE.csv"), "a0001,1", ",-1", "../a0003,-1",
                "a0002,-1");
        RecordingCollection collection = importer.importCollection(root.resolve("training-a"),
                ImportOptions.defaults());
        assertEquals(List.of(
                        new ImportProblem(reference, 2,
                                "record name must be a plain file name without extension, found ''; row skipped"),
                        new ImportProblem(reference, 3, "record name must be a plain file name without extension, "
                                + "found '../a0003'; row skipped")),
                collection.problems());
        assertEquals(Map.of("abnormal", 1, "normal", 1), collection.classCounts());
    }
}
