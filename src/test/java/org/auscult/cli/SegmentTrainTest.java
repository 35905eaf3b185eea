package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.auscult.cli.CommandLineTest.Run;
import org.auscult.segmentation.NetworkEmission;
import org.auscult.segmentation.TrainedEmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTrainTest {

    @TempDir
    Path folder;

    @Test
    void trainsOnTheBundledRecordingsAndRecordsWhatItMeasured() throws IOException {
        Path out = folder.resolve("emission.properties");
        Run run = CommandLineTest.run("segment", "train", CommandLineTest.SAMPLES.toString(), "--folds", "2",
                "-o", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("trained on 16 recordings of 16 patients"), run.out());
        NetworkEmission emission;
        try (InputStream in = Files.newInputStream(out)) {
            emission = NetworkEmission.read(in);
        }
        assertTrue(emission.record().get("trained.network").startsWith("context 20, hidden 64"),
                emission.record().toString());
        assertEquals("16", emission.record().get("trained.recordings"));
        assertEquals("16", emission.record().get("scored.cv.recordings"));
        double s1 = Double.parseDouble(emission.record().get("scored.cv.s1_f1"));
        assertTrue(s1 > 0.5 && s1 <= 1, "S1 F1 " + s1);
        double spanError = Double.parseDouble(emission.record().get("scored.cv.span_hr_mae_bpm"));
        assertTrue(spanError >= 0 && spanError < 60, "span heart-rate error " + spanError);

        Run again = CommandLineTest.run("segment", "train", CommandLineTest.SAMPLES.toString(), "-o", out.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void theLogisticRegressionIsTrainedWhenAsked() throws IOException {
        Path out = folder.resolve("logistic.properties");
        Run run = CommandLineTest.run("segment", "train", CommandLineTest.SAMPLES.toString(), "--model", "trained",
                "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (InputStream in = Files.newInputStream(out)) {
            assertEquals("16", TrainedEmission.read(in).record().get("trained.recordings"));
        }
        Run handSet = CommandLineTest.run("segment", "train", CommandLineTest.SAMPLES.toString(), "--model",
                "hand-set", "-o", folder.resolve("h.properties").toString());
        assertEquals(AuscultCommand.EXIT_USAGE, handSet.exitCode());
        assertTrue(handSet.err().contains("not trained"), handSet.err());
        assertTrue(Files.notExists(folder.resolve("h.properties")));
    }

    @Test
    void excludingEveryPatientLeavesNothingToTrainOn() {
        Run run = CommandLineTest.run("segment", "train", CommandLineTest.SAMPLES.toString(), "--exclude-patients-of",
                CommandLineTest.SAMPLES.toString(), "-o", folder.resolve("e.properties").toString());
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("no annotated recordings"), run.err());
    }

    @Test
    void segmentWithoutRecordingsIsStillAUsageError() {
        assertEquals(AuscultCommand.EXIT_USAGE, CommandLineTest.run("segment").exitCode());
        assertEquals(AuscultCommand.EXIT_USAGE, CommandLineTest.run("segment", "x.wav").exitCode());
    }
}
