package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final double EXACT = 1e-12;

    /** Truth A: 5 A, 1 B; truth B: 2 A, 3 B; truth C: 1 A, 1 B (C is never predicted). */
    private static final ConfusionMatrix THREE_CLASSES = new ConfusionMatrix(List.of("A", "B", "C"),
            new long[][] {{5, 1, 0}, {2, 3, 0}, {1, 1, 0}});

    @Test
    void countsMarginsAndAccuracy() {
        assertEquals(13, THREE_CLASSES.total());
        assertEquals(8, THREE_CLASSES.correct());
        assertEquals(6, THREE_CLASSES.support(0));
        assertEquals(5, THREE_CLASSES.support(1));
        assertEquals(2, THREE_CLASSES.support(2));
        assertEquals(8, THREE_CLASSES.predictedCount(0));
        assertEquals(0, THREE_CLASSES.predictedCount(2));
        assertEquals(8.0 / 13, THREE_CLASSES.accuracy(), EXACT);
    }

    @Test
    void perClassFiguresWithZeroDivisionAsZero() {
        assertEquals(5.0 / 8, THREE_CLASSES.precision(0), EXACT);
        assertEquals(3.0 / 5, THREE_CLASSES.precision(1), EXACT);
        assertEquals(0, THREE_CLASSES.precision(2), 0, "never predicted: 0/0 counts as 0");
        assertEquals(5.0 / 6, THREE_CLASSES.recall(0), EXACT);
        assertEquals(3.0 / 5, THREE_CLASSES.recall(1), EXACT);
        assertEquals(0, THREE_CLASSES.recall(2), 0);
        assertEquals(10.0 / 14, THREE_CLASSES.f1(0), EXACT); // 2 tp / (2 tp + fp + fn)
        assertEquals(6.0 / 10, THREE_CLASSES.f1(1), EXACT);
        assertEquals(0, THREE_CLASSES.f1(2), 0);
    }

    @Test
    void balancedAccuracyAndMacroF1() {
        assertEquals((5.0 / 6 + 3.0 / 5 + 0) / 3, THREE_CLASSES.balancedAccuracy(), EXACT);
        assertEquals((5.0 / 7 + 3.0 / 5 + 0) / 3, THREE_CLASSES.macroF1(), EXACT);
    }

    @Test
    void aClassAbsentFromTruthAndPredictionsIsLeftOutOfTheAverages() {
        ConfusionMatrix withEmpty = new ConfusionMatrix(List.of("A", "B", "C", "D"),
                new long[][] {{5, 1, 0, 0}, {2, 3, 0, 0}, {1, 1, 0, 0}, {0, 0, 0, 0}});
        assertEquals(THREE_CLASSES.balancedAccuracy(), withEmpty.balancedAccuracy(), EXACT);
        assertEquals(THREE_CLASSES.macroF1(), withEmpty.macroF1(), EXACT);
        assertArrayEquals(new double[] {0, 0, 0, 0}, withEmpty.rowNormalised()[3]);
    }

    @Test
    void rowNormalisedDividesByTheSupport() {
        double[][] normalised = THREE_CLASSES.rowNormalised();
        assertArrayEquals(new double[] {5.0 / 6, 1.0 / 6, 0}, normalised[0], EXACT);
        assertArrayEquals(new double[] {0.4, 0.6, 0}, normalised[1], EXACT);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, normalised[2], EXACT);
    }

    @Test
    void ofCountsPairs() {
        ConfusionMatrix matrix = ConfusionMatrix.of(List.of("A", "B", "C"),
                new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2},
                new int[] {0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1});
        assertEquals(THREE_CLASSES, matrix);
    }

    @Test
    void twoClassSensitivitySpecificityAndScore() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("normal", "abnormal"), new long[][] {{8, 2}, {3, 7}});
        assertEquals(1, matrix.positiveClass());
        assertEquals(0.7, matrix.sensitivity(), EXACT);
        assertEquals(0.8, matrix.specificity(), EXACT);
        assertEquals(0.75, matrix.score(), EXACT);

        ConfusionMatrix reversed = new ConfusionMatrix(List.of("murmur", "normal"), new long[][] {{7, 3}, {2, 8}});
        assertEquals(0, reversed.positiveClass(), "the class that is not 'normal' is positive");
        assertEquals(0.7, reversed.sensitivity(), EXACT);
        assertEquals(0.8, reversed.specificity(), EXACT);

        ConfusionMatrix neutral = new ConfusionMatrix(List.of("x", "y"), new long[][] {{1, 0}, {1, 1}});
        assertEquals(1, neutral.positiveClass());
        assertEquals(0.5, neutral.sensitivity(), EXACT);
        assertEquals(1.0, neutral.specificity(), EXACT);
    }

    @Test
    void sensitivityNeedsTwoClasses() {
        assertThrows(ParameterException.class, THREE_CLASSES::sensitivity);
    }

    @Test
    void emptyMatrixHasZeroMetrics() {
        ConfusionMatrix empty = new ConfusionMatrix(List.of("A", "B"), new long[2][2]);
        assertEquals(0, empty.accuracy(), 0);
        assertEquals(0, empty.balancedAccuracy(), 0);
        assertEquals(0, empty.macroF1(), 0);
    }

    @Test
    void refusesMalformedCounts() {
        assertThrows(ParameterException.class, () -> new ConfusionMatrix(List.of("A", "B"), new long[][] {{1, 2}}));
        assertThrows(ParameterException.class,
                () -> new ConfusionMatrix(List.of("A", "B"), new long[][] {{1, 2}, {3}}));
        assertThrows(ParameterException.class,
                () -> new ConfusionMatrix(List.of("A", "B"), new long[][] {{1, -2}, {3, 4}}));
    }

    @Test
    void isImmutable() {
        long[][] counts = {{1, 2}, {3, 4}};
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("A", "B"), counts);
        counts[0][0] = 99;
        matrix.counts()[0][1] = 99;
        assertEquals(1, matrix.count(0, 0));
        assertEquals(2, matrix.count(0, 1));
    }
}
