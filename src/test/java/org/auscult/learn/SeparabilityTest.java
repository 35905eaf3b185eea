package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class SeparabilityTest {

    @Test
    void completeSeparationGivesOneOrZeroAndEqualValuesAHalf() {
        assertEquals(1.0, Separability.auc(new double[] {3, 4, 5}, new double[] {0, 1, 2}), 0);
        assertEquals(0.0, Separability.auc(new double[] {0, 1}, new double[] {2, 3, 4}), 0);
        assertEquals(0.5, Separability.auc(new double[] {7, 7}, new double[] {7, 7, 7}), 0);
    }

    /** Ties count a half, non-finite values are left out. */
    @Test
    void tiesCountHalfAndNonFiniteValuesAreLeftOut() {
        // pairs (pos, neg): (1,0) win, (1,1) tie, (1,2) loss, (2,0) win, (2,1) win, (2,2) tie -> 4 / 6
        assertEquals(4.0 / 6, Separability.auc(new double[] {1, 2, Double.NaN}, new double[] {0, 1, 2,
            Double.POSITIVE_INFINITY}), 1e-15);
        assertTrue(Double.isNaN(Separability.auc(new double[] {Double.NaN}, new double[] {1})));
    }

    /** The rank formula equals counting every (positive, negative) pair. */
    @Test
    void rankSumEqualsPairCounting() {
        Random random = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            double[] pos = new double[1 + random.nextInt(30)];
            double[] neg = new double[1 + random.nextInt(30)];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = random.nextInt(10);
            }
            for (int i = 0; i < neg.length; i++) {
                neg[i] = random.nextInt(10) - 1;
            }
            double pairs = 0;
            for (double p : pos) {
                for (double n : neg) {
                    pairs += p > n ? 1 : p == n ? 0.5 : 0;
                }
            }
            assertEquals(pairs / (pos.length * neg.length), Separability.auc(pos, neg), 1e-12);
        }
    }

    @Test
    void featuresAreRankedByDistanceFromAHalf() {
        // rows 0-2 positive, 3-5 negative; feature "weak" barely separates, "reversed" completely (AUC 0)
        double[][] x = {{1, 0, 5}, {2, 1, 5}, {3, 2, 5}, {1.5, 10, 5}, {2.5, 11, 5}, {0.5, 12, 5}};
        LabelledDataset data = new LabelledDataset(List.of("weak", "reversed", "constant"), List.of("a", "b"), x,
                new int[] {0, 0, 0, 1, 1, 1}, new String[] {"r0", "r1", "r2", "r3", "r4", "r5"},
                new String[] {"p0", "p1", "p2", "p3", "p4", "p5"}, new String[] {"s", "s", "s", "s", "s", "s"});
        List<Separability.FeatureSeparation> ranked = Separability.rank(data, new int[] {0, 1, 2},
                new int[] {3, 4, 5});
        assertEquals(List.of("reversed", "weak", "constant"),
                ranked.stream().map(Separability.FeatureSeparation::feature).toList());
        assertEquals(0.0, ranked.get(0).auc(), 0);
        assertEquals(6.0 / 9, ranked.get(1).auc(), 1e-15);
        assertEquals(0.5, ranked.get(2).auc(), 0);
        assertEquals(1.0, ranked.get(0).positive().median(), 0);
        assertEquals(11.0, ranked.get(0).negative().median(), 0);
        assertThrows(ParameterException.class, () -> Separability.rank(data, new int[0], new int[] {3}));
    }
}
