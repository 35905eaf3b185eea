package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings of the same name in different folders get rows that tell them apart. */
class ClassifySameNamesTest {

    @TempDir
    Path folder;

    @Test
    void rowsAreNamedByThePathBelowTheSharedFolder() throws Exception {
        Path first = Files.createDirectories(folder.resolve("dup/s1")).resolve("x.wav");
        Path second = Files.createDirectories(folder.resolve("dup/s2")).resolve("x.wav");
        Path unique = folder.resolve("dup/s2/y.wav");
        Files.copy(CommandLineTest.SAMPLES.resolve("36327_MV.wav"), first);
        Files.copy(CommandLineTest.SAMPLES.resolve("40058_PV.wav"), second);
        Files.copy(CommandLineTest.SAMPLES.resolve("50049_PV.wav"), unique);
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", first.toString(), second.toString(), unique.toString(),
                "--csv", csv.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("s1/x", "s2/x", "y"), Files.readAllLines(csv).stream().skip(1)
                .map(line -> line.split(",")[0]).toList(), "a unique name stays as it was");
    }
}
