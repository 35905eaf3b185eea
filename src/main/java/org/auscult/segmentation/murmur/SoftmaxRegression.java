package org.auscult.segmentation.murmur;

import java.util.Arrays;
import org.auscult.dsp.LinearSystem;

/**
 * Multinomial logistic regression with a ridge penalty, the model Weka's {@code Logistic} fits, small enough to ship
 * as a few lines of numbers. Every feature is standardised with the training mean and standard deviation
 * ({@code z = (x − μ) / σ}, σ = 1 for a constant feature), then
 * <pre>
 *   P(j | x) = exp(w_j·z + b_j) / Σ_k exp(w_k·z + b_k)
 * </pre>
 * fitted by maximum likelihood with the penalty {@code λ/2 Σ_j ||w_j||²} (and {@value #INTERCEPT_RIDGE} on the
 * intercepts, which only pins the softmax's free constant), by Newton's method until the largest step is below 1e-8
 * or after {@value #MAX_ITERATIONS} steps. The penalised log-likelihood is concave, so the optimum is the global one.
 *
 * <p>Immutable.
 */
public final class SoftmaxRegression {

    static final double INTERCEPT_RIDGE = 1e-4;
    static final int MAX_ITERATIONS = 50;

    private final double[] mean;
    private final double[] sd;
    /** {@code weights[j]}: the d feature weights of class j, then its intercept. */
    private final double[][] weights;

    SoftmaxRegression(double[] mean, double[] sd, double[][] weights) {
        int d = mean.length;
        if (sd.length != d || weights.length < 1) {
            throw new IllegalArgumentException("need a mean, a standard deviation and weights for every feature");
        }
        for (double[] w : weights) {
            if (w.length != d + 1) {
                throw new IllegalArgumentException("expected " + (d + 1) + " weights per class, got " + w.length);
            }
        }
        this.mean = mean.clone();
        this.sd = sd.clone();
        this.weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * Fits the model to rows {@code x} of classes {@code y} (0..classes−1) with ridge {@code lambda}.
     *
     * @throws IllegalArgumentException when there are no rows or a class is out of range
     */
    public static SoftmaxRegression fit(double[][] x, int[] y, int classes, double lambda) {
        int n = x.length;
        if (n == 0 || y.length != n || classes < 2) {
            throw new IllegalArgumentException("need rows, one class per row and two classes or more");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int f = 0; f < d; f++) {
            for (double[] row : x) {
                mean[f] += row[f] / n;
            }
            for (double[] row : x) {
                sd[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / n;
            }
            sd[f] = sd[f] > 1e-12 ? Math.sqrt(sd[f]) : 1;
        }
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("class " + label + " out of 0.." + (classes - 1));
            }
        }
        SoftmaxRegression model = new SoftmaxRegression(mean, sd, new double[classes][d + 1]);
        double[][] z = Arrays.stream(x).map(model::standardised).toArray(double[][]::new);
        int width = d + 1;
        int size = classes * width;
        double[] w = new double[size];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double[][] hessian = new double[size][size];
            for (int i = 0; i < n; i++) {
                double[] p = probabilities(w, z[i], classes);
                for (int j = 0; j < classes; j++) {
                    double residual = (y[i] == j ? 1 : 0) - p[j];
                    for (int a = 0; a < width; a++) {
                        gradient[j * width + a] += residual * z[i][a];
                    }
                    for (int k = 0; k < classes; k++) {
                        double c = p[j] * ((j == k ? 1 : 0) - p[k]);
                        for (int a = 0; a < width; a++) {
                            for (int b = 0; b < width; b++) {
                                hessian[j * width + a][k * width + b] += c * z[i][a] * z[i][b];
                            }
                        }
                    }
                }
            }
            for (int q = 0; q < size; q++) {
                double ridge = q % width == d ? INTERCEPT_RIDGE : lambda;
                gradient[q] -= ridge * w[q];
                hessian[q][q] += ridge;
            }
            double[] step = LinearSystem.solve(hessian, gradient);
            double largest = 0;
            for (int q = 0; q < size; q++) {
                w[q] += step[q];
                largest = Math.max(largest, Math.abs(step[q]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        double[][] weights = new double[classes][];
        Arrays.setAll(weights, j -> Arrays.copyOfRange(w, j * width, (j + 1) * width));
        return new SoftmaxRegression(mean, sd, weights);
    }

    /** The probability of every class for the feature values {@code x}. */
    public double[] probabilities(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " values, got " + x.length);
        }
        double[] flat = new double[weights.length * (mean.length + 1)];
        for (int j = 0; j < weights.length; j++) {
            System.arraycopy(weights[j], 0, flat, j * (mean.length + 1), mean.length + 1);
        }
        return probabilities(flat, standardised(x), weights.length);
    }

    /** The most probable class. */
    public int predict(double[] x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] sd() {
        return sd.clone();
    }

    double[][] weights() {
        return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@code (x − μ) / σ} with a 1 appended for the intercept; a non-finite value counts as the mean. */
    private double[] standardised(double[] x) {
        double[] z = new double[x.length + 1];
        for (int f = 0; f < x.length; f++) {
            z[f] = Double.isFinite(x[f]) ? (x[f] - mean[f]) / sd[f] : 0;
        }
        z[x.length] = 1;
        return z;
    }

    private static double[] probabilities(double[] w, double[] z, int classes) {
        int width = z.length;
        double[] scores = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            double s = 0;
            for (int a = 0; a < width; a++) {
                s += w[j * width + a] * z[a];
            }
            scores[j] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            scores[j] = Math.exp(scores[j] - max);
            sum += scores[j];
        }
        for (int j = 0; j < classes; j++) {
            scores[j] /= sum;
        }
        return scores;
    }
}
