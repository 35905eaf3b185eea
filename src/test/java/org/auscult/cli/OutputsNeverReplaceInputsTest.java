package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --force replaces an earlier output, never a file the command reads: a recording, a label file, a model. */
class OutputsNeverReplaceInputsTest {

    static final Path SAMPLES = Path.of("sample-recordings/circor");

    @TempDir
    Path folder;

    private Path collection() throws IOException {
        Path copy = Files.createDirectories(folder.resolve("collection"));
        for (String name : new String[] {"36327_MV.wav", "36327_MV.tsv", "40058_PV.wav", "labels.csv"}) {
            Files.copy(SAMPLES.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    private static void assertRefused(Run run, Path file, byte[] before) throws IOException {
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(file.toString()), run.err());
        assertTrue(run.err().contains("--force never replaces an input"), run.err());
        assertArrayEquals(before, Files.readAllBytes(file), file + " is kept");
        assertEquals("", run.out(), "refused before any work");
    }

    @Test
    void aRecordingIsNotReplacedByAResultTable() throws IOException {
        Path wav = collection().resolve("36327_MV.wav");
        byte[] before = Files.readAllBytes(wav);
        assertRefused(CommandLineTest.run("classify", wav.toString(), "--csv", wav.toString(), "--force"), wav,
                before);
        assertRefused(CommandLineTest.run("info", wav.toString(), "--csv", wav.toString(), "--force"), wav, before);

        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), wav);
        Run throughALink = CommandLineTest.run("info", wav.toString(), "--csv", link.toString(), "--force");
        assertEquals(AuscultCommand.EXIT_USAGE, throughALink.exitCode(), throughALink.err());
        assertArrayEquals(before, Files.readAllBytes(wav), "the same file under another name");
    }

    @Test
    void aCollectionsFilesAreNotReplaced() throws IOException {
        Path collection = collection();
        Path labels = collection.resolve("labels.csv");
        byte[] before = Files.readAllBytes(labels);
        assertRefused(CommandLineTest.run("features", labels.toString(), "-o", labels.toString(), "--force"),
                labels, before);
        assertRefused(CommandLineTest.run("train", collection.toString(), "-o", labels.toString(), "--force",
                "--no-evaluate"), labels, before);
        Path wav = collection.resolve("40058_PV.wav");
        assertRefused(CommandLineTest.run("classify", collection.toString(), "--csv", wav.toString(), "--force"),
                wav, Files.readAllBytes(wav));
        Path annotation = collection.resolve("36327_MV.tsv");
        assertRefused(CommandLineTest.run("segment", "train", collection.toString(), "-o", annotation.toString(),
                "--force"), annotation, Files.readAllBytes(annotation));
    }

    @Test
    void theRecordingsALabelFileListsAreNotReplacedWhenTheLabelFileIsTheInput() throws IOException {
        Path collection = Files.createDirectories(folder.resolve("listed"));
        Path beside = collection.resolve("a.wav");
        Files.copy(SAMPLES.resolve("36327_MV.wav"), beside);
        Path outside = Files.createDirectories(folder.resolve("elsewhere")).resolve("b.wav");
        Files.copy(SAMPLES.resolve("40058_PV.wav"), outside);
        Path labels = Files.writeString(collection.resolve("labels.csv"),
                "path,label,patient\na.wav,murmur,p1\n" + outside.toAbsolutePath() + ",normal,p2\n");

        assertRefused(CommandLineTest.run("classify", labels.toString(), "--csv", beside.toString(), "--force"),
                beside, Files.readAllBytes(beside));
        assertRefused(CommandLineTest.run("info", labels.toString(), "--csv", beside.toString(), "--force"),
                beside, Files.readAllBytes(beside));
        assertRefused(CommandLineTest.run("train", labels.toString(), "-o", beside.toString(), "--force",
                "--no-evaluate"), beside, Files.readAllBytes(beside));
        assertRefused(CommandLineTest.run("classify", labels.toString(), "--csv", outside.toString(), "--force"),
                outside, Files.readAllBytes(outside));
    }

    @Test
    void aSidecarIsNotWrittenOverTheConfigurationRead() throws IOException {
        Path wav = collection().resolve("36327_MV.wav");
        Path config = Files.writeString(folder.resolve("table.csv.properties"), "analysis.rate=2000\n");
        byte[] before = Files.readAllBytes(config);
        assertRefused(CommandLineTest.run("features", wav.toString(), "--config", config.toString(), "-o",
                folder.resolve("table.csv").toString(), "--force"), config, before);
    }

    @Test
    void aNewFileInAnInputFolderAndAnEarlierResultThereAreStillWritten() throws IOException {
        Path collection = Files.createDirectories(folder.resolve("recordings"));
        Files.copy(SAMPLES.resolve("36327_MV.wav"), collection.resolve("36327_MV.wav"));
        Path results = collection.resolve("results.csv");
        Run first = CommandLineTest.run("info", collection.toString(), "--csv",
                results.toString());
        assertEquals(0, first.exitCode(), first.err());
        Run again = CommandLineTest.run("info", collection.toString(), "--csv",
                results.toString(), "--force");
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.readString(results).isEmpty());
    }
}
