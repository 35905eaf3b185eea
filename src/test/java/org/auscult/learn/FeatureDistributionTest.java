package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureDistributionTest {

    /** Field by field within 1e-12 (quantile interpolation rounds in the last bits). */
    static void assertDistribution(FeatureDistribution expected, FeatureDistribution actual) {
        String message = "expected " + expected + " but was " + actual;
        assertEquals(expected.count(), actual.count(), message);
        double[] e = {expected.min(), expected.p05(), expected.p25(), expected.median(), expected.p75(),
            expected.p95(), expected.max(), expected.mean(), expected.sd()};
        double[] a = {actual.min(), actual.p05(), actual.p25(), actual.median(), actual.p75(), actual.p95(),
            actual.max(), actual.mean(), actual.sd()};
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-12, message);
        }
    }

    @Test
    void fiveValuesGiveTheirQuantilesMeanAndSampleDeviation() {
        FeatureDistribution d = FeatureDistribution.of(new double[] {5, 1, Double.NaN, 4, 2, 3,
            Double.NEGATIVE_INFINITY});
        assertDistribution(new FeatureDistribution(5, 1, 1.2, 2, 3, 4, 4.8, 5, 3, Math.sqrt(2.5)), d);
    }

    @Test
    void oneValueHasNoSpread() {
        assertEquals(new FeatureDistribution(1, 7, 7, 7, 7, 7, 7, 7, 7, 0), FeatureDistribution.of(new double[] {7}));
    }

    @Test
    void nothingFiniteIsEmpty() {
        FeatureDistribution d = FeatureDistribution.of(new double[] {Double.NaN});
        assertEquals(FeatureDistribution.EMPTY, d);
        assertTrue(d.isEmpty());
        assertFalse(d.contains(0));
        assertEquals(0, d.percentile(0));
    }

    @Test
    void percentileIsPiecewiseLinearThroughTheStoredPoints() {
        // 0..20: p05 = 1, p25 = 5, median = 10, p75 = 15, p95 = 19
        double[] values = new double[21];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        FeatureDistribution d = FeatureDistribution.of(values);
        assertEquals(1, d.p05(), 0);
        assertEquals(19, d.p95(), 0);
        assertEquals(0.025, d.percentile(0.5), 1e-15);
        assertEquals(0.15, d.percentile(3), 1e-15);
        assertEquals(0.5, d.percentile(10), 1e-15);
        assertEquals(0.975, d.percentile(19.5), 1e-15);
        assertEquals(0, d.percentile(-1), 0);
        assertEquals(1, d.percentile(20), 0);
        assertTrue(d.contains(20));
        assertFalse(d.contains(20.5));
    }
}
