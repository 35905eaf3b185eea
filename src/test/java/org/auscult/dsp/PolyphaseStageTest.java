package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast, blocked polyphase loop against the defining sum y[m] = Σ_n x[n] h[m q − n p + c], evaluated naively. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolyphaseStageTest {

    @ParameterizedTest(name = "p = {0}, q = {1}, {2} input samples from index {3}, outputs from {4}")
    @CsvSource({
            "1, 5, 30000, 0, 0",          // integer decimator, many blocks
            "1, 5, 30000, 0, -40",        // with the tail before the input
            "200, 441, 20000, 0, -3",     // 8820 -> 4000 Hz
            "2, 1, 6000, 0, 0",           // 2000 -> 4000 Hz, several blocks
            "441, 40, 500, 0, 0",         // 4000 -> 44100 Hz
            "147, 160, 9000, -25, 7",     // 48000 -> 44100 Hz, input starting at a negative index
            "3, 7, 50, 0, -20"})          // short input, outputs well beyond both ends
    void blockedPolyphaseLoopEqualsTheDefiningSum(int up, int down, int inputLength, long xStart, long outStart) {
        double inputRate = 8000;
        double upsampled = inputRate * up;
        double nyquist = Math.min(inputRate, inputRate * up / down) / 2;
        KaiserLowPass prototype = KaiserLowPass.design(0.8 * nyquist / upsampled, nyquist / upsampled, 83, up);
        PolyphaseStage stage = new PolyphaseStage(up, down, inputRate, prototype);

        Random random = new Random(17);
        float[] x = new float[inputLength];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        int outCount = (int) ((inputLength + 40L) * up / down);
        float[] y = stage.process(x, xStart, outStart, outCount);
        assertEquals(outCount, y.length);

        double sumOfTaps = 0;
        for (long k = 0; k < prototype.length(); k++) {
            sumOfTaps += Math.abs(prototype.tap(k));
        }
        double tolerance = 1e-6 * sumOfTaps / up;
        int step = Math.max(1, outCount / 3000);
        for (int i = 0; i < outCount; i += step) {
            long m = outStart + i;
            assertEquals(naive(x, xStart, m, up, down, prototype), y[i], tolerance, "output " + m);
        }
    }

    private static double naive(float[] x, long xStart, long m, int up, int down, KaiserLowPass h) {
        long t = m * down + h.centre();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            long k = t - (xStart + i) * up;
            if (k >= 0 && k < h.length()) {
                sum += x[i] * h.tap(k);
            }
        }
        return sum;
    }

    @Test
    void kaiserPrototypeIsSymmetricWithUnitDcGainAndTheFormulaLength() {
        // A = 80 dB, transition 0.02 cycles/sample: N − 1 = ⌈(80 − 7.95) / (2.285 · 2π · 0.02)⌉ = 251 -> 252
        KaiserLowPass h = KaiserLowPass.design(0.20, 0.22, 80, 1);
        assertEquals(253, h.length());
        assertEquals(126, h.centre());
        double dc = 0;
        for (long k = 0; k < h.length(); k++) {
            assertEquals(h.tap(k), h.tap(h.length() - 1 - k), 1e-15);
            dc += h.tap(k);
        }
        assertEquals(1, dc, 1e-4);
        assertEquals(0, h.tap(-1));
        assertEquals(0, h.tap(h.length()));
        assertEquals(0.1102 * (80 - 8.7), KaiserLowPass.kaiserBeta(80), 1e-12);
    }

    @Test
    void besselI0MatchesKnownValues() {
        // Abramowitz & Stegun, table 9.8: I0(1) = 1.266065878, I0(5) = 27.23987182, I0(10) = 2815.716628
        assertEquals(1, KaiserLowPass.besselI0(0), 0);
        assertEquals(1.2660658777520082, KaiserLowPass.besselI0(1), 1e-14);
        assertEquals(27.239871823604442, KaiserLowPass.besselI0(5), 1e-11);
        assertEquals(2815.716628466254, KaiserLowPass.besselI0(10), 1e-9);
        assertTrue(KaiserLowPass.besselI0(8.2) > 0);
    }
}
