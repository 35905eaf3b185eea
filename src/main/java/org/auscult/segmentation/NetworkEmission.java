package org.auscult.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The emission of the heart-cycle HSMM as a small neural network: the posterior {@code P(j | x_t)} of each state j
 * (S1, systole, S2, diastole) from the four standardised envelopes of {@link Envelopes} (homomorphic, Hilbert,
 * Shannon, pitch) at the {@code 2C + 1} values {@code t − C .. t + C} around t ({@code C =} context, 20 ms each),
 * plus the pitch times the sound score at t; the HSMM reads {@code w (ln P(j | x_t) − ln P(j))}, the likelihood ratio
 * of {@link TrainedEmission} weighted by {@code w =} {@value #EVIDENCE_WEIGHT}. One hidden layer of rectified units:
 * <pre>
 *   h = max(0, W₁ x + b₁),   P(j | x) = exp(z_j) / Σ_k exp(z_k),   z = W₂ h + b₂
 * </pre>
 * The wide context lets the network see what comes before and after a sound (a systole-long gap before an S2, a
 * diastole-long one before an S1), which the logistic regression on ±60 ms cannot.
 *
 * <p><b>The network finds the sounds; the HSMM names them.</b> The network is trained on all four states, but the
 * HSMM reads one value for both sounds, the evidence of a heart sound of either kind,
 * {@code l_S1 = l_S2 = w (ln(P(S1 | x) + P(S2 | x)) − ln(P(S1) + P(S2)))}, and the network's systole and diastole as
 * they are. Which sound is S1 then follows from the cycle's order and durations and from which silence the network
 * takes for systole. The network's own S1-or-S2 call leans on loudness, which differs between devices and
 * patients. Under patient-grouped cross-validation on the CirCor training part, S1/S2 F1 went from 0.959 / 0.960
 * to 0.961 / 0.962, and on the PASCAL set_a marks from 0.801 / 0.798 to 0.813 / 0.816
 * (docs/decisions/segmentation.md, "The network finds the sounds, the HSMM names them").
 *
 * <p>Fitted by {@link NetworkTraining}.
 */
public final class NetworkEmission implements StateEmission {

    static final int STATES = 4;
    static final int ENVELOPES = 4;
    /** The parameters shipped with Auscult, trained on the CirCor 2022 training part. */
    public static final String RESOURCE = "/org/auscult/segmentation/network-emission.properties";
    /** The shipped network's context (values either side of t), hidden units and passes over the training values. */
    static final int CONTEXT = 20;
    static final int HIDDEN = 64;
    static final int EPOCHS = 8;
    /**
     * The weight of the network's evidence against the HSMM's durations. Neighbouring values share most of their
     * 0.8 s input, so their outputs are far from the independent observations the HSMM multiplies; counting each at
     * half its log-likelihood ratio lets the durations speak (cross-validated S1/S2 F1 0.957 / 0.956 at full weight,
     * 0.959 / 0.959 at half; PASCAL set_a 0.784 / 0.779 and 0.801 / 0.798; measured when the HSMM still read the
     * network's S1 and S2 apart). With one sound value, 0.35, 0.5, 0.7 and 1.0 give 0.962 / 0.963, 0.961 / 0.962,
     * 0.960 / 0.961 and 0.959 / 0.959, all within 0.003 of each other, so the weight stays.
     */
    static final double EVIDENCE_WEIGHT = 0.5;
    /** The states the network's own evidence is read for; the sounds share one value. */
    private static final int[] SILENCES = {CycleHsmm.SYSTOLE, CycleHsmm.DIASTOLE};

    private final int context;
    private final int hidden;
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;
    private final double[] logPrior;
    private final Map<String, String> record;

    NetworkEmission(int context, int hidden, double[] w1, double[] b1, double[] w2, double[] b2, double[] prior,
                    Map<String, String> record) {
        int inputs = inputs(context);
        if (context < 0 || hidden < 1 || w1.length != hidden * inputs || b1.length != hidden
                || w2.length != STATES * hidden || b2.length != STATES || prior.length != STATES) {
            throw new IllegalArgumentException("the weights do not match a network of context " + context
                    + " and " + hidden + " hidden units");
        }
        this.context = context;
        this.hidden = hidden;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2.clone();
        this.logPrior = ParameterFile.logPrior(prior);
        this.record = new LinkedHashMap<>(record);
    }

    /**
     * {@link SoundDurations#ANNOTATED}: with this emission the sounds of a fast heart shorten as annotated, which
     * measured better (docs/decisions/segmentation.md, "Sound durations of a fast heart").
     */
    @Override
    public SoundDurations soundDurations() {
        return SoundDurations.ANNOTATED;
    }

    /** The parameters shipped in {@link #RESOURCE}. */
    public static NetworkEmission shipped() {
        return ParameterFile.shipped(NetworkEmission.class, RESOURCE, NetworkEmission::read);
    }

    static int inputs(int context) {
        return ENVELOPES * (2 * context + 1) + 1;
    }

    /** The input of value t into {@code x}; values beyond the recording repeat the edge value. */
    static void input(double[][] envelopes, int t, int context, double[] x) {
        int n = envelopes[0].length;
        int f = 0;
        for (double[] e : envelopes) {
            for (int k = -context; k <= context; k++) {
                x[f++] = e[Math.max(0, Math.min(n - 1, t + k))];
            }
        }
        double[] h = envelopes[0];
        double[] a = envelopes[1];
        double[] s = envelopes[2];
        x[f] = envelopes[3][t] * Math.max(0, (h[t] + a[t] + s[t]) / 3);
    }

    static double[][] envelopeArrays(Envelopes envelopes) {
        double[][] e = {envelopes.homomorphic(), envelopes.hilbert(), envelopes.shannon(), envelopes.pitch()};
        int n = Arrays.stream(e).mapToInt(v -> v.length).min().orElse(0);
        for (int i = 0; i < e.length; i++) {
            e[i] = Arrays.copyOf(e[i], n);
        }
        return e;
    }

    @Override
    public double[][] logLikelihoods(Envelopes envelopes) {
        return logLikelihoods(envelopeArrays(envelopes));
    }

    /**
     * {@link #logLikelihoods(Envelopes)} of the envelopes {@code e} ({@link #envelopeArrays} order): one value for
     * both sounds (see the class comment).
     */
    double[][] logLikelihoods(double[][] e) {
        double[][] out = logPosteriors(e);
        double soundLogPrior = logSum(logPrior[CycleHsmm.S1], logPrior[CycleHsmm.S2]);
        for (int t = 0; t < out[0].length; t++) {
            double sound = EVIDENCE_WEIGHT * (logSum(out[CycleHsmm.S1][t], out[CycleHsmm.S2][t]) - soundLogPrior);
            for (int j : SILENCES) {
                out[j][t] = EVIDENCE_WEIGHT * (out[j][t] - logPrior[j]);
            }
            out[CycleHsmm.S1][t] = sound;
            out[CycleHsmm.S2][t] = sound;
        }
        return out;
    }

    /** The network's own answer, {@code ln P(j | x_t)} for every state j and value t of the envelopes {@code e}. */
    double[][] logPosteriors(double[][] e) {
        int n = e[0].length;
        double[][] out = new double[STATES][n];
        double[] x = new double[inputs(context)];
        double[] h = new double[hidden];
        double[] p = new double[STATES];
        for (int t = 0; t < n; t++) {
            input(e, t, context, x);
            logPosterior(x, h, p);
            for (int j = 0; j < STATES; j++) {
                out[j][t] = p[j];
            }
        }
        return out;
    }

    /** {@code ln(e^a + e^b)}. */
    private static double logSum(double a, double b) {
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    /** {@code ln P(j | x)} into {@code out}, the hidden layer into {@code h}. */
    private void logPosterior(double[] x, double[] h, double[] out) {
        forward(w1, b1, w2, b2, hidden, x, h, out);
        double max = Arrays.stream(out).max().orElse(0);
        double sum = 0;
        for (double z : out) {
            sum += Math.exp(z - max);
        }
        double log = max + Math.log(sum);
        for (int j = 0; j < STATES; j++) {
            out[j] -= log;
        }
    }

    /** The logits {@code z = W₂ max(0, W₁ x + b₁) + b₂} into {@code z}, the hidden layer into {@code h}. */
    static void forward(double[] w1, double[] b1, double[] w2, double[] b2, int hidden, double[] x,
                                double[] h, double[] z) {
        int inputs = x.length;
        for (int k = 0; k < hidden; k++) {
            double sum = b1[k];
            int row = k * inputs;
            for (int f = 0; f < inputs; f++) {
                sum += w1[row + f] * x[f];
            }
            h[k] = Math.max(0, sum);
        }
        for (int j = 0; j < STATES; j++) {
            double sum = b2[j];
            int row = j * hidden;
            for (int k = 0; k < hidden; k++) {
                sum += w2[row + k] * h[k];
            }
            z[j] = sum;
        }
    }

    @Override
    public double[] soundProbability(double[][] logLikelihoods) {
        return StateEmission.soundProbability(logLikelihoods, logPrior, EVIDENCE_WEIGHT);
    }

    @Override
    public Map<String, String> record() {
        return Map.copyOf(record);
    }

    @Override
    public NetworkEmission withRecord(Map<String, String> extra) {
        return new NetworkEmission(context, hidden, w1, b1, w2, b2, prior(), ParameterFile.merged(record, extra));
    }

    /** The state priors {@code P(j)} the network was trained with. */
    double[] prior() {
        return Arrays.stream(logPrior).map(Math::exp).toArray();
    }

    @Override
    public void write(Path file, boolean replace) throws IOException {
        ParameterFile.write(file, replace, out -> {
            out.println("# Emission of the Auscult heart-cycle HSMM: a network with one hidden layer, "
                    + "ln b_j(x) = w (ln P(j|x) - ln P(j)) for systole and diastole, "
                    + "w (ln(P(S1|x) + P(S2|x)) - ln(P(S1) + P(S2))) for both sounds, w = " + EVIDENCE_WEIGHT);
            out.println("# states: 0 S1, 1 systole, 2 S2, 3 diastole");
            out.println("model=network");
            out.println("network.context=" + context);
            out.println("network.hidden=" + hidden);
            out.println("w1=" + ParameterFile.text(w1, 8));
            out.println("b1=" + ParameterFile.text(b1, 8));
            out.println("w2=" + ParameterFile.text(w2, 8));
            out.println("b2=" + ParameterFile.text(b2, 8));
            out.println("prior=" + ParameterFile.text(prior(), 8));
        }, record);
    }

    /** Reads parameters written by {@link #write}. */
    public static NetworkEmission read(InputStream in) throws IOException {
        Properties properties = ParameterFile.load(in);
        if (!"network".equals(properties.getProperty("model"))) {
            throw new IOException("not a network emission (model=" + properties.getProperty("model") + ")");
        }
        try {
            return new NetworkEmission(Integer.parseInt(ParameterFile.required(properties, "network.context").trim()),
                    Integer.parseInt(ParameterFile.required(properties, "network.hidden").trim()),
                    ParameterFile.numbers(properties, "w1"), ParameterFile.numbers(properties, "b1"),
                    ParameterFile.numbers(properties, "w2"), ParameterFile.numbers(properties, "b2"),
                    ParameterFile.numbers(properties, "prior"), ParameterFile.record(properties));
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
