package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RhythmTest {

    @Test
    void aSteadyRhythmHasNoSpreadAndNoPrematureBeat() {
        Rhythm rhythm = Rhythm.ofIntervals(new double[] {0.8, 0.8, 0.8, 0.8});
        assertEquals(0.8, rhythm.meanRr(), 1e-12);
        assertEquals(0, rhythm.sdRr(), 1e-12);
        assertEquals(0, rhythm.rmssd(), 1e-12);
        assertEquals(1, rhythm.minPrematureRatio(), 1e-12);
        assertEquals(0, rhythm.prematureBeats());
        assertEquals(75, rhythm.meanHeartRateBpm(), 1e-9);
    }

    @Test
    void aShortIntervalFollowedByAPauseIsOnePrematureBeat() {
        double[] rr = {0.8, 0.8, 0.52, 1.08, 0.8, 0.8};
        Rhythm rhythm = Rhythm.ofIntervals(rr);
        assertEquals(1, rhythm.prematureBeats());
        // reference of interval 2: median of 0.8, 0.8, 1.08, 0.8 = 0.8
        assertEquals(0.52 / 0.8, rhythm.minPrematureRatio(), 1e-12);
        double mean = (0.8 * 4 + 0.52 + 1.08) / 6;
        assertEquals(mean, rhythm.meanRr(), 1e-12);
        double rmssd = Math.sqrt((0 + 0.28 * 0.28 + 0.56 * 0.56 + 0.28 * 0.28 + 0) / 5);
        assertEquals(rmssd, rhythm.rmssd(), 1e-12);
    }

    /** A missed S1 doubles one interval; an extra S1 splits one into two short ones: neither is premature. */
    @Test
    void missedAndExtraBeatsAreNotPremature() {
        assertEquals(0, Rhythm.ofIntervals(new double[] {0.8, 0.8, 1.6, 0.8, 0.8}).prematureBeats());
        Rhythm split = Rhythm.ofIntervals(new double[] {0.8, 0.8, 0.4, 0.4, 0.8, 0.8});
        assertEquals(0, split.prematureBeats());
        assertEquals(0.5, split.minPrematureRatio(), 1e-12);
    }

    @Test
    void tooFewBeatsGiveMissingValues() {
        Rhythm none = Rhythm.of(new double[] {1.0});
        assertTrue(Double.isNaN(none.meanRr()));
        assertTrue(Double.isNaN(none.minPrematureRatio()));
        Rhythm one = Rhythm.of(new double[] {1.0, 1.8});
        assertEquals(0.8, one.meanRr(), 1e-12);
        assertTrue(Double.isNaN(one.rmssd()));
        assertTrue(Double.isNaN(one.minPrematureRatio()));
        assertEquals(0, one.prematureBeats());
    }
}
