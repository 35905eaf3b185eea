package org.auscult.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SummaryStatisticTest {

    private static final double[] VALUES = {7, 1, 3, 9, 5}; // sorted: 1 3 5 7 9

    @Test
    void knownValuesFollowNumpysDefinitions() {
        assertEquals(5.0, SummaryStatistic.MEAN.of(VALUES));
        assertEquals(Math.sqrt(8), SummaryStatistic.STD.of(VALUES), 1e-15);
        assertEquals(1.0, SummaryStatistic.MIN.of(VALUES));
        assertEquals(9.0, SummaryStatistic.MAX.of(VALUES));
        assertEquals(5.0, SummaryStatistic.MEDIAN.of(VALUES));
        // numpy.percentile([1,3,5,7,9], q): position q*(n-1) interpolated linearly
        assertEquals(1.8, SummaryStatistic.P10.of(VALUES), 1e-12);
        assertEquals(3.0, SummaryStatistic.P25.of(VALUES), 1e-12);
        assertEquals(7.0, SummaryStatistic.P75.of(VALUES), 1e-12);
        assertEquals(8.2, SummaryStatistic.P90.of(VALUES), 1e-12);
        assertEquals(2.5, SummaryStatistic.MEDIAN.of(new double[] {4, 1, 2, 3}));
    }

    @ParameterizedTest
    @EnumSource(SummaryStatistic.class)
    void orderStatisticsFromOneSortEqualTheDirectComputation(SummaryStatistic statistic) {
        Random random = new Random(11);
        for (int length : new int[] {1, 2, 3, 10, 101}) {
            double[] values = random.doubles(length, -50, 50).toArray();
            double direct = statistic.of(values.clone(), length, new double[length]);
            if (statistic.isOrderStatistic()) {
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                assertEquals(direct, statistic.ofSorted(sorted, length), 0.0, statistic + " n=" + length);
            }
            assertTrue(Double.isFinite(direct));
            assertTrue(Double.isNaN(statistic.of(values, 0, new double[0])), "empty column has no summary");
        }
    }
}
