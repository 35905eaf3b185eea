package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify says what its verdict is for, and, with the bundled model, which murmurs it misses most. */
class NotADeviceTest {

    @TempDir
    Path folder;

    @Test
    void theBundledModelsVerdictSaysItIsNotADeviceAndWhatItMisses() {
        Run run = CommandLineTest.run("classify", CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Auscult is for research and teaching only, not a medical device: a \"no\" "
                + "does not rule out a murmur; the bundled model finds about half of the soft, low-pitched murmurs"),
                run.out());
    }

    @Test
    void anotherModelsVerdictSaysItIsNotADeviceWithoutTheBundledModelsFigures() {
        Path model = folder.resolve("m.auscult");
        Run train = CommandLineTest.run("train", CommandLineTest.SAMPLES.toString(), "-o", model.toString(),
                "--no-evaluate", "--no-record", "--model-set", "forest.trees=10");
        assertEquals(0, train.exitCode(), train.err());
        Run run = CommandLineTest.run("classify", CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString(),
                "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("not a medical device: a \"no\" does not rule out a murmur."), run.out());
        assertFalse(run.out().contains("bundled model finds"), run.out());
    }

    @Test
    void aWarningEveryRecordingGetsIsSaidOnceUnderTheTable() {
        Run run = CommandLineTest.run("classify", CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString(),
                CommandLineTest.SAMPLES.resolve("40058_PV.wav").toString());
        assertEquals(0, run.exitCode(), run.err());
        String warning = "    ! The model recognised none of the extrastole recordings";
        assertEquals(1, run.out().split(java.util.regex.Pattern.quote(warning), -1).length - 1, run.out());
        assertTrue(run.out().contains("Every recording:\n" + warning), run.out());
    }
}
