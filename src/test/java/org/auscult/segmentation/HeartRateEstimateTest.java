package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeartRateEstimateTest {

    private static final int RATE = Envelopes.ENVELOPE_RATE;

    /**
     * A sound envelope at 50 values a second, as the trained emission's probability of a heart sound: S1 (1.0) every
     * {@code 60 / bpm} s and S2 (0.6) {@code systole} s after it, each three values wide, 0 between.
     */
    private static double[] sounds(double bpm, double systole, double seconds) {
        double[] envelope = new double[(int) Math.round(seconds * RATE)];
        for (double beat = 0.2; beat + systole + 0.06 < seconds; beat += 60 / bpm) {
            mark(envelope, beat, 1.0);
            mark(envelope, beat + systole, 0.6);
        }
        return envelope;
    }

    private static void mark(double[] envelope, double seconds, double level) {
        int centre = (int) Math.round(seconds * RATE);
        for (int t = centre - 1; t <= centre + 1; t++) {
            envelope[t] = level;
        }
    }

    @Test
    void anInfantAbove150BpmIsReadAtItsRateNotHalfOfIt() {
        // 160 bpm: a cycle of 0.375 s, below the autocorrelation's range; its double, 0.75 s, is in it
        HeartRateEstimate estimate = HeartRateEstimate.of(sounds(160, 0.18, 20), RATE, true);
        assertEquals(160, estimate.heartRateBpm(), 8, estimate.toString());
    }

    @Test
    void anEnvelopeThatIsNotASoundProbabilityIsNotCounted() {
        // the homomorphic envelope of the hand-set segmenter: the infant is read at half its rate, as before
        HeartRateEstimate estimate = HeartRateEstimate.of(sounds(160, 0.18, 20), RATE);
        assertEquals(80, estimate.heartRateBpm(), 4, estimate.toString());
    }

    @Test
    void aSlowerHeartWhoseSoundsAreEvenlySpacedKeepsItsRate() {
        // 80 bpm with S2 at nearly half the cycle: its half lag repeats almost as strongly, but there are two sounds
        // a cycle of 0.75 s, not two every 0.375 s
        HeartRateEstimate estimate = HeartRateEstimate.of(sounds(80, 0.36, 20), RATE, true);
        assertEquals(80, estimate.heartRateBpm(), 4, estimate.toString());
    }

    @Test
    void faster220BpmIsNotLookedFor() {
        // 250 bpm: its double (0.48 s) is in range and its half is below the fastest cycle considered
        HeartRateEstimate estimate = HeartRateEstimate.of(sounds(250, 0.11, 20), RATE, true);
        assertTrue(estimate.cycleSeconds() >= HeartRateEstimate.MIN_CYCLE_SECONDS, estimate.toString());
    }

    @Test
    void theSoundsAreTheEnvelopesPeaksAboveItsMeanAndApart() {
        double[] envelope = sounds(60, 0.3, 10);
        // S1 at 0.2, 1.2, ... 9.2 s and S2 0.3 s after each: ten of each
        assertEquals(20, HeartRateEstimate.soundPeaks(envelope, RATE));
        // a flat envelope has none; two bumps closer than 80 ms count once
        assertEquals(0, HeartRateEstimate.soundPeaks(new double[500], RATE));
        double[] close = new double[100];
        close[40] = 1;
        close[43] = 1;
        assertEquals(1, HeartRateEstimate.soundPeaks(close, RATE));
    }

    @Test
    void aFastHeartsSystoleIsLookedForBelow200MsWithTheAnnotatedDurations() {
        // 160 bpm with S2 0.17 s after S1: Springer's search starts at 0.2 s, above half the cycle, and falls back to
        // a third of the cycle; the annotated durations look from 0.3 of the cycle
        double[] envelope = sounds(160, 0.17, 20);
        HeartRateEstimate annotated = HeartRateEstimate.of(envelope, RATE, true, SoundDurations.ANNOTATED);
        HeartRateEstimate springer = HeartRateEstimate.of(envelope, RATE, true, SoundDurations.SPRINGER);
        assertEquals(160, annotated.heartRateBpm(), 8, annotated.toString());
        assertEquals(0.17, annotated.systolicIntervalSeconds(), 0.021, annotated.toString());
        assertTrue(Math.abs(springer.systolicIntervalSeconds() - 0.17) > 0.04, springer.toString());
    }
}
