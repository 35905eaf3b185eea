package org.auscult.dsp;

/**
 * In-place iterative radix-2 complex FFT, for what needs the whole complex spectrum: the analytic signal of the
 * Hilbert envelope, Welch spectra. {@link Fft} serves real input (every frame of the STFT) twice as fast.
 */
public final class ComplexFft {

    private ComplexFft() {
    }

    /**
     * Transforms {@code (re, im)} in place: {@code X[k] = Σ x[n] e^(∓2πikn/N)}, the inverse ({@code inverse = true})
     * with the + sign and divided by N. The length must be a power of two.
     */
    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            for (int start = 0; start < n; start += length) {
                double uRe = 1;
                double uIm = 0;
                for (int k = 0; k < length / 2; k++) {
                    int a = start + k;
                    int b = a + length / 2;
                    double vRe = re[b] * uRe - im[b] * uIm;
                    double vIm = re[b] * uIm + im[b] * uRe;
                    re[b] = re[a] - vRe;
                    im[b] = im[a] - vIm;
                    re[a] += vRe;
                    im[a] += vIm;
                    double next = uRe * wRe - uIm * wIm;
                    uIm = uRe * wIm + uIm * wRe;
                    uRe = next;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
