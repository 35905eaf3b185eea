package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A label CSV a person wrote: its bad rows are problems of their own, and classifying needs no labels. */
class LabelCsvCollectionTest {

    private static final Path SAMPLES = Path.of("sample-recordings/circor");

    @TempDir
    Path folder;

    @Test
    void badRowsAreSkippedAndARecordingWithConflictingLabelsIsStillClassified() throws Exception {
        Path collection = Files.createDirectories(folder.resolve("collection"));
        Files.copy(SAMPLES.resolve("36327_MV.wav"), collection.resolve("a.wav"));
        Files.copy(SAMPLES.resolve("50049_PV.wav"), collection.resolve("b.wav"));
        Files.createDirectories(folder.resolve("outside"));
        Files.copy(SAMPLES.resolve("50127_TV.wav"), folder.resolve("outside/secret.wav"));
        Path labels = collection.resolve("labels.csv");
        Files.writeString(labels, String.join("\n",
                "path,label,patient",
                "a.wav,normal,p1",
                "b.wav,normal,p2",
                "b.wav,murmur,p2",
                "a.wav",
                "../outside/secret.wav,normal,p3",
                "/etc/passwd,normal,p4",
                ""));
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", collection.toString(), "--csv", csv.toString());

        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, run.exitCode(), "the bad rows are reported");
        List<String> recordings = Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")[0]).toList();
        assertEquals(List.of("a", "b"), recordings, "b's labels conflict, but classifying does not need them; the "
                + "label file's own problems are not recordings");
        assertTrue(run.err().contains(labels + ": line 4: conflicting labels"), run.err());
        assertTrue(run.err().contains(labels + ": line 5: 3 columns expected, found 1; row skipped"), run.err());
        assertTrue(run.err().contains(labels + ": line 6: path outside the collection folder: ../outside/secret.wav"),
                run.err());
        assertTrue(run.err().contains(labels + ": line 7: path outside the collection folder: /etc/passwd"),
                run.err());
    }
}
