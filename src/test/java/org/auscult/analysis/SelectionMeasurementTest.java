package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class SelectionMeasurementTest {

    private static final int RATE = 4000;

    /** Two seconds: a 100 Hz sine of amplitude 0.5 throughout, and a 400 Hz burst of amplitude 0.2 at 1.2-1.4 s. */
    private static float[] twoTones() {
        float[] x = new float[2 * RATE];
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) RATE;
            x[n] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * t)
                    + (t >= 1.2 && t < 1.4 ? 0.2 * Math.sin(2 * Math.PI * 400 * t) : 0));
        }
        return x;
    }

    @Test
    void aSineReadsItsFrequencyAndItsLevel() {
        SelectionMeasurement m = SelectionMeasurement.measure(twoTones(), RATE, 0.1, 1.1, 50, 200);
        assertEquals(1.0, m.durationSeconds(), 1e-9);
        assertEquals(100, m.peakFrequencyHz(), RATE / 4096.0);
        assertEquals(100, m.centreFrequencyHz(), 2);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), m.levelDbfs(), 0.2);
    }

    @Test
    void theBandKeepsOutWhatLiesOutsideItAndFindsWhenTheBurstIs() {
        float[] x = twoTones();
        SelectionMeasurement burst = SelectionMeasurement.measure(x, RATE, 0.5, 2.0, 300, 500);
        assertEquals(400, burst.peakFrequencyHz(), 1);
        assertTrue(burst.peakTimeSeconds() > 1.15 && burst.peakTimeSeconds() < 1.45, "burst at " + burst);
        // the burst fills 0.2 of the 1.5 s: its mean square is 0.02 * 0.2 / 1.5
        assertEquals(10 * Math.log10(0.02 * 0.2 / 1.5), burst.levelDbfs(), 1.0);
        SelectionMeasurement whole = SelectionMeasurement.measure(x, RATE, 0.5, 2.0, 0, RATE / 2.0);
        assertEquals(100, whole.peakFrequencyHz(), 1);
        assertTrue(whole.centreFrequencyHz() < 110, "most power is at 100 Hz: " + whole);
        assertTrue(whole.levelDbfs() > burst.levelDbfs() + 15);
    }

    @Test
    void aStretchShorterThanAFrameIsMeasuredToo() {
        SelectionMeasurement m = SelectionMeasurement.measure(twoTones(), RATE, 0.0, 0.01, 0, 2000);
        assertEquals(0.01, m.durationSeconds(), 1e-9);
        assertTrue(Double.isFinite(m.levelDbfs()));
    }

    @Test
    void emptyOrOutsideSelectionsAreRefusedInWords() {
        float[] x = twoTones();
        assertTrue(assertThrows(ParameterException.class, () -> SelectionMeasurement.measure(x, RATE, 3, 4, 0, 100))
                .getMessage().contains("holds no samples"));
        assertTrue(assertThrows(ParameterException.class, () -> SelectionMeasurement.measure(x, RATE, 0, 1, 300, 200))
                .getMessage().contains("band"));
        assertTrue(assertThrows(ParameterException.class, () -> SelectionMeasurement.measure(x, RATE, 0, 1, 0, 3000))
                .getMessage().contains("outside 0-2000.0 Hz"));
    }

    @Test
    void silenceReadsMinusInfinity() {
        SelectionMeasurement m = SelectionMeasurement.measure(new float[RATE], RATE, 0, 1, 0, 2000);
        assertEquals(Double.NEGATIVE_INFINITY, m.levelDbfs());
    }
}
