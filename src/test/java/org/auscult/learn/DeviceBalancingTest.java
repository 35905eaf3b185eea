package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceBalancingTest {

    @Test
    void patientFoldsAreStratifiedByStatus() {
        Map<String, Murmur> status = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            status.put("present" + i, Murmur.PRESENT);
            status.put("absent" + i, Murmur.ABSENT);
        }
        Map<String, Integer> foldOf = DeviceBalancing.stratifiedPatientFolds(status, 5, 1);
        Map<Integer, Integer> presentPerFold = new HashMap<>();
        foldOf.forEach((patient, fold) -> {
            if (patient.startsWith("present")) {
                presentPerFold.merge(fold, 1, Integer::sum);
            }
        });
        assertEquals(20, foldOf.size());
        assertEquals(5, presentPerFold.size());
        presentPerFold.values().forEach(n -> assertEquals(2, n));
    }

    @Test
    void classWeightsGiveEveryClassTheSameTotal() {
        // three of class 0, one of class 1: N / (K n_c) = 4 / 6 and 4 / 2
        double[] w = DeviceBalancing.weights(new String[] {"a", "a", "b", "b"}, new int[] {0, 0, 0, 1}, 3, false);
        assertArrayEquals(new double[] {4 / 6.0, 4 / 6.0, 4 / 6.0, 2.0}, w, 1e-12);
    }

    @Test
    void sourceWeightsGiveEverySourceAndClassCellTheSameTotal() {
        // cells (a,0) x2, (b,0) x1, (b,1) x1: N / (C n_{s,c}) = 4 / 6, 4 / 3, 4 / 3
        double[] w = DeviceBalancing.weights(new String[] {"a", "a", "b", "b"}, new int[] {0, 0, 0, 1}, 2, true);
        assertArrayEquals(new double[] {4 / 6.0, 4 / 6.0, 4 / 3.0, 4 / 3.0}, w, 1e-12);
    }

    @Test
    void theFeatureThatNamesTheSourceIsDroppedAndNonFiniteValuesIgnored() {
        double[][] x = {{0, 1}, {0, -1}, {5, 1}, {5, Double.NaN}, {5, -1}};
        String[] sources = {"a", "a", "b", "b", "b"};
        assertArrayEquals(new int[] {1}, DeviceBalancing.keptFeatures(x, sources, 2, 0.5));
        assertArrayEquals(new int[] {0}, DeviceBalancing.keptFeatures(new double[][] {{0, 1}, {0, -1}, {5, 1}, {5, -1}},
                new String[] {"a", "b", "a", "b"}, 2, 0.5));
    }
}
