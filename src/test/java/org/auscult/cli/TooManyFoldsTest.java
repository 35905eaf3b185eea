package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More folds than patients is refused before the features, which take minutes on a large collection; a class of
 * very few patients is warned of, as the wizard's Data page does.
 */
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

    @Test
    void aClassOfOnePatientIsWarnedOfBeforeItsFigures() throws Exception {
        Path collection = Files.createDirectories(folder.resolve("one-murmur"));
        String[] names = {"36327_MV", "40058_PV", "50049_PV", "50206_TV"};
        for (String name : names) {
            Files.copy(CommandLineTest.SAMPLES.resolve(name + ".wav"), collection.resolve(name + ".wav"));
        }
        Files.write(collection.resolve("labels.csv"), java.util.List.of("path,label,patient",
                "36327_MV.wav,murmur,p1", "40058_PV.wav,normal,p2", "50049_PV.wav,normal,p3", "50206_TV.wav,normal,p4"));

        Run run = CommandLineTest.run("evaluate", collection.toString(), "--folds", "2", "--no-record");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: Class 'murmur' has only 1 patient (fewer than 5)"), run.err());
    }
}
