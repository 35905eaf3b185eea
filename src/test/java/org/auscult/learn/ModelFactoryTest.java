package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.Stacking;
import weka.core.Instances;

class ModelFactoryTest {

    private static final LabelledDataset TRAIN = Blobs.make(new int[] {40, 20, 10}, 4, 2, 3, 21);
    private static final LabelledDataset TEST = Blobs.make(new int[] {20, 20, 20}, 4, 1, 3, 22);

    static Stream<Arguments> presetsAndBalancings() {
        return Stream.of(Preset.values()).flatMap(preset -> Stream.of(Balancing.values())
                .map(balancing -> Arguments.of(preset, balancing)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("presetsAndBalancings")
    void everyPresetTrainsAndGivesProbabilities(Preset preset, Balancing balancing) throws Exception {
        Classifier classifier = ModelFactory.build(Blobs.small(preset).withBalancing(balancing));
        Instances training = TRAIN.toInstances();
        classifier.buildClassifier(training);
        Instances header = new Instances(training, 0);
        int correct = 0;
        int[] truth = TEST.classIndex();
        for (int row = 0; row < TEST.size(); row++) {
            double[] posterior = classifier.distributionForInstance(LabelledDataset.instance(header, TEST.row(row)));
            assertEquals(3, posterior.length);
            double sum = 0;
            for (double p : posterior) {
                assertTrue(p >= 0 && p <= 1, "posterior entry " + p);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9, "posteriors sum to 1");
            if (Prediction.of(0, 0, row, "", truth[row], posterior).correct()) {
                correct++;
            }
        }
        // Blobs three standard deviations apart: any working model is far above chance (1/3).
        assertTrue(correct >= 0.8 * TEST.size(), preset + "/" + balancing + " got " + correct + " of " + TEST.size());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyBuildIsFresh(Preset preset) {
        ModelSpec spec = Blobs.small(preset);
        assertNotSame(ModelFactory.build(spec), ModelFactory.build(spec));
        assertEquals(ModelFactory.describe(ModelFactory.build(spec)), ModelFactory.describe(ModelFactory.build(spec)));
    }

    @Test
    void referenceDesignStacksUnderOneVersusRestLogistic() {
        Classifier classifier = ModelFactory.build(ModelSpec.DEFAULTS.withPreset(Preset.STACKED)
                .withBalancing(Balancing.NONE));
        Stacking stacking = assertInstanceOf(Stacking.class, classifier);
        assertEquals(4, stacking.getClassifiers().length);
        String description = ModelFactory.describe(classifier);
        assertTrue(description.contains("weka.classifiers.meta.MultiClassClassifier"), description);
        assertTrue(description.contains("weka.classifiers.functions.Logistic"), description);
        assertTrue(description.contains("-M 0"), "one-against-all: " + description);
        assertTrue(description.contains("weka.filters.unsupervised.attribute.Standardize"), description);
        assertTrue(description.contains("weka.classifiers.meta.AdaBoostM1"), description);
        assertTrue(description.contains("weka.classifiers.meta.LogitBoost"), description);
        assertTrue(description.contains("weka.classifiers.trees.RandomForest"), description);
    }

    @Test
    void balancingWrapsTheModel() {
        assertInstanceOf(FilteredClassifier.class,
                ModelFactory.build(ModelSpec.DEFAULTS.withBalancing(Balancing.CLASS_WEIGHTS)));
        assertTrue(ModelFactory.describe(ModelFactory.build(ModelSpec.DEFAULTS.withBalancing(Balancing.RESAMPLE)))
                .contains("weka.filters.supervised.instance.Resample"));
        assertInstanceOf(CostSensitivePosterior.class,
                ModelFactory.build(ModelSpec.DEFAULTS.withBalancing(Balancing.COST_SENSITIVE)));
        CalibratedThresholds calibrated = assertInstanceOf(CalibratedThresholds.class,
                ModelFactory.build(ModelSpec.DEFAULTS.withCalibratedThresholds(ThresholdObjective.BALANCED_ACCURACY)));
        assertEquals(ThresholdObjective.BALANCED_ACCURACY, calibrated.objective());
        assertInstanceOf(weka.classifiers.trees.RandomForest.class, calibrated.getClassifier());
    }

    @Test
    void theSeedReachesTheComponents() {
        String one = ModelFactory.describe(ModelFactory.build(ModelSpec.DEFAULTS.withSeed(1)));
        String two = ModelFactory.describe(ModelFactory.build(ModelSpec.DEFAULTS.withSeed(2)));
        assertTrue(!one.equals(two), "a new master seed reseeds the model");
    }
}
