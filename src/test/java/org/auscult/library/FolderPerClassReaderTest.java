package org.auscult.library;

import static org.auscult.library.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPerClassReaderTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    @BeforeEach
    void writeCollection() {
        Fixtures.wavs(root, "Normal/p1_apex.wav", "Normal/p2_apex.wav", "murmur/p1_base.WAV", "murmur/p3.wav",
                "loose.wav", ".trash/p9_apex.wav", "empty/readme.txt");
        Fixtures.text(root.resolve("murmur/notes.txt"), "not audio");
    }

    @Test
    void theFolderNamesTheClass() throws IOException {
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.FOLDER_PER_CLASS, collection.layout());
        assertEquals(Map.of("murmur", 2, "normal", 2), collection.classCounts());
        assertEquals(List.of("Normal/p1_apex", "Normal/p2_apex", "loose", "murmur/p1_base", "murmur/p3"),
                collection.recordings().stream().map(Recording::id).toList());
        Recording apex = byId(collection, "Normal/p1_apex");
        assertEquals(Optional.of("normal"), apex.label());
        assertEquals("Normal", apex.originalLabel());
        assertEquals("p1_apex", apex.patient(), "by default each file is its own patient");
        assertEquals("", apex.source());
        assertEquals(Optional.empty(), byId(collection, "loose").label(), "WAVs in the root are unlabelled");
        assertEquals(List.of(), collection.problems());
    }

    @Test
    void linksAtTheRootThatLeadNowhereAreProblemsByName() throws IOException {
        Path dangling = Files.createSymbolicLink(root.resolve("dangling.wav"), root.resolve("gone.wav"));
        Path ghostClass = Files.createSymbolicLink(root.resolve("ghost"), root.resolve("no-such-folder"));
        Path loop = Files.createSymbolicLink(root.resolve("loop.wav"), root.resolve("loop.wav"));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.FOLDER_PER_CLASS, collection.layout());
        assertEquals(List.of(dangling, ghostClass, loop),
                collection.problems().stream().map(ImportProblem::file).sorted().toList());
        assertTrue(collection.problems().stream().filter(problem -> problem.file().equals(ghostClass))
                .allMatch(problem -> problem.reason().startsWith("a link to nothing")), collection.problems()::toString);
        assertEquals(Optional.empty(), byId(collection, "loose").label(), "the recordings at the root are still read");
    }

    @Test
    void patientsFromTheNamePrefixOnRequest() throws IOException {
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults()
                .withFolderPatients(ImportOptions.PatientNaming.PREFIX_BEFORE_UNDERSCORE));
        assertEquals("p1", byId(collection, "Normal/p1_apex").patient());
        assertEquals("p1", byId(collection, "murmur/p1_base").patient());
        assertEquals("p3", byId(collection, "murmur/p3").patient(), "a name without '_' is its own patient");
        assertEquals(Map.of("murmur", 2, "normal", 2), collection.patientCounts());
        assertEquals(3, collection.patients());
    }

    @Test
    void aFileInAFolderBelowKeepsTheFolderInItsPatientAndASiteNameIsItsFoldersPatient() throws IOException {
        Fixtures.wavs(root, "murmur/ward2/p1_apex.wav", "murmur/p7/MV.wav", "murmur/p7/AV.wav", "Normal/p8/mv.wav");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals("ward2/p1_apex", byId(collection, "murmur/ward2/p1_apex").patient(),
                "not the same patient as Normal/p1_apex");
        assertEquals("p1_apex", byId(collection, "Normal/p1_apex").patient());
        assertEquals("p7", byId(collection, "murmur/p7/MV").patient());
        assertEquals("p7", byId(collection, "murmur/p7/AV").patient());
        assertEquals("p8", byId(collection, "Normal/p8/mv").patient());

        Fixtures.wavs(root, "Normal/apex.wav", "murmur/apex.wav");
        RecordingCollection twoApexes = importer.importCollection(root, ImportOptions.defaults());
        assertEquals("Normal/apex", byId(twoApexes, "Normal/apex").patient(), "one name, two files, two patients");
        assertEquals("murmur/apex", byId(twoApexes, "murmur/apex").patient());
        assertEquals("p1_apex", byId(twoApexes, "Normal/p1_apex").patient(), "a name no other file has is kept");
        assertEquals("p1", importer.importCollection(root, ImportOptions.defaults()
                .withFolderPatients(ImportOptions.PatientNaming.PREFIX_BEFORE_UNDERSCORE))
                .recordings().stream().filter(r -> r.id().equals("murmur/ward2/p1_apex")).findFirst().orElseThrow()
                .patient(), "a name's own patient prefix is the patient wherever the file lies");
    }

    @Test
    void flacAndMp3AreRecordingsAndAudioThatCannotBeReadIsReportedNotDropped() throws IOException {
        Path compressed = Path.of("src/test/resources/org/auscult/audio/compressed");
        java.nio.file.Files.copy(compressed.resolve("40058_PV.flac"), root.resolve("murmur/p4.flac"));
        java.nio.file.Files.copy(compressed.resolve("tone-440-8k.mp3"), root.resolve("Normal/p5.MP3"));
        java.nio.file.Files.write(root.resolve("Normal/p6.ogg"),
                "OggS\0\u0002\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());

        assertEquals(Map.of("murmur", 3, "normal", 3), collection.classCounts(), "the FLAC and the MP3 count");
        Recording ogg = byId(collection, "Normal/p6");
        assertEquals(Optional.empty(), ogg.label(), "kept to be seen, not trained on");
        String reason = ogg.metadata().get(Recording.PROBLEM);
        assertEquals(true, reason.startsWith("Ogg audio (Vorbis, Opus or FLAC in Ogg), which cannot be decoded"),
                reason);
        assertEquals(true, reason.endsWith("ffmpeg -i \"p6.ogg\" \"p6.wav\""), reason);
        assertEquals(1, collection.problems().size());
        ImportProblem problem = collection.problems().get(0);
        assertEquals(root.resolve("Normal/p6.ogg").toAbsolutePath().normalize(), problem.file());
        assertEquals(true, problem.reason().endsWith(reason), problem.reason());
    }
}
