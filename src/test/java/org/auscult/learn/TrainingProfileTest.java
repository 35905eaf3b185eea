package org.auscult.learn;

import static org.auscult.learn.FeatureDistributionTest.assertDistribution;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class TrainingProfileTest {

    /** Class a: three rows, class b: one row, and an unlabelled row far away that must not count. */
    static final LabelledDataset DATA = new LabelledDataset(List.of("f0", "f1"), List.of("a", "b"),
            new double[][] {{1, 10}, {2, 20}, {3, 30}, {5, -1}, {100, 100}},
            new int[] {0, 0, 0, 1, LabelledDataset.UNLABELLED},
            new String[] {"a1", "a2", "a3", "b1", "u1"}, new String[] {"p1", "p2", "p3", "p4", "p5"},
            new String[] {"", "", "", "", ""});

    static final Map<String, RecordingFacts> FACTS = Map.of(
            "a1", new RecordingFacts(4000, 10, -20, -3, 0x11L),
            "a2", new RecordingFacts(44100, 20, -30, -6, 0x22L),
            "b1", new RecordingFacts(4000, 30, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x11L),
            "u1", new RecordingFacts(8000, 500, -90, -80, 0x33L));

    @Test
    void knowsItsTrainingRecordingsByFingerprintAndNotTheUnlabelledOnes() {
        TrainingProfile profile = TrainingProfile.of(DATA, FACTS);
        assertTrue(profile.knowsTrainingRecordings());
        assertTrue(profile.trainedOn(0x11L));
        assertTrue(profile.trainedOn(0x22L));
        assertFalse(profile.trainedOn(0x33L), "u1 is unlabelled, so not trained on");
        assertFalse(profile.trainedOn(0), "0 is unknown, never a match");
        assertArrayEquals(new long[] {0x11L, 0x22L}, profile.trainedOn(), "sorted, a recording heard twice once");
        TrainingProfile old = new TrainingProfile(profile.classNames(), profile.featureNames(), profile.classCounts(),
                profile.features(), profile.recordingsWithFacts(), profile.sampleRates(), profile.durations(),
                profile.rmsLevels(), profile.peakLevels());
        assertFalse(old.knowsTrainingRecordings());
        assertFalse(old.trainedOn(0x11L));
    }

    @Test
    void featureDistributionsPerClassFromTheLabelledRowsOnly() {
        TrainingProfile profile = TrainingProfile.of(DATA, FACTS);
        assertEquals(List.of("a", "b"), profile.classNames());
        assertEquals(Map.of("a", 3, "b", 1), profile.classCounts());
        assertEquals(4, profile.recordings());
        assertDistribution(new FeatureDistribution(3, 1, 1.1, 1.5, 2, 2.5, 2.9, 3, 2, 1), profile.distribution("a", 0));
        assertDistribution(new FeatureDistribution(3, 10, 11, 15, 20, 25, 29, 30, 20, 10), profile.distribution("a", 1));
        assertEquals(new FeatureDistribution(1, 5, 5, 5, 5, 5, 5, 5, 5, 0), profile.distribution("b", 0));
        assertEquals(FeatureDistribution.EMPTY, profile.distribution("c", 0));
    }

    @Test
    void recordingFactsOfTheTrainingRecordings() {
        TrainingProfile profile = TrainingProfile.of(DATA, FACTS);
        assertEquals(3, profile.recordingsWithFacts()); // a3 has none, u1 is not training data
        assertEquals(new TreeMap<>(Map.of(4000, 2, 44100, 1)), profile.sampleRates());
        assertDistribution(new FeatureDistribution(3, 10, 11, 15, 20, 25, 29, 30, 20, 10), profile.durations());
        // The silent b1 (-Infinity dBFS) is left out of the levels.
        assertDistribution(new FeatureDistribution(2, -30, -29.5, -27.5, -25, -22.5, -20.5, -20, -25, Math.sqrt(50)),
                profile.rmsLevels());
        assertEquals(2, profile.peakLevels().count());
        assertEquals(-6, profile.peakLevels().min(), 0);
        assertEquals(-3, profile.peakLevels().max(), 0);
    }

    @Test
    void withoutFactsOnlyTheFeaturesAreKnown() {
        TrainingProfile profile = TrainingProfile.of(DATA, Map.of());
        assertEquals(0, profile.recordingsWithFacts());
        assertEquals(Map.of(), profile.sampleRates());
        assertEquals(FeatureDistribution.EMPTY, profile.durations());
        assertEquals(FeatureDistribution.EMPTY, profile.rmsLevels());
        assertEquals(3, profile.distribution("a", 0).count());
    }

    @Test
    void aProfileMustCoverEveryClassAndFeature() {
        ParameterException e = assertThrows(ParameterException.class, () -> new TrainingProfile(List.of("a", "b"),
                List.of("f0"), Map.of("a", 1, "b", 1), Map.of("a", List.of(FeatureDistribution.EMPTY)), 0,
                new TreeMap<>(), FeatureDistribution.EMPTY, FeatureDistribution.EMPTY, FeatureDistribution.EMPTY));
        assertEquals("the training profile needs 1 feature distributions for class b", e.getMessage());
    }
}
