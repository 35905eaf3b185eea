package org.auscult.dsp;

/** The magnitude of the analytic signal, the Hilbert envelope: the segmentation's and the quality indices' one. */
public final class AnalyticSignal {

    private AnalyticSignal() {
    }

    /**
     * {@code |x + i·H{x}|}: FFT (zero-padded to a power of two), negative frequencies zeroed and positive ones
     * doubled, inverse FFT, absolute value.
     */
    public static double[] magnitude(double[] x) {
        int n = x.length;
        int size = 1;
        while (size < Math.max(2, n)) {
            size <<= 1;
        }
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(x, 0, re, 0, n);
        ComplexFft.transform(re, im, false);
        for (int k = 1; k < size / 2; k++) {
            re[k] *= 2;
            im[k] *= 2;
        }
        for (int k = size / 2 + 1; k < size; k++) {
            re[k] = 0;
            im[k] = 0;
        }
        ComplexFft.transform(re, im, true);
        double[] magnitude = new double[n];
        for (int i = 0; i < n; i++) {
            magnitude[i] = Math.hypot(re[i], im[i]);
        }
        return magnitude;
    }
}
