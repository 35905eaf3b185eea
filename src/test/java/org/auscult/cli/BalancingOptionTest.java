package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.auscult.dsp.ParameterException;
import org.auscult.learn.Balancing;
import org.auscult.learn.CalibratedThresholds;
import org.auscult.learn.ModelFile;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.ThresholdObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The balancing choices as the command line reads them. */
class BalancingOptionTest {

    @TempDir
    Path folder;

    @Test
    void calibratedThresholdsAndTheirObjectiveAreReadFromTheCommandLine() {
        ModelOptions options = CommandLine.populateCommand(new ModelOptions(), "--balancing",
                "calibrated-thresholds", "--model-set", "thresholdObjective=balanced-accuracy");
        ModelSpec spec = options.resolve(7);
        assertEquals(Balancing.CALIBRATED_THRESHOLDS, spec.balancing());
        assertEquals(ThresholdObjective.BALANCED_ACCURACY, spec.thresholdObjective());
        assertEquals(7, spec.seed());
        ModelSpec byDefault = CommandLine.populateCommand(new ModelOptions(), "--balancing", "calibrated_thresholds")
                .resolve(1);
        assertEquals(ThresholdObjective.MACRO_F1, byDefault.thresholdObjective());
    }

    @Test
    void anUnknownBalancingNamesTheChoices() {
        ModelOptions options = CommandLine.populateCommand(new ModelOptions(), "--balancing", "thresholds");
        ParameterException error = assertThrows(ParameterException.class, () -> options.resolve(1));
        assertEquals("model balancing: 'thresholds' is not one of none, class-weights, resample, cost-sensitive, "
                + "calibrated-thresholds, source-and-class", error.getMessage());
    }

    @Test
    void benchEvaluateTakesSeveralBalancings() {
        BenchCommand.Evaluate bench = CommandLine.populateCommand(new BenchCommand.Evaluate(), "--preset",
                "random-forest", "--balancing", "none,cost-sensitive,calibrated-thresholds");
        assertEquals(List.of("none", "cost-sensitive", "calibrated-thresholds"), bench.balancings);
        assertEquals(List.of("random-forest"), bench.presets);
    }

    @Test
    void aModelTrainedWithCalibratedThresholdsKeepsThem() throws IOException {
        Path model = folder.resolve("calibrated.auscult");
        CommandLineTest.Run train = CommandLineTest.run("train", CommandLineTest.SAMPLES.toString(), "-o",
                model.toString(), "--no-evaluate", "--preset", "random-forest", "--balancing",
                "calibrated-thresholds", "--model-set", "forest.trees=20");
        assertEquals(0, train.exitCode(), train.err());
        var loaded = ModelFile.load(model);
        assertEquals(Balancing.CALIBRATED_THRESHOLDS, loaded.spec().balancing());
        CalibratedThresholds classifier = (CalibratedThresholds) loaded.classifier();
        assertEquals(2, classifier.multipliers().length);
        assertTrue(classifier.multipliers()[0] == 1.0 || classifier.multipliers()[1] == 1.0,
                "the larger class keeps multiplier 1: " + java.util.Arrays.toString(classifier.multipliers()));
    }
}
