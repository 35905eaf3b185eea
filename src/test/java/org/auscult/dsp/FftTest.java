package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    /** X[k] = sum x[n] exp(-2 pi i k n / N), evaluated directly in O(N^2). */
    private static double[][] directDft(double[] x) {
        int n = x.length;
        double[][] spectrum = new double[2][n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double angle = -2.0 * Math.PI * ((long) k * j % n) / n;
                re += x[j] * Math.cos(angle);
                im += x[j] * Math.sin(angle);
            }
            spectrum[0][k] = re;
            spectrum[1][k] = im;
        }
        return spectrum;
    }

    private static double[] randomSignal(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048})
    void matchesTheDirectDftOnRandomInput(int size) {
        double[] x = randomSignal(size, 20_240_501L + size);
        double[][] expected = directDft(x);
        Fft fft = new Fft(size);
        double[] re = new double[size / 2 + 1];
        double[] im = new double[size / 2 + 1];
        fft.forward(x, re, im);
        double scale = Math.sqrt(size); // rms size of a bin of unit-variance noise
        for (int k = 0; k <= size / 2; k++) {
            assertEquals(expected[0][k], re[k], 1e-12 * scale * Math.log(size + 1) * 10, "re[" + k + "]");
            assertEquals(expected[1][k], im[k], 1e-12 * scale * Math.log(size + 1) * 10, "im[" + k + "]");
        }
        double[] power = new double[size / 2 + 1];
        fft.powerSpectrum(x, power);
        for (int k = 0; k <= size / 2; k++) {
            assertEquals(re[k] * re[k] + im[k] * im[k], power[k], 1e-12 * Math.max(1, power[k]), "power[" + k + "]");
        }
    }

    @Test
    void dcAndNyquistBinsAreRealAndExact() {
        double[] x = {1, -1, 1, -1, 1, -1, 1, -1};
        Fft fft = new Fft(8);
        double[] re = new double[5];
        double[] im = new double[5];
        fft.forward(x, re, im);
        assertEquals(0.0, re[0], 0.0);
        assertEquals(8.0, re[4], 1e-15);
        assertEquals(0.0, im[4], 1e-15);
        for (int k = 1; k < 4; k++) {
            assertEquals(0.0, Math.hypot(re[k], im[k]), 1e-14);
        }
    }

    @Test
    void aCosineOnABinHasAllItsEnergyInThatBin() {
        int n = 256;
        int bin = 17;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * bin * i / n);
        }
        double[] power = new double[n / 2 + 1];
        new Fft(n).powerSpectrum(x, power);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(k == bin ? (n / 2.0) * (n / 2.0) : 0.0, power[k], 1e-9, "bin " + k);
        }
    }

    @Test
    void parsevalHolds() {
        int n = 4096;
        double[] x = randomSignal(n, 7L);
        double[] power = new double[n / 2 + 1];
        new Fft(n).powerSpectrum(x, power);
        double timeEnergy = 0;
        for (double v : x) {
            timeEnergy += v * v;
        }
        // sum over all N bins = N * time energy; bins 1..N/2-1 appear twice (conjugate symmetry).
        double spectralEnergy = power[0] + power[n / 2];
        for (int k = 1; k < n / 2; k++) {
            spectralEnergy += 2 * power[k];
        }
        assertEquals(n * timeEnergy, spectralEnergy, 1e-9 * n * timeEnergy);
    }

    @Test
    void anInstanceGivesTheSameResultWhenReusedAndReadsAtAnOffset() {
        int n = 64;
        double[] x = randomSignal(n, 3L);
        double[] shifted = new double[n + 5];
        System.arraycopy(x, 0, shifted, 5, n);
        Fft fft = new Fft(n);
        double[] first = new double[n / 2 + 1];
        double[] second = new double[n / 2 + 2];
        fft.powerSpectrum(x, first);
        fft.powerSpectrum(randomSignal(n, 4L), new double[n / 2 + 1]);
        fft.powerSpectrum(shifted, 5, second, 1);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(first[k], second[k + 1], 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 6, 100, 255, 257, -8})
    void refusesSizesThatAreNotPowersOfTwo(int size) {
        ParameterException error = assertThrows(ParameterException.class, () -> new Fft(size));
        assertTrue(error.getMessage().contains("power of two") && error.getMessage().contains(Integer.toString(size)),
                error.getMessage());
    }

    @Test
    void refusesInputThatIsTooShort() {
        Fft fft = new Fft(16);
        assertThrows(IllegalArgumentException.class, () -> fft.powerSpectrum(new double[15], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> fft.powerSpectrum(new double[16], new double[8]));
    }
}
