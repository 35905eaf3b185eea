package org.auscult.segmentation;

import java.util.Arrays;

/**
 * Adam's steps (Kingma &amp; Ba, ICLR 2015) for a set of parameter arrays, with a small weight decay added to the
 * gradient: for a mean gradient g over a batch, {@code m ← β₁ m + (1 − β₁) g}, {@code v ← β₂ v + (1 − β₂) g²} and
 * {@code θ ← θ − η m̂ / (√v̂ + ε)}, where {@code m̂ = m / (1 − β₁ᵗ)} and {@code v̂ = v / (1 − β₂ᵗ)} undo the zero start.
 */
final class AdamSteps {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[][] m;
    private final double[][] v;
    private final double decay;
    private int t;

    AdamSteps(double[][] params, double decay) {
        m = Arrays.stream(params).map(p -> new double[p.length]).toArray(double[][]::new);
        v = Arrays.stream(params).map(p -> new double[p.length]).toArray(double[][]::new);
        this.decay = decay;
    }

    /** One step of size {@code rate} from {@code gradient}, the sum over a batch of {@code batch} values. */
    void step(double[][] params, double[][] gradient, double rate, int batch) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int a = 0; a < params.length; a++) {
            for (int i = 0; i < params[a].length; i++) {
                double g = gradient[a][i] / batch + decay * params[a][i];
                m[a][i] = BETA1 * m[a][i] + (1 - BETA1) * g;
                v[a][i] = BETA2 * v[a][i] + (1 - BETA2) * g * g;
                params[a][i] -= rate * (m[a][i] / c1) / (Math.sqrt(v[a][i] / c2) + EPSILON);
            }
        }
    }
}
