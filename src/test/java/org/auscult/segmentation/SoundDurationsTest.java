package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoundDurationsTest {

    private static final int RATE = Envelopes.ENVELOPE_RATE;

    @Test
    void anAdultHeartKeepsSpringersDurations() {
        for (double cycle : new double[] {0.7, 0.8, 1.2}) {
            assertEquals(SoundDurations.SPRINGER.s1Mean(cycle), SoundDurations.ANNOTATED.s1Mean(cycle), 1e-12);
            assertEquals(SoundDurations.SPRINGER.s2Mean(cycle), SoundDurations.ANNOTATED.s2Mean(cycle), 1e-12);
            assertEquals(0.2, SoundDurations.ANNOTATED.shortestSystolicInterval(cycle), 1e-12);
        }
        assertEquals(0.122, SoundDurations.SPRINGER.s1Mean(0.3), 1e-12);
        assertEquals(0.094, SoundDurations.SPRINGER.s2Mean(0.3), 1e-12);
    }

    @Test
    void aFastHeartsSoundsShortenAsAnnotated() {
        // 180 bpm: S1 about 70 ms and S2 about 60 ms, as CirCor's annotators marked them above 160 bpm
        double cycle = 60.0 / 180;
        assertEquals(0.070, SoundDurations.ANNOTATED.s1Mean(cycle), 0.001);
        assertEquals(0.060, SoundDurations.ANNOTATED.s2Mean(cycle), 0.001);
        assertEquals(0.100, SoundDurations.ANNOTATED.shortestSystolicInterval(cycle), 0.001);
    }

    /**
     * An infant at about 176 bpm: S1 80 ms, systole 100 ms, S2 60 ms, diastole 100 ms (17 envelope values a cycle),
     * with a weak emission that favours the true state by one nat. Springer's 216 ms of sound leave no room for the
     * silences, so that model stretches the sounds over them; the annotated durations follow the beats.
     */
    @Test
    void aFastHeartIsDecodedInStepOnlyWithTheAnnotatedDurations() {
        int[] cycle = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3};
        int n = 20 * RATE;
        double[][] emission = new double[4][n];
        for (int t = 0; t < n; t++) {
            int state = cycle[t % cycle.length];
            for (int j = 0; j < 4; j++) {
                emission[j][t] = j == state ? 0.5 : -0.5;
            }
        }
        HeartRateEstimate estimate = new HeartRateEstimate(60.0 * RATE / cycle.length, cycle.length / (double) RATE,
                0.18, 0.9);
        double annotated = agreement(cycle,
                new CycleHsmm(durations(SoundDurations.ANNOTATED)).decodePath(emission, RATE, estimate));
        double springer = agreement(cycle,
                new CycleHsmm(durations(SoundDurations.SPRINGER)).decodePath(emission, RATE, estimate));
        assertTrue(annotated > 0.98, "annotated durations: " + annotated + " of the values in their state");
        assertTrue(springer < 0.9, "Springer's durations: " + springer + " of the values in their state");
    }

    /** The fraction of envelope values the path puts in the state of the repeating {@code cycle}. */
    private static double agreement(int[] cycle, CycleHsmm.Path path) {
        int[] states = path.states();
        int agree = 0;
        for (int t = 0; t < states.length; t++) {
            agree += states[t] == cycle[t % cycle.length] ? 1 : 0;
        }
        return agree / (double) states.length;
    }

    /** An emission that is never asked for its values, only for the durations it decodes with. */
    private static StateEmission durations(SoundDurations durations) {
        return new StateEmission() {
            @Override
            public double[][] logLikelihoods(Envelopes envelopes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double[] soundProbability(double[][] logLikelihoods) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SoundDurations soundDurations() {
                return durations;
            }

            @Override
            public Map<String, String> record() {
                return Map.of();
            }

            @Override
            public StateEmission withRecord(Map<String, String> extra) {
                return this;
            }

            @Override
            public void write(Path file, boolean replace) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
