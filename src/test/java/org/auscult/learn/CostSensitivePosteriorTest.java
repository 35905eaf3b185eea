package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import weka.classifiers.AbstractClassifier;
import weka.core.Instance;
import weka.core.Instances;

class CostSensitivePosteriorTest {

    /** Always says 0.6 / 0.3 / 0.1. */
    private static final class Fixed extends AbstractClassifier {
        @Override
        public void buildClassifier(Instances data) {
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            return new double[] {0.6, 0.3, 0.1};
        }
    }

    @Test
    void rescalesThePosteriorByTheBalancedClassWeights() throws Exception {
        // 6 rows of class 0, 3 of class 1, 1 of class 2: w = N / (K n) = 10/18, 10/9, 10/3.
        LabelledDataset data = Blobs.make(new int[] {6, 3, 1}, 2, 1, 1, 1);
        CostSensitivePosterior model = new CostSensitivePosterior(new Fixed(), 1);
        model.buildClassifier(data.toInstances());
        assertArrayEquals(new double[] {10.0 / 18, 10.0 / 9, 10.0 / 3}, model.classWeights(), 1e-12);
        // w p = 1/3, 1/3, 1/3: the balanced decision is a three-way tie.
        double[] posterior = model.distributionForInstance(data.toInstances().instance(0));
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, posterior, 1e-12);
    }

    @Test
    void aPartialStrengthRaisesTheWeightsToItsPower() throws Exception {
        LabelledDataset data = Blobs.make(new int[] {6, 3, 1}, 2, 1, 1, 1);
        CostSensitivePosterior half = new CostSensitivePosterior(new Fixed(), 0.5);
        half.buildClassifier(data.toInstances());
        double[] weights = {Math.sqrt(10.0 / 18), Math.sqrt(10.0 / 9), Math.sqrt(10.0 / 3)};
        assertArrayEquals(weights, half.classWeights(), 1e-12);
        double[] weighted = {0.6 * weights[0], 0.3 * weights[1], 0.1 * weights[2]};
        double sum = weighted[0] + weighted[1] + weighted[2];
        assertArrayEquals(new double[] {weighted[0] / sum, weighted[1] / sum, weighted[2] / sum},
                half.distributionForInstance(data.toInstances().instance(0)), 1e-12);

        CostSensitivePosterior none = new CostSensitivePosterior(new Fixed(), 0);
        none.buildClassifier(data.toInstances());
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, none.distributionForInstance(data.toInstances().instance(0)),
                1e-12);
    }

    @Test
    void aClassAbsentFromTrainingGetsNoWeight() throws Exception {
        LabelledDataset data = Blobs.make(new int[] {2, 2, 1}, 2, 1, 1, 1).subset(new int[] {0, 1, 2, 3});
        CostSensitivePosterior model = new CostSensitivePosterior(new Fixed(), 1);
        model.buildClassifier(data.toInstances());
        assertArrayEquals(new double[] {1, 1, 0}, model.classWeights(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3, 0},
                model.distributionForInstance(data.toInstances().instance(0)), 1e-12);
    }
}
