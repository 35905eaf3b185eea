package org.auscult.dsp;

/**
 * Welch's averaged periodogram for measurements: mean removed, periodic Hann segments with 50 % overlap, power
 * summed per bin. Only ratios of band energies are used, so the scale does not matter. A short input is one
 * zero-padded segment.
 */
final class WelchSpectrum {

    private WelchSpectrum() {
    }

    /** Power in bins 0 … segment/2 (bin k is at k · rate / segment Hz). */
    static double[] power(float[] x, int segment) {
        if (Integer.bitCount(segment) != 1) {
            throw new IllegalArgumentException("segment must be a power of two: " + segment);
        }
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        double[] window = new double[segment];
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
        }
        double[] power = new double[segment / 2 + 1];
        double[] re = new double[segment];
        double[] im = new double[segment];
        int hop = segment / 2;
        for (int start = 0; start == 0 || start + segment <= x.length; start += hop) {
            for (int i = 0; i < segment; i++) {
                int n = start + i;
                re[i] = n < x.length ? (x[n] - mean) * window[i] : 0;
                im[i] = 0;
            }
            ComplexFft.transform(re, im, false);
            for (int k = 0; k <= segment / 2; k++) {
                power[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        return power;
    }

    /** Fraction of the power (bins ≥ 1) in [fromHz, toHz). */
    static double fraction(double[] power, int rate, double fromHz, double toHz) {
        int segment = 2 * (power.length - 1);
        double total = 0;
        double inBand = 0;
        for (int k = 1; k < power.length; k++) {
            double f = k * (double) rate / segment;
            total += power[k];
            if (f >= fromHz && f < toHz) {
                inBand += power[k];
            }
        }
        return total == 0 ? 0 : inBand / total;
    }
}
