package org.auscult.segmentation.murmur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    /** Three Gaussian clouds one unit apart on the first feature, the second feature pure noise. */
    private static double[][] clouds(int perClass, int[] labels, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[3 * perClass][];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i / perClass;
            x[i] = new double[] {3 * labels[i] + random.nextGaussian(), 100 + 10 * random.nextGaussian()};
        }
        return x;
    }

    @Test
    void learnsSeparatedClassesAndIgnoresANoiseFeature() {
        int[] y = new int[300];
        SoftmaxRegression model = SoftmaxRegression.fit(clouds(100, y, 1), y, 3, 1.0);
        int[] test = new int[300];
        double[][] x = clouds(100, test, 2);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += model.predict(x[i]) == test[i] ? 1 : 0;
        }
        // the Bayes rule errs on about 13 % of these clouds (half-gap 1.5 standard deviations)
        assertTrue(correct > 0.8 * x.length, correct + " of " + x.length);
        double[] p = model.probabilities(new double[] {0, 100});
        assertEquals(1, p[0] + p[1] + p[2], 1e-12);
        assertTrue(p[0] > 0.7, "class 0 at its centre: " + p[0]);
    }

    @Test
    void aStrongerRidgeFlattensTheProbabilities() {
        int[] y = new int[150];
        double[][] x = clouds(50, y, 3);
        double sharp = SoftmaxRegression.fit(x, y, 3, 0.01).probabilities(new double[] {6, 100})[2];
        double flat = SoftmaxRegression.fit(x, y, 3, 1000).probabilities(new double[] {6, 100})[2];
        assertTrue(sharp > flat && flat < 0.5, sharp + " vs " + flat);
    }

    @Test
    void solvesALinearSystem() {
        double[][] a = {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}};
        double[] x = org.auscult.dsp.LinearSystem.solve(a, new double[] {7, 3, 6});
        assertEquals(1, x[0], 1e-12);
        assertEquals(2, x[1], 1e-12);
        assertEquals(3, x[2], 1e-12);
    }

    @Test
    void rejectsClassesOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxRegression.fit(new double[][] {{1}, {2}}, new int[] {0, 2}, 2, 1));
    }
}
