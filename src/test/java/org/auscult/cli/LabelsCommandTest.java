package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.auscult.cli.CommandLineTest.Run;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingRef;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/** {@code auscult labels}: import, export, the training collection and the labelled feature table. */
class LabelsCommandTest {

    static final Path SAMPLES = Path.of("sample-recordings/circor");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path db() {
        return folder.resolve("labels.db");
    }

    @Test
    void audacityImportExportAndDisagreements() throws Exception {
        Path wav = SAMPLES.resolve("36327_MV.wav");
        Path track = folder.resolve("track.txt");
        Files.writeString(track, "0.500000\t0.500000\tS1\n0.600000\t0.900000\tmurmur\n");
        Run imported = CommandLineTest.run("labels", "import", "--db", db().toString(), "--format", "audacity",
                "--recording", wav.toString(), "--as", "user", track.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("Imported 0 recording labels and 2 events"), imported.out());
        Path out = folder.resolve("out.txt");
        Run exported = CommandLineTest.run("labels", "export", "--db", db().toString(), "--format", "audacity",
                "--recording", wav.toString(), "-o", out.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals(Files.readString(track), Files.readString(out));
        Run again = CommandLineTest.run("labels", "export", "--db", db().toString(), "--format", "audacity",
                "--recording", wav.toString(), "-o", out.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, again.exitCode(), "nothing is overwritten without --force, and "
                + "this is known before any work");

        Run missing = CommandLineTest.run("labels", "import", "--db", db().toString(), "--format", "circor",
                track.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("--recording WAV"), missing.err());

        try (LabelStore store = LabelStore.open(db())) {
            RecordingRef ref = store.findRecording(wav).orElseThrow();
            new LabelService(store, "ana", CLOCK).setClass(ref, Opinion.FIRST, "murmur");
            new LabelService(store, "ben", CLOCK).setClass(ref, Opinion.SECOND, "normal");
        }
        Run disagreements = CommandLineTest.run("labels", "disagreements", "--db", db().toString());
        assertEquals(0, disagreements.exitCode(), disagreements.err());
        assertEquals("path,first,first_labeller,second,second_labeller\n"
                + wav.toAbsolutePath().normalize() + ",murmur,ana,normal,ben\n", disagreements.out());
    }

    @Test
    void theStoresLabelsFeedTrainingAndTheFeatureTable() throws Exception {
        RecordingCollection original = new CollectionImporter().importCollection(SAMPLES, ImportOptions.defaults());
        Recording relabelled = original.recordings().stream().filter(r -> r.label().equals(Optional.of("normal")))
                .findFirst().orElseThrow();
        Recording unusable = original.recordings().stream().filter(r -> r.label().equals(Optional.of("murmur")))
                .findFirst().orElseThrow();
        try (LabelStore store = LabelStore.open(db())) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            service.setClass(service.recording(relabelled.path()), Opinion.FIRST, "extrahls");
            service.setQuality(service.recording(unusable.path()), Opinion.FIRST, Quality.UNUSABLE);
        }

        Run imported = CommandLineTest.run("labels", "import", "--db", db().toString(), "--format", "collection",
                SAMPLES.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().startsWith("Imported 16 recording labels and 0 events"), imported.out());
        try (LabelStore store = LabelStore.open(db())) {
            RecordingRef ref = store.lookup(relabelled.path()).orElseThrow();
            assertEquals(Optional.of("normal"), store.label(ref.id(), org.auscult.labels.Source.IMPORT, Opinion.FIRST)
                    .flatMap(org.auscult.labels.RecordingLabel::labelClass));
            assertEquals("CIRCOR_2022", store.label(ref.id(), org.auscult.labels.Source.IMPORT, Opinion.FIRST)
                    .orElseThrow().labeller());
            assertEquals(Optional.of("extrahls"), store.currentClass(ref.id()), "the user's class wins");
        }

        Path csv = folder.resolve("train.csv");
        Run run = CommandLineTest.run("labels", "export", "--db", db().toString(), "--format", "collection",
                "--collection", SAMPLES.toString(), "-o", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("labels from you 1, imported 14, the collection 0; unlabelled 0, unusable 1"),
                run.out());
        RecordingCollection training = new CollectionImporter().importCollection(csv, ImportOptions.defaults());
        Map<Path, Recording> byPath = training.recordings().stream()
                .collect(Collectors.toMap(r -> r.path().toAbsolutePath().normalize(), r -> r));
        assertEquals(original.recordings().size(), training.recordings().size());
        for (Recording before : original.recordings()) {
            Recording after = byPath.get(before.path().toAbsolutePath().normalize());
            assertEquals(before.patient(), after.patient(), before.id());
            Optional<String> expected = before.equals(relabelled) ? Optional.of("extrahls")
                    : before.equals(unusable) ? Optional.empty() : before.label();
            assertEquals(expected, after.label(), before.id());
        }

        Path arff = folder.resolve("labelled.arff");
        Run features = CommandLineTest.run("labels", "export", "--db", db().toString(), "--format", "features",
                "--collection", SAMPLES.toString(), "-o", arff.toString(), "-j", "2");
        assertEquals(0, features.exitCode(), features.err());
        ArffLoader loader = new ArffLoader();
        loader.setFile(arff.toFile());
        Instances data = loader.getDataSet();
        data.setClassIndex(data.numAttributes() - 1);
        assertEquals(16, data.numInstances());
        int idColumn = data.attribute("id").index();
        for (Instance row : data) {
            String id = row.stringValue(idColumn);
            if (id.equals(relabelled.id())) {
                assertEquals("extrahls", row.stringValue(row.classIndex()));
            } else if (id.equals(unusable.id())) {
                assertTrue(row.classIsMissing(), "an unusable recording has no class to train on");
            } else {
                Recording r = original.recordings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                assertEquals(r.label().orElseThrow(), row.stringValue(row.classIndex()), id);
            }
        }
    }

    @Test
    void onlyImportCreatesADatabase() throws Exception {
        Path absent = folder.resolve("no/such/folder/labels.db");
        Path out = folder.resolve("z.csv");
        Run export = CommandLineTest.run("labels", "export", "--db", absent.toString(), "--format", "csv",
                "-o", out.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, export.exitCode(), export.out());
        assertTrue(export.err().contains("no label database at " + absent), export.err());
        assertEquals("", export.out());
        Run disagreements = CommandLineTest.run("labels", "disagreements", "--db", absent.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, disagreements.exitCode(), disagreements.out());
        assertTrue(disagreements.err().contains(absent.toString()), disagreements.err());
        assertTrue(Files.notExists(folder.resolve("no")), "nothing is created for a command that only reads");
        assertTrue(Files.notExists(out));

        Path track = folder.resolve("track.txt");
        Files.writeString(track, "0.500000\t0.500000\tS1\n");
        Run imported = CommandLineTest.run("labels", "import", "--db", absent.toString(), "--format", "audacity",
                "--recording", SAMPLES.resolve("36327_MV.wav").toString(), track.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(Files.isRegularFile(absent), "import stores labels, so it creates the database");
    }

    @Test
    void aCommandThatOnlyReadsRefusesAFileThatIsNotALabelDatabaseAndLeavesItAsItWas() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.db"));
        Path text = Files.writeString(folder.resolve("notes.db"), "not a database, only some notes\n");
        for (Path notADatabase : new Path[] {empty, text}) {
            byte[] before = Files.readAllBytes(notADatabase);
            Run export = CommandLineTest.run("labels", "export", "--db", notADatabase.toString(), "--format", "csv",
                    "-o", folder.resolve("out.csv").toString());
            assertEquals(AuscultCommand.EXIT_INPUT_FAILED, export.exitCode(), export.err());
            assertTrue(export.err().contains(notADatabase + ": not a label database"), export.err());
            Run disagreements = CommandLineTest.run("labels", "disagreements", "--db", notADatabase.toString());
            assertEquals(AuscultCommand.EXIT_INPUT_FAILED, disagreements.exitCode(), disagreements.err());
            assertTrue(disagreements.err().contains("not a label database"), disagreements.err());
            assertEquals(java.util.Arrays.toString(before),
                    java.util.Arrays.toString(Files.readAllBytes(notADatabase)), notADatabase + " is left as it was");
        }
        Run aFolder = CommandLineTest.run("labels", "export", "--db", folder.toString(), "--format", "csv",
                "-o", folder.resolve("out.csv").toString());
        assertEquals(AuscultCommand.EXIT_USAGE, aFolder.exitCode(), aFolder.err());
        assertTrue(aFolder.err().contains(folder + " is a folder, not a label database"), aFolder.err());
        assertTrue(Files.notExists(folder.resolve("out.csv")));
    }
}
