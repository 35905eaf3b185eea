package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class SoundIntervalsTest {

    @Test
    void aStrictAlternationHasNoAnomaly() {
        SoundIntervals regular = SoundIntervals.ofIntervals(new double[] {0.3, 0.5, 0.3, 0.5, 0.3, 0.5});
        assertEquals(0, regular.largestDeviation(), 1e-12);
        assertEquals(1, regular.shortestRatio(), 1e-12);
        assertEquals(0, regular.repeats(), 0);
    }

    /** A sound at half the usual systolic interval: 50 % short, ln 2 off the systolic centre. */
    @Test
    void anEarlySoundIsShortAndDeviant() {
        SoundIntervals early = SoundIntervals.ofIntervals(new double[] {0.3, 0.5, 0.3, 0.5, 0.15, 0.5});
        assertEquals(0.5, early.shortestRatio(), 1e-12);
        assertEquals(Math.log(2), early.largestDeviation(), 1e-12);
        assertEquals(0, early.secondDeviation(), 1e-12);
        assertEquals(0, early.repeats(), 0);
    }

    /** "lub dub-dub": the diastole split in two breaks the alternation. */
    @Test
    void anExtraSoundInDiastoleRepeatsAShortInterval() {
        SoundIntervals extra = SoundIntervals.ofIntervals(new double[] {0.3, 0.5, 0.3, 0.2, 0.3, 0.3, 0.5});
        assertTrue(extra.repeats() > 0.3, extra.toString());
        assertTrue(extra.shortestRatio() < 0.7, extra.toString());
    }

    @Test
    void tooFewIntervalsMeasureNothing() {
        SoundIntervals few = SoundIntervals.ofIntervals(new double[] {0.3, 0.9, 0.3});
        assertEquals(0, few.largestDeviation());
        assertEquals(1, few.shortestRatio());
        assertEquals(0, few.repeats());
        assertEquals(3, few.intervals().length);
    }

    @Test
    void prominenceIsTheHeightAboveTheHigherSaddle() {
        double[] x = {0, 3, 1, 5, 2, 4, 0};
        assertEquals(2, SoundIntervals.prominence(x, 1), 0); // 3 above the saddle 1 towards the 5
        assertEquals(5, SoundIntervals.prominence(x, 3), 0); // the highest: down to 0 on both sides
        assertEquals(2, SoundIntervals.prominence(x, 5), 0); // 4 above the saddle 2 towards the 5
    }

    /** Peaks closer than 80 ms (4 values at 50 Hz) keep only the higher; flat low ripples are not sounds. */
    @Test
    void closePeaksKeepTheHigherAndRipplesAreIgnored() {
        double[] x = new double[40];
        x[10] = 10;
        x[12] = 6; // 40 ms after a higher peak
        x[30] = 8;
        x[20] = 0.1; // a ripple far below the sounds' prominence
        assertArrayEquals(new int[] {10, 30}, SoundIntervals.soundPeaks(x, 50));
    }

    @Test
    void theSoundsOfASyntheticTrainAlternate() {
        double[] beats = Lubdub.regularBeats(70, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        SoundIntervals regular = SoundIntervals.of(Envelopes.of(clean).hilbert(), Envelopes.ENVELOPE_RATE);
        // every S1 and S2 is a sound: 2 per beat, the last S2 still inside the recording
        assertEquals(2 * beats.length - 1, regular.intervals().length, Arrays.toString(regular.intervals()));
        assertTrue(regular.largestDeviation() < 0.1, regular.toString());
        assertEquals(0, regular.repeats(), 0);

        // an extra sound 150 ms after the S2 of the sixth beat
        AudioClip extra = Lubdub.withBurst(clean, beats[5] + 0.32 + 0.15, 0.04, 60, 0.4);
        SoundIntervals irregular = SoundIntervals.of(Envelopes.of(extra).hilbert(), Envelopes.ENVELOPE_RATE);
        assertTrue(irregular.largestDeviation() > 0.4, irregular.toString());
        assertTrue(irregular.shortestRatio() < 0.6, irregular.toString());
        assertTrue(irregular.repeats() > 0, irregular.toString());
    }
}
