package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.classifiers.lazy.IBk;
import weka.classifiers.trees.J48;

class CalibratedThresholdsTest {

    /**
     * A model that under-predicts class 1: its posterior is {@code p_1 = x / 4}, {@code p_0 = 1 - p_1} for the
     * feature {@code x} in [0, 1], so without calibration class 1 (needing {@code p_1 > 1/2}, i.e. {@code x > 2})
     * is never chosen. It ignores its training rows.
     */
    static final class UnderConfident extends AbstractClassifier {
        private static final long serialVersionUID = 1L;

        @Override
        public void buildClassifier(Instances data) {
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            double rare = instance.value(0) / 4;
            return new double[] {1 - rare, rare};
        }
    }

    /** Always right: puts all mass on the class named by feature 1 (its labels are planted there). */
    static final class Oracle extends AbstractClassifier {
        private static final long serialVersionUID = 1L;

        @Override
        public void buildClassifier(Instances data) {
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            double[] posterior = new double[instance.numClasses()];
            posterior[(int) instance.value(1)] = 1;
            return posterior;
        }
    }

    /**
     * Class 0 ({@code common} rows) has {@code x} uniform in [0, 0.6], class 1 ({@code rare} rows) uniform in [0.5,
     * 1]: only {@code x} in [0.5, 0.6] is ambiguous. Feature 1 holds the true class.
     */
    static Instances oneFeature(int common, int rare, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[common + rare][];
        int[] labels = new int[common + rare];
        String[] ids = new String[common + rare];
        for (int row = 0; row < values.length; row++) {
            labels[row] = row < common ? 0 : 1;
            double x = labels[row] == 0 ? 0.6 * random.nextDouble() : 0.5 + 0.5 * random.nextDouble();
            values[row] = new double[] {x, labels[row]};
            ids[row] = "r" + row;
        }
        return new LabelledDataset(java.util.List.of("x", "label"), java.util.List.of("common", "rare"), values,
                labels, ids, ids, ids).toInstances();
    }

    private static double recall(Classifier model, Instances rows, int classIndex) throws Exception {
        int found = 0, total = 0;
        for (Instance row : rows) {
            if ((int) row.classValue() == classIndex) {
                total++;
                if (Utils.maxIndex(model.distributionForInstance(row)) == classIndex) {
                    found++;
                }
            }
        }
        return (double) found / total;
    }

    @ParameterizedTest
    @CsvSource({"MACRO_F1, 5", "BALANCED_ACCURACY, 6"})
    void theMultipliersRaiseTheRecallOfAnUnderPredictedClass(ThresholdObjective objective, int halfOctaves)
            throws Exception {
        Instances training = oneFeature(90, 10, 1);
        Instances test = oneFeature(200, 200, 2);
        UnderConfident base = new UnderConfident();
        base.buildClassifier(training);
        assertEquals(0.0, recall(base, test, 1), "the base model never predicts the rare class");

        CalibratedThresholds calibrated = new CalibratedThresholds(new UnderConfident(), objective, 7);
        calibrated.buildClassifier(training);
        double[] t = calibrated.multipliers();
        assertEquals(1.0, t[0], 0.0, "the largest class keeps multiplier 1");
        // Class 1 wins when t x / 4 > 1 - x / 4, i.e. x > 4 / (t + 1). On these training rows macro-F1 is best at
        // t = 2^(5/2) (boundary x = 0.601: every common row right, most rare ones found); balanced accuracy, blind
        // to precision, goes one step further to t = 8 (boundary 0.444: every rare row found).
        assertEquals(Math.pow(2, halfOctaves / 2.0), t[1], 1e-12);
        double boundary = 4 / (t[1] + 1);
        int rareFound = 0, commonKept = 0;
        for (Instance row : test) {
            boolean saysRare = row.value(0) > boundary;
            if (row.classValue() == 1 && saysRare) {
                rareFound++;
            } else if (row.classValue() == 0 && !saysRare) {
                commonKept++;
            }
        }
        assertEquals(rareFound / 200.0, recall(calibrated, test, 1), 0.0);
        assertEquals(commonKept / 200.0, recall(calibrated, test, 0), 0.0);
        assertTrue(recall(calibrated, test, 1) > 0.7, "rare recall " + recall(calibrated, test, 1));
        assertTrue(calibrated.calibratedScore() > calibrated.uncalibratedScore());
        assertEquals(objective, calibrated.objective());
    }

    @Test
    void theUncalibratedScoresAreTheObjectivesOfAlwaysPredictingTheCommonClass() throws Exception {
        Instances training = oneFeature(90, 10, 1);
        CalibratedThresholds f1 = new CalibratedThresholds(new UnderConfident(), ThresholdObjective.MACRO_F1, 7);
        f1.buildClassifier(training);
        // common: tp 90, fp 10, fn 0 -> F1 = 180 / 190; rare: F1 = 0.
        assertEquals((180.0 / 190) / 2, f1.uncalibratedScore(), 1e-15);
        CalibratedThresholds recall = new CalibratedThresholds(new UnderConfident(),
                ThresholdObjective.BALANCED_ACCURACY, 7);
        recall.buildClassifier(training);
        assertEquals(0.5, recall.uncalibratedScore(), 1e-15);
    }

    @Test
    void aModelThatIsAlreadyRightKeepsEveryMultiplierAtOne() throws Exception {
        Instances training = Blobs.make(new int[] {30, 12, 5}, 2, 1, 0, 3).toInstances();
        for (Instance row : training) {
            row.setValue(1, row.classValue()); // let the oracle read the label
        }
        CalibratedThresholds calibrated = new CalibratedThresholds(new Oracle(), ThresholdObjective.MACRO_F1, 1);
        calibrated.buildClassifier(training);
        // Every grid value up to 16 leaves a 0/1 posterior's decision unchanged: all tie, and ties keep t = 1.
        assertArrayEquals(new double[] {1, 1, 1}, calibrated.multipliers(), 0.0);
        assertEquals(1.0, calibrated.calibratedScore(), 0.0);
    }

    @Test
    void thePosteriorIsTheRescaledBasePosteriorAndSumsToOne() throws Exception {
        LabelledDataset data = Blobs.make(new int[] {60, 15, 6}, 4, 1, 1.2, 5);
        CalibratedThresholds model = assertInstanceOf(CalibratedThresholds.class,
                ModelFactory.build(Blobs.small(Preset.RANDOM_FOREST).withBalancing(Balancing.CALIBRATED_THRESHOLDS)));
        model.buildClassifier(data.toInstances());
        double[] t = model.multipliers();
        assertEquals(3, t.length);
        for (Instance row : Blobs.make(new int[] {20, 20, 20}, 4, 1, 1.2, 6).toInstances()) {
            double[] base = model.getClassifier().distributionForInstance(row);
            double[] posterior = model.distributionForInstance(row);
            double norm = 0;
            for (int c = 0; c < 3; c++) {
                norm += t[c] * base[c];
            }
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                assertEquals(t[c] * base[c] / norm, posterior[c], 1e-15);
                sum += posterior[c];
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() throws Exception {
        LabelledDataset data = Blobs.make(new int[] {60, 15, 6}, 4, 1, 1.2, 5);
        ModelSpec spec = Blobs.small(Preset.RANDOM_FOREST).withBalancing(Balancing.CALIBRATED_THRESHOLDS);
        CalibratedThresholds first = (CalibratedThresholds) ModelFactory.build(spec);
        CalibratedThresholds second = (CalibratedThresholds) ModelFactory.build(spec);
        first.buildClassifier(data.toInstances());
        second.buildClassifier(data.toInstances());
        assertArrayEquals(first.multipliers(), second.multipliers(), 0.0);
        for (Instance row : Blobs.make(new int[] {10, 10, 10}, 4, 1, 1.2, 6).toInstances()) {
            assertArrayEquals(first.distributionForInstance(row), second.distributionForInstance(row), 0.0);
        }
    }

    @Test
    void onOverlappingImbalancedBlobsTheForestFindsMoreOfTheRareClasses() {
        // Patients of one recording, so the inner folds are as honest as the outer ones.
        LabelledDataset data = Blobs.make(new int[] {200, 40, 20}, 4, 1, 1.5, 11);
        Evaluator evaluator = new Evaluator(new EvaluationOptions(Protocol.GROUPED_CV, 5, 1, 3, 1));
        ModelSpec forest = Blobs.small(Preset.RANDOM_FOREST);
        ConfusionMatrix plain = evaluator.evaluate(data, forest.withBalancing(Balancing.NONE)).confusion();
        ConfusionMatrix calibrated = evaluator.evaluate(data, forest.withBalancing(Balancing.CALIBRATED_THRESHOLDS))
                .confusion();
        assertTrue(calibrated.recall(2) > plain.recall(2),
                "rarest class recall " + calibrated.recall(2) + " vs " + plain.recall(2));
        assertTrue(calibrated.macroF1() > plain.macroF1(),
                "macro-F1 " + calibrated.macroF1() + " vs " + plain.macroF1());
    }

    @Test
    void aClassAbsentFromTrainingKeepsMultiplierOne() throws Exception {
        Instances training = oneFeature(40, 10, 3);
        Instances threeClasses = new LabelledDataset(java.util.List.of("x", "label"),
                java.util.List.of("common", "rare", "absent"), new double[][] {{0, 0}}, new int[] {0},
                new String[] {"a"}, new String[] {"a"}, new String[] {"a"}).toInstances();
        threeClasses.clear();
        for (Instance row : training) {
            threeClasses.add(row);
        }
        CalibratedThresholds calibrated = new CalibratedThresholds(new ThreeWay(), ThresholdObjective.MACRO_F1, 7);
        calibrated.buildClassifier(threeClasses);
        double[] t = calibrated.multipliers();
        assertEquals(1.0, t[2], 0.0);
        assertEquals(Math.pow(2, 2.5), t[1], 1e-12);
    }

    /** {@link UnderConfident} with a third class that gets a little mass but never a row. */
    static final class ThreeWay extends AbstractClassifier {
        private static final long serialVersionUID = 1L;

        @Override
        public void buildClassifier(Instances data) {
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            double rare = instance.value(0) / 4;
            return new double[] {0.95 * (1 - rare), 0.95 * rare, 0.05};
        }
    }

    @Test
    void aPatientsRecordingsStayOnOneSideOfTheInnerFolds() throws Exception {
        // Every patient has three identical recordings. A 1-nearest-neighbour model finds a recording's twin when
        // the twin is in the inner training fold: out-of-fold posteriors are then perfect and nothing is fitted.
        Instances single = oneFeature(60, 15, 4);
        int rows = single.numInstances() * 3;
        double[][] values = new double[rows][];
        int[] labels = new int[rows];
        String[] ids = new String[rows];
        String[] patients = new String[rows];
        for (int row = 0; row < rows; row++) {
            Instance original = single.instance(row / 3);
            values[row] = new double[] {original.value(0), 0}; // the label column left empty: no oracle here
            labels[row] = (int) original.classValue();
            ids[row] = "rec" + row;
            patients[row] = "patient" + row / 3;
        }
        LabelledDataset twins = new LabelledDataset(java.util.List.of("x", "unused"),
                java.util.List.of("common", "rare"), values, labels, ids, patients, ids);

        CalibratedThresholds leaky = new CalibratedThresholds(new IBk(1), ThresholdObjective.MACRO_F1, 3);
        leaky.buildClassifier(twins.toInstances());
        assertEquals(1.0, leaky.uncalibratedScore(), 0.0, "each row's twin was in its inner training fold");
        assertArrayEquals(new double[] {1, 1}, leaky.multipliers(), 0.0);

        CalibratedThresholds grouped = new CalibratedThresholds(new IBk(1), ThresholdObjective.MACRO_F1, 3);
        GroupedTraining.train(grouped, twins);
        assertTrue(grouped.uncalibratedScore() < 1, "honest out-of-fold score " + grouped.uncalibratedScore());

        CalibratedThresholds again = new CalibratedThresholds(new IBk(1), ThresholdObjective.MACRO_F1, 3);
        again.setTrainingGroups(patients);
        again.buildClassifier(twins.toInstances());
        assertEquals(grouped.uncalibratedScore(), again.uncalibratedScore(), 0.0);
        again.buildClassifier(twins.toInstances());
        assertEquals(1.0, again.uncalibratedScore(), 0.0, "the groups serve one build only");
    }

    @Test
    void groupsForOtherRowsAreRefused() {
        CalibratedThresholds calibrated = new CalibratedThresholds(new IBk(1), ThresholdObjective.MACRO_F1, 3);
        calibrated.setTrainingGroups(new String[] {"a", "b"});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> calibrated.buildClassifier(oneFeature(5, 5, 1)));
        assertEquals("CalibratedThresholds: 2 training groups for 10 rows", error.getMessage());
    }

    @Test
    void anInterruptedThreadStopsTraining() {
        CalibratedThresholds calibrated = new CalibratedThresholds(new UnderConfident(),
                ThresholdObjective.MACRO_F1, 7);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> calibrated.buildClassifier(oneFeature(90, 10, 1)));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theObjectiveAndSeedAreWekaOptions() throws Exception {
        CalibratedThresholds calibrated = new CalibratedThresholds(new J48(),
                ThresholdObjective.BALANCED_ACCURACY, 42);
        String description = ModelFactory.describe(calibrated);
        assertTrue(description.contains("-objective balanced-accuracy -S 42"), description);
        CalibratedThresholds parsed = new CalibratedThresholds();
        parsed.setOptions(calibrated.getOptions());
        assertEquals(ThresholdObjective.BALANCED_ACCURACY, parsed.objective());
        assertEquals(description, ModelFactory.describe(parsed));
    }
}
