package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.auscult.cli.CommandLineTest.Run;
import org.auscult.segmentation.quality.QualityModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQualityTest {

    @TempDir
    Path folder;

    @Test
    void fitsScoresAndWritesAModelFromACirCorStyleFolder() throws IOException {
        Path cache = folder.resolve("cache");
        Path model = folder.resolve("model.properties");
        String[] args = {"bench", "quality", "--circor", CommandLineTest.SAMPLES.toString(), "--samples",
            CommandLineTest.SAMPLES.toString(), "--pascal", folder.resolve("absent").toString(), "--cache",
            cache.toString(), "--write-model", model.toString(), "-j", "1"};

        Run run = CommandLineTest.run(args);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("16 CirCor recordings"), run.out());
        assertTrue(run.out().contains("| CirCor recordings unsure | <= 10 % |"), run.out());
        assertTrue(run.out().contains("| per-second usable recall (CirCor annotated) | >= 0.90 |"), run.out());
        assertTrue(Files.exists(cache.resolve("circor-quality-indices.tsv")));
        QualityModel written = QualityModel.read(model);
        assertTrue(written.notes().get("trained.on").startsWith("16 CirCor recordings"), written.notes().toString());
        assertTrue(written.threshold() > 0 && written.threshold() < 1);

        String first = Files.readString(model);
        Run refused = CommandLineTest.run(args);
        assertEquals(AuscultCommand.EXIT_USAGE, refused.exitCode(), "an existing model is kept unless --force");
        assertTrue(refused.err().contains(model.toString()), refused.err());
        assertEquals(first, Files.readString(model));

        Files.delete(model);
        Run again = CommandLineTest.run(args);
        assertEquals(0, again.exitCode(), again.err());
        // the same indices from the cache give the same table
        assertEquals(table(run.out()), table(again.out()));
    }

    private static String table(String out) {
        return out.lines().filter(line -> line.startsWith("|")).reduce("", (a, b) -> a + b + "\n");
    }
}
