package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Information gain and out-of-fold permutation importance on blobs where only f0 and f1 carry the class. */
class FeatureImportanceTest {

    /** Two classes, centred on f0 and f1 respectively; f2 and f3 are pure noise. */
    private static final LabelledDataset DATA = Blobs.make(new int[] {40, 40}, 4, 2, 3.0, 7);
    private static final EvaluationOptions PROTOCOL = new EvaluationOptions(Protocol.GROUPED_CV, 4, 1, 11, 1);
    private static final ModelSpec FOREST = Blobs.small(Preset.RANDOM_FOREST);

    @Test
    void informationGainRanksTheInformativeFeaturesFirst() {
        List<FeatureImportance.Score> scores = FeatureImportance.informationGain(DATA);
        assertEquals(4, scores.size());
        assertEquals(Set.of("f0", "f1"), Set.of(scores.get(0).feature(), scores.get(1).feature()));
        assertTrue(scores.get(1).value() > 0.3, scores.toString());
        assertTrue(scores.get(2).value() < scores.get(1).value(), scores.toString());
    }

    @Test
    void permutationImportanceIsTheAccuracyDropOfTheInformativeFeaturesOnly() {
        Map<String, Double> importance = FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 5,
                        (done, total) -> { }, new Cancellation()).stream()
                .collect(Collectors.toMap(FeatureImportance.Score::feature, FeatureImportance.Score::value));
        double weakestInformative = Math.min(importance.get("f0"), importance.get("f1"));
        double strongestNoise = Math.max(importance.get("f2"), importance.get("f3"));
        assertTrue(weakestInformative > 0.05, importance.toString());
        assertTrue(weakestInformative > strongestNoise + 0.05, importance.toString());
        // A drop in accuracy is a fraction of the 80 scored rows: a whole number of rows.
        for (double value : importance.values()) {
            assertEquals(0, Math.abs(value * 80 - Math.rint(value * 80)), 1e-9, importance.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameImportanceAndAnotherSeedShufflesDifferently() {
        List<FeatureImportance.Score> first = FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 5,
                (done, total) -> { }, new Cancellation());
        List<FeatureImportance.Score> again = FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 5,
                (done, total) -> { }, new Cancellation());
        assertEquals(first, again);
        List<FeatureImportance.Score> other = FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 6,
                (done, total) -> { }, new Cancellation());
        assertTrue(!first.equals(other), "a different shuffle seed should change some drop: " + first);
    }

    @Test
    void reportsEveryFoldAndStopsWhenCancelled() {
        int[] folds = new int[2];
        FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 5, (done, total) -> {
            folds[0] = done;
            folds[1] = total;
        }, new Cancellation());
        assertEquals(4, folds[0]);
        assertEquals(4, folds[1]);
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> FeatureImportance.permutation(DATA, FOREST, PROTOCOL, 5,
                (done, total) -> { }, cancelled));
    }

    @Test
    void permutingAColumnKeepsItsValuesAndTheOtherColumns() {
        double[][] rows = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
        double[][] permuted = FeatureImportance.permuteColumn(rows, 0, new Random(3));
        double[] column = new double[4];
        for (int i = 0; i < 4; i++) {
            assertEquals(rows[i][1], permuted[i][1]);
            column[i] = permuted[i][0];
        }
        java.util.Arrays.sort(column);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), java.util.Arrays.stream(column).boxed().toList());
        assertEquals(1.0, rows[0][0], "the input is not changed");
    }
}
