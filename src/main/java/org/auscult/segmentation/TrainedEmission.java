package org.auscult.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The emission of the heart-cycle HSMM learnt from annotated segmentations, after Springer, Tarassenko &amp; Clifford
 * (IEEE TBME 2016): a logistic regression gives the posterior {@code P(j | x_t)} of each state j (S1, systole, S2,
 * diastole) from the envelope features {@code x_t} of value t, and the HSMM reads
 * <pre>
 *   ln b_j(x_t) = ln P(j | x_t) − ln P(j)
 * </pre>
 * which by Bayes' rule is {@code ln p(x_t | j) − ln p(x_t)}: the likelihood up to a term that is the same for every
 * state and so cancels between paths. Springer fits one binary regression per state; here one multinomial
 * (softmax) regression, {@code P(j | x) = exp(w_j·x) / Σ_k exp(w_k·x)}, so the posteriors sum to one.
 *
 * <p>Features ({@link #FEATURES}), all from {@link Envelopes} (standardised per recording): the homomorphic, Hilbert
 * and Shannon envelopes and the pitch at t; the homomorphic envelope at t ± 1, 2, 3 and the Hilbert and Shannon
 * envelopes at t ± 1 (whether t is at the start, the middle or the end of a sound: 20-60 ms either side); the pitch at
 * t ± 1, 2; the pitch times the sound score {@code max(0, e)} (the pitch of a silence means nothing, that of a sound
 * tells S2 from S1); and a constant. Values beyond the recording repeat the edge value. With the context the patient-
 * grouped cross-validated S1/S2 F1 on the CirCor training part rose from 0.918/0.907 (the four envelopes at t with
 * homomorphic ± 2 and pitch ± 1) to 0.934/0.926 (docs/decisions/segmentation.md).
 *
 * <p>Fit: maximum likelihood with a ridge penalty {@code λ/2 Σ ||w_j||²} ({@code λ =} {@value #RIDGE} per training
 * value, the constant not penalised), by Newton's method: gradient {@code Σ_t (y_tj − p_tj) x_t − λ N w_j}, Hessian
 * {@code −Σ_t p_tj (δ_jk − p_tk) x_t x_tᵀ − λ N I}, until the largest step is below 1e-6 or after
 * {@value #MAX_ITERATIONS} steps. The log-likelihood is concave, so the optimum is the global one.
 *
 * <p>Saved as a properties text: {@code weights.<state>} (space-separated, in {@link #FEATURES} order),
 * {@code prior.<state>}, and free-form {@code trained.*} / {@code scored.*} keys recording the training data and the
 * measured accuracy.
 */
public final class TrainedEmission implements StateEmission {

    /** Names of the features, in weight order. */
    public static final List<String> FEATURES = List.of("homomorphic", "hilbert", "shannon", "pitch",
            "homomorphic-3", "homomorphic-2", "homomorphic-1", "homomorphic+1", "homomorphic+2", "homomorphic+3",
            "hilbert-1", "hilbert+1", "shannon-1", "shannon+1", "pitch-2", "pitch-1", "pitch+1", "pitch+2",
            "pitch*sound", "constant");
    static final int STATES = 4;
    static final double RIDGE = 1e-4;
    static final int MAX_ITERATIONS = 30;
    /** The parameters shipped with Auscult, trained on the CirCor 2022 training part. */
    public static final String RESOURCE = "/org/auscult/segmentation/trained-emission.properties";

    private final double[][] weights;
    private final double[] logPrior;
    private final Map<String, String> record;
    TrainedEmission(double[][] weights, double[] prior, Map<String, String> record) {
        if (weights.length != STATES || prior.length != STATES) {
            throw new IllegalArgumentException("need weights and a prior for " + STATES + " states");
        }
        this.weights = new double[STATES][];
        for (int j = 0; j < STATES; j++) {
            if (weights[j].length != FEATURES.size()) {
                throw new IllegalArgumentException("state " + j + ": expected " + FEATURES.size() + " weights, got "
                        + weights[j].length);
            }
            this.weights[j] = weights[j].clone();
        }
        this.logPrior = ParameterFile.logPrior(prior);
        this.record = new LinkedHashMap<>(record);
    }

    @Override
    public Map<String, String> record() {
        return Map.copyOf(record);
    }

    @Override
    public TrainedEmission withRecord(Map<String, String> extra) {
        double[] prior = Arrays.stream(logPrior).map(Math::exp).toArray();
        return new TrainedEmission(weights, prior, ParameterFile.merged(record, extra));
    }

    /** The parameters shipped in {@link #RESOURCE}. */
    public static TrainedEmission shipped() {
        return ParameterFile.shipped(TrainedEmission.class, RESOURCE, TrainedEmission::read);
    }

    /** The features of every envelope value, {@code [t][feature]} in {@link #FEATURES} order. */
    static double[][] features(Envelopes envelopes) {
        double[] h = envelopes.homomorphic();
        double[] a = envelopes.hilbert();
        double[] s = envelopes.shannon();
        double[] p = envelopes.pitch();
        int n = Math.min(Math.min(h.length, a.length), Math.min(s.length, p.length));
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            double sound = Math.max(0, (h[t] + a[t] + s[t]) / 3);
            x[t] = new double[] {h[t], a[t], s[t], p[t], at(h, t - 3, n), at(h, t - 2, n), at(h, t - 1, n),
                at(h, t + 1, n), at(h, t + 2, n), at(h, t + 3, n), at(a, t - 1, n), at(a, t + 1, n), at(s, t - 1, n),
                at(s, t + 1, n), at(p, t - 2, n), at(p, t - 1, n), at(p, t + 1, n), at(p, t + 2, n), p[t] * sound, 1};
        }
        return x;
    }

    private static double at(double[] v, int t, int n) {
        return v[Math.max(0, Math.min(n - 1, t))];
    }

    @Override
    public double[][] logLikelihoods(Envelopes envelopes) {
        double[][] x = features(envelopes);
        double[][] out = new double[STATES][x.length];
        double[] posterior = new double[STATES];
        for (int t = 0; t < x.length; t++) {
            logPosterior(x[t], posterior);
            for (int j = 0; j < STATES; j++) {
                out[j][t] = posterior[j] - logPrior[j];
            }
        }
        return out;
    }

    @Override
    public double[] soundProbability(double[][] logLikelihoods) {
        return StateEmission.soundProbability(logLikelihoods, logPrior, 1);
    }

    /** {@code ln P(j | x)} into {@code out}. */
    void logPosterior(double[] x, double[] out) {
        softmaxLog(weights, x, out);
    }

    private static void softmaxLog(double[][] w, double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < STATES; j++) {
            double z = 0;
            for (int f = 0; f < x.length; f++) {
                z += w[j][f] * x[f];
            }
            out[j] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int j = 0; j < STATES; j++) {
            sum += Math.exp(out[j] - max);
        }
        double log = max + Math.log(sum);
        for (int j = 0; j < STATES; j++) {
            out[j] -= log;
        }
    }

    /** One annotated recording: its features and the state (0-3, or −1 where not annotated) of every value. */
    record Labelled(double[][] features, int[] states) {
    }

    /**
     * Fits the regression on annotated values (state ≥ 0) of {@code recordings}.
     *
     * @throws IllegalArgumentException when some state has no annotated value
     */
    static TrainedEmission fit(List<Labelled> recordings, Map<String, String> record) {
        int d = FEATURES.size();
        int m = STATES * d;
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        long[] counts = new long[STATES];
        for (Labelled r : recordings) {
            for (int t = 0; t < Math.min(r.features().length, r.states().length); t++) {
                if (r.states()[t] >= 0) {
                    xs.add(r.features()[t]);
                    ys.add(r.states()[t]);
                    counts[r.states()[t]]++;
                }
            }
        }
        int n = xs.size();
        for (int j = 0; j < STATES; j++) {
            if (counts[j] == 0) {
                throw new IllegalArgumentException("no annotated value of " + CycleHsmm.CARDIAC_STATES[j]
                        + ": cannot train the emission");
            }
        }
        double[][] w = new double[STATES][d];
        double[] p = new double[STATES];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[m];
            double[][] hessian = new double[m][m]; // of the negative log-likelihood
            for (int i = 0; i < n; i++) {
                double[] x = xs.get(i);
                int y = ys.get(i);
                softmaxLog(w, x, p);
                for (int j = 0; j < STATES; j++) {
                    p[j] = Math.exp(p[j]);
                }
                for (int j = 0; j < STATES; j++) {
                    double residual = p[j] - (y == j ? 1 : 0);
                    for (int f = 0; f < d; f++) {
                        gradient[j * d + f] += residual * x[f];
                    }
                    for (int k = j; k < STATES; k++) {
                        double c = p[j] * ((j == k ? 1 : 0) - p[k]);
                        if (c == 0) {
                            continue;
                        }
                        for (int f = 0; f < d; f++) {
                            double cx = c * x[f];
                            double[] row = hessian[j * d + f];
                            for (int g = 0; g < d; g++) {
                                row[k * d + g] += cx * x[g];
                            }
                        }
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            double penalty = RIDGE * n;
            for (int j = 0; j < STATES; j++) {
                for (int f = 0; f < d; f++) {
                    int a = j * d + f;
                    // the constant is not penalised, but a tiny ridge keeps the softmax's redundant direction solvable
                    double lambda = f == d - 1 ? 1e-9 * n : penalty;
                    gradient[a] += lambda * w[j][f];
                    hessian[a][a] += lambda;
                }
            }
            double[] step = solveSymmetric(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < STATES; j++) {
                for (int f = 0; f < d; f++) {
                    w[j][f] -= step[j * d + f];
                    largest = Math.max(largest, Math.abs(step[j * d + f]));
                }
            }
            if (largest < 1e-6) {
                break;
            }
        }
        double[] prior = new double[STATES];
        Arrays.setAll(prior, j -> counts[j] / (double) n);
        Map<String, String> full = new LinkedHashMap<>(record);
        full.putIfAbsent("trained.values", Integer.toString(n));
        return new TrainedEmission(w, prior, full);
    }

    /** Solves {@code A x = b} for a symmetric positive-definite A (Cholesky). */
    static double[] solveSymmetric(double[][] a, double[] b) {
        int m = b.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalStateException("the Hessian is not positive definite");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < m; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    @Override
    public void write(Path file, boolean replace) throws IOException {
        ParameterFile.write(file, replace, out -> {
            out.println("# Emission of the Auscult heart-cycle HSMM: multinomial logistic regression, "
                    + "ln b_j(x) = ln P(j|x) - ln P(j)");
            out.println("# states: 0 S1, 1 systole, 2 S2, 3 diastole");
            out.println("features=" + String.join(" ", FEATURES));
            for (int j = 0; j < STATES; j++) {
                out.println("weights." + j + "=" + ParameterFile.text(weights[j], 9));
            }
            for (int j = 0; j < STATES; j++) {
                out.println("prior." + j + "=" + String.format(Locale.ROOT, "%.9g", Math.exp(logPrior[j])));
            }
        }, record);
    }

    /** Reads parameters written by {@link #write}. */
    public static TrainedEmission read(InputStream in) throws IOException {
        Properties properties = ParameterFile.load(in);
        String features = properties.getProperty("features", "");
        if (!features.equals(String.join(" ", FEATURES))) {
            throw new IOException("expected the features '" + String.join(" ", FEATURES) + "', got '" + features + "'");
        }
        double[][] weights = new double[STATES][];
        double[] prior = new double[STATES];
        try {
            for (int j = 0; j < STATES; j++) {
                weights[j] = ParameterFile.numbers(properties, "weights." + j);
                prior[j] = Double.parseDouble(ParameterFile.required(properties, "prior." + j).trim());
            }
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + e.getMessage(), e);
        }
        try {
            return new TrainedEmission(weights, prior, ParameterFile.record(properties));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
