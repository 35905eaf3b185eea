package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** More folds than patients is refused before the features, which take minutes on a large collection. */
class TooManyFoldsTest {

    @TempDir
    Path folder;

    @Test
    void evaluateRefusesMoreFoldsThanPatientsBeforeComputingAnyFeature() throws Exception {
        Path cache = Files.createDirectories(folder.resolve("cache"));

        Run run = CommandLineTest.run("evaluate", CommandLineTest.SAMPLES.toString(), "--folds", "17",
                "--feature-cache", cache.toString(), "--no-record");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("16 labelled patients, 17 folds"), run.err());
        assertTrue(run.err().contains("--folds 16 or fewer"), run.err());
        try (var cached = Files.list(cache)) {
            assertEquals(0, cached.count(), "no recording was analysed");
        }
    }

    @Test
    void trainWithoutEvaluationIgnoresTheFolds() throws Exception {
        Path model = folder.resolve("m.auscult");

        Run run = CommandLineTest.run("train", CommandLineTest.SAMPLES.toString(), "-o", model.toString(),
                "--no-evaluate", "--folds", "17", "--no-record", "--model-set", "forest.trees=10");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(model));
    }
}
