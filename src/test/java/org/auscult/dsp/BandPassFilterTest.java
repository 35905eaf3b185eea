package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.me.berndporr.iirj.Butterworth;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BandPassFilterTest {

    /** −6.02 dB: the forward-backward gain at a cut-off, (1/√2)². */
    private static final double HALF_POWER_SQUARED_DB = 20 * Math.log10(0.5);

    static Stream<Arguments> designs() {
        return Stream.of(
                Arguments.of(25.0, 900.0, 4, 4000),
                Arguments.of(25.0, 400.0, 2, 4000),
                Arguments.of(20.0, 1000.0, 1, 4000),
                Arguments.of(25.0, 900.0, 3, 4000),
                Arguments.of(50.0, 1900.0, 5, 4000),
                Arguments.of(100.0, 600.0, 8, 2000),
                Arguments.of(25.0, 900.0, 4, 44100));
    }

    /** The closed-form Butterworth band-pass magnitude after the bilinear transform (see the class javadoc). */
    private static double butterworthMagnitude(double f, double low, double high, int order, int rate) {
        double w = Math.tan(Math.PI * f / rate);
        double w1 = Math.tan(Math.PI * low / rate);
        double w2 = Math.tan(Math.PI * high / rate);
        double omega = (w * w - w1 * w2) / (w * (w2 - w1));
        return 1 / Math.sqrt(1 + Math.pow(omega * omega, order));
    }

    private static double centre(double low, double high, int rate) {
        double w0 = Math.sqrt(Math.tan(Math.PI * low / rate) * Math.tan(Math.PI * high / rate));
        return rate / Math.PI * Math.atan(w0);
    }

    @ParameterizedTest(name = "{0}-{1} Hz, order {2}, {3} Hz")
    @MethodSource("designs")
    void sectionResponseIsTheButterworthMagnitudeEverywhere(double low, double high, int order, int rate) {
        BandPassFilter filter = BandPassFilter.butterworth(low, high, order, rate);
        assertEquals(order, filter.sections().length);
        for (int i = 1; i < 2000; i++) {
            double f = i * (rate / 2.0) / 2000;
            double expected = butterworthMagnitude(f, low, high, order, rate);
            assertEquals(expected, filter.magnitude(f), 1e-10 * Math.max(expected, 1e-3), "at " + f + " Hz");
        }
    }

    @ParameterizedTest(name = "{0}-{1} Hz, order {2}, {3} Hz")
    @MethodSource("designs")
    void zeroDecibelsAtTheCentreMinusSixAtTheCutOffsAndStrongAttenuationAnOctaveOut(double low, double high,
                                                                                     int order, int rate) {
        BandPassFilter filter = BandPassFilter.butterworth(low, high, order, rate);
        assertEquals(0, decibels(filter.zeroPhaseGain(centre(low, high, rate))), 1e-9);
        assertEquals(HALF_POWER_SQUARED_DB, decibels(filter.zeroPhaseGain(low)), 1e-9);
        assertEquals(HALF_POWER_SQUARED_DB, decibels(filter.zeroPhaseGain(high)), 1e-9);
        // a Butterworth band-pass of order n falls ~6n dB per octave of Ω per pass; an octave below the low
        // cut-off Ω ≥ 1.5 for the bands used here, so forward-backward ≥ 2 · 10 log10(1 + 1.5^(2n)) dB
        double required = 2 * 10 * Math.log10(1 + Math.pow(1.5, 2 * order));
        for (double f = low / 2; f > low / 64; f /= 2) {
            assertTrue(decibels(filter.zeroPhaseGain(f)) <= -required,
                    f + " Hz: " + decibels(filter.zeroPhaseGain(f)) + " dB, need <= " + -required);
        }
        for (double f = 2 * high; f < rate / 2.0; f *= 1.25) {
            assertTrue(decibels(filter.zeroPhaseGain(f)) <= -required,
                    f + " Hz: " + decibels(filter.zeroPhaseGain(f)) + " dB, need <= " + -required);
        }
    }

    @Test
    void theDefaultHeartSoundBandIsAtLeastFortyFiveDecibelsDownAnOctaveOutside() {
        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, 4000);
        assertTrue(decibels(filter.zeroPhaseGain(12.5)) < -45);
        assertTrue(decibels(filter.zeroPhaseGain(1800)) < -45);
    }

    @ParameterizedTest(name = "{0}-{1} Hz, order {2}, {3} Hz")
    @MethodSource("designs")
    void agreesWithTheIirjDesignOfTheSameBand(double low, double high, int order, int rate) {
        BandPassFilter filter = BandPassFilter.butterworth(low, high, order, rate);
        Butterworth reference = new Butterworth();
        reference.bandPass(order, rate, (low + high) / 2, high - low);
        for (int i = 1; i < 500; i++) {
            double f = i * (rate / 2.0) / 500;
            double expected = reference.response(f / rate).abs();
            assertEquals(expected, filter.magnitude(f), 1e-9 * Math.max(expected, 1e-3), "at " + f + " Hz");
        }
    }

    @ParameterizedTest(name = "{0}-{1} Hz, order {2}, {3} Hz")
    @MethodSource("designs")
    void filteringASineScalesItByTheSquaredMagnitudeWithoutPhaseShift(double low, double high, int order,
                                                                     int rate) {
        BandPassFilter filter = BandPassFilter.butterworth(low, high, order, rate);
        double[] probes = {centre(low, high, rate), low, high, 1.5 * low, 0.8 * high, low / 2, 2 * high};
        for (double f : probes) {
            if (f >= rate / 2.0) {
                continue;
            }
            double phase = 0.4;
            float[] x = new float[4 * rate];
            for (int n = 0; n < x.length; n++) {
                x[n] = (float) (0.5 * Math.sin(2 * Math.PI * f * n / rate + phase));
            }
            float[] y = filter.filter(x);
            SineFit fit = SineFit.fit(y, rate, 3 * rate, rate, f);
            double gain = fit.amplitude(0) / 0.5;
            assertEquals(filter.zeroPhaseGain(f), gain, 2e-5, "gain at " + f + " Hz");
            if (gain > 0.01) {
                assertEquals(phase, fit.sinePhase(0), 1e-4, "phase at " + f + " Hz");
            }
        }
    }

    @Test
    void aSymmetricPulseStaysSymmetricAboutTheSameSample() {
        int rate = 4000;
        int centre = 5000;
        float[] x = new float[10_000];
        for (int n = 0; n < x.length; n++) {
            double t = (n - centre) / (double) rate;
            x[n] = (float) (Math.exp(-t * t / (2 * 0.01 * 0.01)) * Math.cos(2 * Math.PI * 120 * t));
        }
        float[] y = BandPassFilter.butterworth(25, 900, 4, rate).filter(x);
        int peak = 0;
        for (int n = 1; n < y.length; n++) {
            if (Math.abs(y[n]) > Math.abs(y[peak])) {
                peak = n;
            }
        }
        assertEquals(centre, peak);
        for (int d = 1; d < 3000; d++) {
            assertEquals(y[centre - d], y[centre + d], 1e-6, "asymmetric at distance " + d);
        }
    }

    @Test
    void aConstantGivesZeroWithoutEdgeTransients() {
        float[] x = new float[8000];
        java.util.Arrays.fill(x, 0.8f);
        float[] y = BandPassFilter.butterworth(25, 900, 4, 4000).filter(x);
        for (float v : y) {
            assertEquals(0, v, 1e-6);
        }
    }

    @Test
    void aDcOffsetDoesNotBlowUpAtTheEdges() {
        // 0.8 offset plus a 0.1 sine in the pass band: without the odd extension and the steady-state start the
        // offset would enter as a step of 0.8 and ring at both ends. With them the offset contributes nothing:
        // the output equals that of the sine alone.
        int rate = 4000;
        float[] withOffset = new float[3 * rate];
        float[] sineOnly = new float[3 * rate];
        for (int n = 0; n < withOffset.length; n++) {
            sineOnly[n] = (float) (0.1 * Math.sin(2 * Math.PI * 150 * n / rate));
            withOffset[n] = 0.8f + sineOnly[n];
        }
        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, rate);
        float[] y = filter.filter(withOffset);
        float[] reference = filter.filter(sineOnly);
        double worst = 0;
        for (int n = 0; n < y.length; n++) {
            assertEquals(reference[n], y[n], 1e-6, "sample " + n);
            worst = Math.max(worst, Math.abs(y[n]));
        }
        // the sine's own end effect (the odd extension bends it) stays a small fraction of its amplitude
        assertTrue(worst < 0.1 * 1.2, "max |y| = " + worst);
    }

    @Test
    void aStepInTheMiddleRingsThereAndNotAtTheEdges() {
        int rate = 4000;
        float[] x = new float[4 * rate];
        java.util.Arrays.fill(x, 2 * rate, x.length, 1f);
        float[] y = BandPassFilter.butterworth(25, 900, 4, rate).filter(x);
        double worst = 0;
        for (float v : y) {
            worst = Math.max(worst, Math.abs(v));
        }
        assertTrue(worst < 1, "max |y| = " + worst);
        for (int n = 0; n < rate / 10; n++) {
            assertEquals(0, y[n], 1e-4, "start " + n);
            assertEquals(0, y[y.length - 1 - n], 1e-4, "end " + n);
        }
    }

    @Test
    void inputsShorterThanThePaddingAreFiltered() {
        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, 4000);
        assertEquals(320, filter.paddingLength());   // two periods of 25 Hz at 4 kHz
        assertEquals(3 * (2 * 10 + 1), BandPassFilter.butterworth(500, 900, 10, 4000).paddingLength());
        Random random = new Random(5);
        for (int n = 0; n <= 2 * filter.paddingLength(); n++) {
            float[] noise = new float[n];
            float[] constant = new float[n];
            for (int i = 0; i < n; i++) {
                noise[i] = (float) random.nextGaussian() * 0.2f;
                constant[i] = -0.3f;
            }
            float[] y = filter.filter(noise);
            assertEquals(n, y.length);
            for (float v : y) {
                assertTrue(Float.isFinite(v) && Math.abs(v) < 5, "n = " + n + ": " + v);
            }
            for (float v : filter.filter(constant)) {
                assertEquals(0, v, 1e-6, "constant input of length " + n);
            }
        }
    }

    @Test
    void applyKeepsTheRateAndRefusesAnotherRate() {
        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, 4000);
        AudioClip out = filter.apply(new AudioClip(new float[100], 4000));
        assertEquals(4000, out.sampleRate());
        assertEquals(100, out.length());
        ParameterException e = assertThrows(ParameterException.class,
                () -> filter.apply(new AudioClip(new float[100], 44100)));
        assertTrue(e.getMessage().contains("44100"), e.getMessage());
    }

    @Test
    void invalidParametersAreRefusedWithTheParameterAndItsRange() {
        assertMessage(() -> BandPassFilter.butterworth(0, 900, 4, 4000), "low cut-off", "> 0 Hz", "got 0.0");
        assertMessage(() -> BandPassFilter.butterworth(-5, 900, 4, 4000), "low cut-off", "got -5.0");
        assertMessage(() -> BandPassFilter.butterworth(Double.NaN, 900, 4, 4000), "low cut-off", "got NaN");
        assertMessage(() -> BandPassFilter.butterworth(900, 25, 4, 4000), "high cut-off", "above the low",
                "got 25.0");
        assertMessage(() -> BandPassFilter.butterworth(25, 2000, 4, 4000), "high cut-off", "Nyquist",
                "2000.0 Hz", "got 2000.0");
        assertMessage(() -> BandPassFilter.butterworth(25, 900, 0, 4000), "order", "between 1 and 10", "got 0");
        assertMessage(() -> BandPassFilter.butterworth(25, 900, 11, 4000), "order", "got 11");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        ParameterException e = assertThrows(ParameterException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    private static double decibels(double gain) {
        return 20 * Math.log10(gain);
    }
}
