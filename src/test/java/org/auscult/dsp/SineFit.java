package org.auscult.dsp;

/**
 * Least-squares fit of a signal to sinusoids at known frequencies: {@code y[m] ≈ Σ_k a_k cos(ω_k m) + b_k sin(ω_k
 * m)}. Fitting every expected component jointly measures each amplitude without spectral leakage from the others.
 */
final class SineFit {

    private final double[] cosine;
    private final double[] sine;
    private final double residualRms;

    private SineFit(double[] cosine, double[] sine, double residualRms) {
        this.cosine = cosine;
        this.sine = sine;
        this.residualRms = residualRms;
    }

    /**
     * Fits {@code y[from … to)} at rate {@code sampleRate} to the given frequencies (Hz; 0 allowed and fitted with a
     * constant term only).
     */
    static SineFit fit(float[] y, int from, int to, double sampleRate, double... frequencies) {
        int k = frequencies.length;
        int size = 2 * k;
        double[][] normal = new double[size][size + 1];
        double[] basis = new double[size];
        for (int m = from; m < to; m++) {
            fillBasis(basis, m, sampleRate, frequencies);
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    normal[i][j] += basis[i] * basis[j];
                }
                normal[i][size] += basis[i] * y[m];
            }
        }
        // a zero-frequency component has no sine part: pin its coefficient to 0
        for (int i = 0; i < k; i++) {
            if (frequencies[i] == 0) {
                int row = 2 * i + 1;
                java.util.Arrays.fill(normal[row], 0);
                normal[row][row] = 1;
            }
        }
        double[] solution = solve(normal);
        double[] a = new double[k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            a[i] = solution[2 * i];
            b[i] = solution[2 * i + 1];
        }
        double sumSquares = 0;
        for (int m = from; m < to; m++) {
            fillBasis(basis, m, sampleRate, frequencies);
            double model = 0;
            for (int i = 0; i < size; i++) {
                model += basis[i] * solution[i];
            }
            double r = y[m] - model;
            sumSquares += r * r;
        }
        return new SineFit(a, b, Math.sqrt(sumSquares / (to - from)));
    }

    /** Amplitude of component i: √(a² + b²). */
    double amplitude(int i) {
        return Math.hypot(cosine[i], sine[i]);
    }

    /** Phase of component i as in A·sin(ωm + φ): a = A sin φ, b = A cos φ. */
    double sinePhase(int i) {
        return Math.atan2(cosine[i], sine[i]);
    }

    /** RMS of what the fitted sinusoids do not explain. */
    double residualRms() {
        return residualRms;
    }

    private static void fillBasis(double[] basis, int m, double sampleRate, double[] frequencies) {
        for (int i = 0; i < frequencies.length; i++) {
            double angle = 2 * Math.PI * frequencies[i] * m / sampleRate;
            basis[2 * i] = Math.cos(angle);
            basis[2 * i + 1] = Math.sin(angle);
        }
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    private static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = augmented[row][col] / augmented[col][col];
                for (int j = col; j <= n; j++) {
                    augmented[row][j] -= factor * augmented[col][j];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = augmented[row][n];
            for (int j = row + 1; j < n; j++) {
                sum -= augmented[row][j] * x[j];
            }
            x[row] = sum / augmented[row][row];
        }
        return x;
    }
}
