package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CollectionImporterTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    /** The smallest folder of each layout, and the label file to point at directly ("" for none). */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(Layout.KAGGLE_PASCAL, "set_a.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "set_a/normal__201102081321.wav");
                    Fixtures.text(dir.resolve("set_a.csv"), "dataset,fname,label,sublabel",
                            "a,set_a/normal__201102081321.wav,normal,");
                }),
                Arguments.of(Layout.KAGGLE_PASCAL, "labels.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "set_b/normal__103_1305031931979_B.wav");
                    Fixtures.text(dir.resolve("labels.csv"), "path,dataset,label,sublabel,csv_fname,sha1",
                            "set_b/normal__103_1305031931979_B.wav,b,normal,,x,y");
                }),
                Arguments.of(Layout.GENERIC_CSV, "labels.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "a.wav");
                    Fixtures.text(dir.resolve("labels.csv"), "path,label", "a.wav,normal");
                }),
                Arguments.of(Layout.GENERIC_CSV, "my-list.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "normal/a.wav");
                    Fixtures.text(dir.resolve("my-list.csv"), "label,path,patient", "normal,normal/a.wav,p1");
                    Fixtures.text(dir.resolve("unrelated.csv"), "x,y", "1,2");
                }),
                Arguments.of(Layout.FOLDER_PER_CLASS, "", (Fixture) dir -> {
                    Fixtures.wavs(dir, "normal/a.wav", "murmur/b.wav");
                    Fixtures.text(dir.resolve("unrelated.csv"), "x,y", "1,2");
                }),
                Arguments.of(Layout.PHYSIONET_2016, "training-a/REFERENCE.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "training-a/a0001.wav");
                    Fixtures.text(dir.resolve("training-a/REFERENCE.csv"), "a0001,1");
                }),
                Arguments.of(Layout.CIRCOR_2022, "training_data.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "training_data/2530_AV.wav");
                    Fixtures.text(dir.resolve("training_data.csv"), "Patient ID,Recording locations:,Murmur,"
                            + "Murmur locations", "2530,AV,Absent,nan");
                }),
                Arguments.of(Layout.CIRCOR_2022, "labels.csv", (Fixture) dir -> {
                    Fixtures.wavs(dir, "36327_MV.wav");
                    Fixtures.text(dir.resolve("labels.csv"), "path,patient_id,location,murmur",
                            "36327_MV.wav,36327,MV,present");
                }));
    }

    @FunctionalInterface
    interface Fixture {
        void write(Path dir);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("layouts")
    void eachLayoutIsDetectedFromItsFolderAndItsLabelFile(Layout layout, String labelFile, Fixture fixture)
            throws IOException {
        fixture.write(root);
        assertEquals(Optional.of(layout), CollectionImporter.detect(root));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(layout, collection.layout());
        assertEquals(List.of(), collection.problems());
        assertTrue(collection.trainable().size() >= 1);
        if (!labelFile.isEmpty()) {
            assertEquals(Optional.of(layout), CollectionImporter.detect(root.resolve(labelFile)));
            assertEquals(collection.trainable().size(),
                    importer.importCollection(root.resolve(labelFile), ImportOptions.defaults()).trainable().size());
        }
    }

    @Test
    void aPlainFolderOfRecordingsOpensUnlabelledWithEveryRecordingBelowIt() throws IOException {
        Fixtures.wavs(root, "a.wav", "B.WAV", ".trash/old.wav");
        Fixtures.text(root.resolve("notes.txt"), "three recordings from the ward");
        assertEquals(Optional.of(Layout.PLAIN_FOLDER), CollectionImporter.detect(root));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.PLAIN_FOLDER, collection.layout());
        assertEquals(List.of("B", "a"), collection.recordings().stream().map(Recording::id).toList());
        assertTrue(collection.recordings().stream().allMatch(r -> r.label().isEmpty()));
        assertEquals(List.of(), collection.trainable());
        assertEquals(List.of(), collection.problems());
    }

    @Test
    void aNamedPlainFolderReadsNestedFoldersWithoutTakingThemForClasses() throws IOException {
        Fixtures.wavs(root, "ward2/p1/apex.wav", "ward2/p2/apex.wav", "clinic/p3_base.wav");
        // detection takes sub-folders for classes; the plain layout, named, keeps them as folders
        assertEquals(Optional.of(Layout.FOLDER_PER_CLASS), CollectionImporter.detect(root));
        RecordingCollection plain = importer.importCollection(root,
                ImportOptions.defaults().withLayout(Layout.PLAIN_FOLDER));
        assertEquals(List.of("clinic/p3_base", "ward2/p1/apex", "ward2/p2/apex"),
                plain.recordings().stream().map(Recording::id).toList());
        assertEquals(List.of("clinic/p3_base", "ward2/p1/apex", "ward2/p2/apex"),
                plain.recordings().stream().map(Recording::patient).toList(), "two apex files, two patients");
        assertEquals(Map.of(), plain.classCounts());
    }

    @Test
    void recordingsNamedByRecordModeBelongToTheirPatient() throws IOException {
        Fixtures.wavs(root, "p12_MV_20261205-083000.wav", "p12_AV_20261205-083140.wav", "p 12_TV.wav",
                "x_MV_2026.wav");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.PLAIN_FOLDER, collection.layout());
        Map<String, String> patients = new java.util.TreeMap<>();
        collection.recordings().forEach(r -> patients.put(r.id(), r.patient()));
        assertEquals(Map.of("p12_MV_20261205-083000", "p12", "p12_AV_20261205-083140", "p12",
                "p 12_TV", "p 12_TV", "x_MV_2026", "x_MV_2026"), patients, "other names stay their own patients");
    }

    @Test
    void aPlainFolderWithoutRecordingsIsRefusedWhenNamed() {
        Fixtures.text(root.resolve("notes.txt"), "nothing to see");
        UnrecognisedCollectionException e = assertThrows(UnrecognisedCollectionException.class,
                () -> importer.importCollection(root, ImportOptions.defaults().withLayout(Layout.PLAIN_FOLDER)));
        assertTrue(e.getMessage().contains("it holds no recordings"), e.getMessage());
    }

    @Test
    void aFolderWithoutRecordingsIsRefusedNamingEveryLayoutLookedFor() {
        Fixtures.text(root.resolve("notes.txt"), "nothing to see");
        Fixtures.text(root.resolve("sub/more.txt"), "nor here");
        assertEquals(Optional.empty(), CollectionImporter.detect(root));
        UnrecognisedCollectionException e = assertThrows(UnrecognisedCollectionException.class,
                () -> importer.importCollection(root, ImportOptions.defaults()));
        assertTrue(e.getMessage().startsWith(root + ": not a recognised collection. Looked for: "), e.getMessage());
        for (Layout layout : Layout.values()) {
            assertTrue(e.getMessage().contains(layout.lookedFor()), layout + " missing from: " + e.getMessage());
        }
    }

    @Test
    void anEmptyFolderAndAMissingPathAreNotCollections() {
        assertEquals(Optional.empty(), CollectionImporter.detect(root));
        assertEquals(Optional.empty(), CollectionImporter.detect(root.resolve("absent")));
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> importer.importCollection(root.resolve("absent"), ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
    }

    @Test
    void aNamedLayoutSkipsDetection() throws IOException {
        // a labels.csv that is also a generic CSV would be detected as such; naming the layout reads class folders
        Fixtures.wavs(root, "normal/a.wav", "murmur/b.wav");
        Fixtures.text(root.resolve("labels.csv"), "path,label", "normal/a.wav,murmur");
        assertEquals(Optional.of(Layout.GENERIC_CSV), CollectionImporter.detect(root));
        RecordingCollection byFolders = importer.importCollection(root,
                ImportOptions.defaults().withLayout(Layout.FOLDER_PER_CLASS));
        assertEquals(Map.of("murmur", 1, "normal", 1), byFolders.classCounts());
    }

    @Test
    void aNamedLayoutThatDoesNotFitIsRefused() {
        Fixtures.wavs(root, "normal/a.wav");
        UnrecognisedCollectionException e = assertThrows(UnrecognisedCollectionException.class,
                () -> importer.importCollection(root, ImportOptions.defaults().withLayout(Layout.PHYSIONET_2016)));
        assertTrue(e.getMessage().contains(Layout.PHYSIONET_2016.lookedFor()), e.getMessage());
    }

    @Test
    void aCsvWithoutALabelColumnIsAFormatErrorNotAnUnknownLayout() {
        Path csv = Fixtures.text(root.resolve("recordings.csv"), "path,diagnosis", "a.wav,normal");
        assertEquals(Optional.of(Layout.GENERIC_CSV), CollectionImporter.detect(csv));
        CollectionFormatException e = assertThrows(CollectionFormatException.class,
                () -> importer.importCollection(csv, ImportOptions.defaults()));
        assertEquals(csv + " line 1: no 'label' column in header (columns: path, diagnosis)", e.getMessage());
    }

    @Test
    void recordingsFailingTheCheckAreListedButNotTrainable() throws IOException {
        Fixtures.wavs(root, "good.wav", "bad.wav");
        Path csv = Fixtures.text(root.resolve("labels.csv"), "path,label", "good.wav,normal", "bad.wav,murmur");
        RecordingCheck rejectBad = file -> file.getFileName().toString().equals("bad.wav")
                ? Optional.of("data chunk is 0 bytes") : Optional.empty();
        RecordingCollection collection = importer.importCollection(root,
                ImportOptions.defaults().withCheck(rejectBad));
        assertEquals(Map.of("normal", 1), collection.classCounts());
        Recording bad = Fixtures.byId(collection, "bad");
        assertEquals(Optional.empty(), bad.label());
        assertEquals("murmur", bad.originalLabel());
        assertEquals("data chunk is 0 bytes", bad.metadata().get("problem"));
        assertEquals(List.of(new ImportProblem(csv, 3,
                "unreadable recording " + root.resolve("bad.wav") + ": data chunk is 0 bytes")), collection.problems());
    }

    @Test
    void theDefaultCheckRejectsWhatIsNotARegularFile() {
        Fixtures.wavs(root, "a.wav");
        RecordingCheck check = RecordingCheck.exists();
        assertEquals(Optional.empty(), check.problem(root.resolve("a.wav")));
        assertEquals(Optional.of("not a regular file"), check.problem(root));
    }

    @Test
    void aFolderNamedLikeAWavIsUnreadable() throws IOException {
        Files.createDirectories(root.resolve("folder.wav"));
        Path csv = Fixtures.text(root.resolve("labels.csv"), "path,label", "folder.wav,normal");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(0, collection.trainable().size());
        assertEquals(List.of(new ImportProblem(csv, 2,
                "unreadable recording " + root.resolve("folder.wav") + ": not a regular file")), collection.problems());
    }
}
