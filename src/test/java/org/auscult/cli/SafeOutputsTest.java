package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.auscult.cli.CommandLineTest.Run;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs are checked before the work starts and a table is never left beside another run's sidecar; label imports
 * and exports from the command line keep what the user said and write CSV that reads back.
 */
class SafeOutputsTest {

    static final Path SAMPLES = Path.of("sample-recordings/circor");
    static final Path WAV = SAMPLES.resolve("36327_MV.wav");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path oneRecording() throws IOException {
        Path recordings = folder.resolve("recordings");
        if (!Files.exists(recordings)) {
            Files.copy(WAV, Files.createDirectories(recordings).resolve(WAV.getFileName()));
        }
        return recordings;
    }

    @Test
    void aTableIsNotWrittenBesideAnotherRunsSidecar() throws IOException {
        Path table = folder.resolve("x.csv");
        Path sidecar = folder.resolve("x.csv.properties");
        Files.writeString(sidecar, "# another run\n");
        Run refused = CommandLineTest.run("features", oneRecording().toString(), "-o", table.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("x.csv.properties"), refused.err());
        assertFalse(Files.exists(table), "neither the table nor the sidecar is written");
        assertEquals("# another run\n", Files.readString(sidecar));
        assertEquals("", refused.out(), "nothing was analysed");

        Run forced = CommandLineTest.run("features", oneRecording().toString(), "-o", table.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(table).startsWith("id,"));
        assertFalse(Files.readString(sidecar).contains("another run"), "both are from the same run");
    }

    @Test
    void anExistingOutputIsRefusedBeforeAnyInputIsRead() throws IOException {
        Path table = Files.writeString(folder.resolve("t.csv"), "precious");
        Run features = CommandLineTest.run("features", folder.resolve("missing.wav").toString(), "-o",
                table.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, features.exitCode());
        assertTrue(features.err().contains("t.csv already exists"), features.err());
        assertEquals("precious", Files.readString(table));

        Path json = Files.writeString(folder.resolve("report.json"), "precious");
        Run evaluate = CommandLineTest.run("evaluate", SAMPLES.toString(), "--folds", "2", "--repeats", "1",
                "--json", json.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("report.json already exists"), evaluate.err());
        assertEquals("", evaluate.out(), "refused before the evaluation, not after it");
        assertEquals("precious", Files.readString(json));

        Path csv = Files.writeString(folder.resolve("classes.csv"), "precious");
        Run classify = CommandLineTest.run("classify", folder.resolve("missing.wav").toString(), "--csv",
                csv.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, classify.exitCode(), classify.err());
        assertTrue(classify.err().contains("classes.csv already exists"), classify.err());

        Path infoCsv = Files.writeString(folder.resolve("info.csv"), "precious");
        Run info = CommandLineTest.run("info", SAMPLES.toString(), "--csv", infoCsv.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, info.exitCode(), info.err());
        assertTrue(info.err().contains("info.csv already exists"), info.err());
        assertEquals("", info.out(), "refused before any recording is measured");
        assertEquals("precious", Files.readString(infoCsv));
    }

    @Test
    void labelsCsvImportedAsImportIsKeptApartAndSigned() throws IOException {
        Path db = folder.resolve("labels.db");
        Path csv = Files.writeString(folder.resolve("labels.csv"), "path,label\n" + WAV.toAbsolutePath()
                + ",murmur\n");
        Run run = CommandLineTest.run("labels", "import", "--db", db.toString(), "--format", "csv", "--as", "import",
                csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (LabelStore store = LabelStore.open(db)) {
            RecordingRef ref = store.findRecording(WAV).orElseThrow();
            assertTrue(store.label(ref.id(), Source.USER, Opinion.FIRST).isEmpty(), "not the user's own label");
            RecordingLabel imported = store.label(ref.id(), Source.IMPORT, Opinion.FIRST).orElseThrow();
            assertEquals("murmur", imported.labelClass().orElseThrow());
            assertFalse(imported.labeller().isBlank(), "signed");
            assertTrue(imported.labelledAt().isAfter(Instant.EPOCH), "dated when it was imported");
        }
    }

    @Test
    void disagreementsAreCsvThatReadsBack() throws IOException {
        Path db = folder.resolve("labels.db");
        Path wav = Files.copy(WAV, Files.createDirectories(folder.resolve("ward 3, bed \"2\"")).resolve("a.wav"));
        try (LabelStore store = LabelStore.open(db)) {
            RecordingRef ref = new LabelService(store, "ana", CLOCK).recording(wav);
            new LabelService(store, "ana, md", CLOCK).setClass(ref, Opinion.FIRST, "murmur");
            new LabelService(store, "ben", CLOCK).setClass(ref, Opinion.SECOND, "normal");
        }
        Run run = CommandLineTest.run("labels", "disagreements", "--db", db.toString());
        assertEquals(0, run.exitCode(), run.err());
        String path = wav.toAbsolutePath().normalize().toString();
        assertEquals("path,first,first_labeller,second,second_labeller\n\"" + path.replace("\"", "\"\"")
                + "\",murmur,\"ana, md\",normal,ben\n", run.out());
    }

    @Test
    void anOutputFolderThatTakesNoFileIsFoundBeforeTheWork() throws IOException {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "needs Linux's /proc");
        Run segment = CommandLineTest.run("segment", oneRecording().toString(), "--out", proc.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, segment.exitCode(), segment.err());
        assertTrue(segment.err().contains("/proc/summary.csv: cannot be written here"), segment.err());
        assertEquals("", segment.out(), "nothing was segmented");

        Run features = CommandLineTest.run("features", oneRecording().toString(), "-o", "/proc/x.csv");
        assertEquals(AuscultCommand.EXIT_USAGE, features.exitCode(), features.err());
        assertTrue(features.err().contains("/proc/x.csv: cannot be written here"), features.err());
        assertFalse(features.err().contains(".partial"), features.err());
    }

    @Test
    void aDashIsNotTakenForAFileName() throws IOException {
        Run dash = CommandLineTest.run("info", oneRecording().toString(), "--csv", "-");
        assertEquals(AuscultCommand.EXIT_USAGE, dash.exitCode(), dash.err());
        assertTrue(dash.err().contains("-: outputs are written to files, not standard output"), dash.err());
        assertFalse(Files.exists(Path.of("-")), "no file called - in the working folder");
    }

    @Test
    void noTableIsWrittenWhenNoRecordingCouldBeRead() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.wav"), "not a recording");
        Path table = folder.resolve("t.csv");
        Run features = CommandLineTest.run("features", broken.toString(), folder.resolve("missing.wav").toString(),
                "-o", table.toString());
        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, features.exitCode(), features.err());
        assertTrue(features.err().contains("No recording could be read; " + table + " is not written"),
                features.err());
        assertTrue(features.err().contains("2 inputs failed"), features.err());
        assertFalse(Files.exists(table), "no header-only table");
        assertFalse(Files.exists(folder.resolve("t.csv.properties")), "no sidecar");
    }
}
