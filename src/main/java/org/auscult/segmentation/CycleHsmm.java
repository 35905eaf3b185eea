package org.auscult.segmentation;

/**
 * A duration-dependent hidden semi-Markov model of the heart cycle (Springer, Tarassenko &amp; Clifford, "Logistic
 * Regression-HSMM-Based Heart Sound Segmentation", IEEE TBME 63(4), 2016), decoded with the Viterbi algorithm.
 *
 * <p>The states S1 → systole → S2 → diastole → S1 follow each other in a fixed cycle. A state lasts d envelope values
 * with probability {@code p_j(d) ∝ N(d; μ_j, σ_j)} over {@code μ_j ± 3σ_j} (at least one value), with Springer's
 * durations: S1 {@code μ_S1 = 122 ms, σ = 22 ms}; S2 {@code μ_S2 = 94 ms, σ = 22 ms}; systole
 * {@code μ = T_sys − μ_S1, σ = 25 ms}; diastole {@code μ = T_cycle − T_sys − μ_S2, σ = 0.07 μ + 6 ms} (with the
 * network emission the sounds shorten with a fast heart, {@link SoundDurations#ANNOTATED}), where
 * {@code T_cycle} and {@code T_sys} come from the envelope autocorrelation ({@link HeartRateEstimate}). Springer's
 * Gaussians forbid an irregular beat, so two changes let the rhythm show through: the diastole may last from
 * {@value #MIN_DIASTOLE_SECONDS} s (a premature beat) to {@code μ + 0.6 T_cycle} (a compensatory pause), and the
 * duration of systole and diastole is a mixture {@code (1 − ε) N(d; μ, σ) + ε U(d)} with a uniform part of weight
 * {@code ε =} {@value #OUTLIER_WEIGHT} over the allowed range, so an odd interval costs a bounded penalty (about
 * 6 nats) that loud heart sounds in the right place outweigh.
 *
 * <p>Emission: each envelope value has a sound score {@code e} ({@link Envelopes#soundScore()}) and a pitch
 * {@code p} ({@link Envelopes#pitch()}). A silent state (systole, diastole) emits them with log-likelihood
 * {@code ln σ(−k (e − c))}, S1 with {@code ln σ(k (e − c)) + w ln σ(−p)} and S2 with
 * {@code ln σ(k (e − c)) + w ln σ(p)}, where {@code σ(z) = 1 / (1 + e^(−z))}: logistic emissions with hand-set slope
 * {@code k =} {@value #EMISSION_SLOPE}, threshold {@code c =} {@value #EMISSION_THRESHOLD} (in standard deviations of
 * the envelopes) and pitch weight {@code w =} {@value #PITCH_WEIGHT}, chosen by a grid search on the annotated
 * recordings (docs/decisions/segmentation.md). The pitch term says that S2 (closure of the aortic and pulmonary
 * valves) is the higher-pitched sound: its spectral centroid in the 25-400 Hz band was above that of S1 in 15 of the
 * 16 annotated CirCor recordings. It matters at high heart rates, where systole and diastole last about as long and
 * the durations alone cannot tell S1 from S2.
 *
 * <p>The recording may start and end anywhere in the cycle: the first and the last segment are truncated, so they
 * take any duration up to the state's maximum without a duration term (Springer's extension of the Viterbi recursion).
 *
 * <p>Recursion, with {@code C_j(t)} the cumulative emission log-likelihood of state j over values {@code 0 .. t-1}:
 * <pre>
 *   δ_j(t) = max_d [ δ_prev(j)(t − d) + ln p_j(d) + C_j(t) − C_j(t − d) ]
 * </pre>
 * the best log-probability of a path whose segment in state j ends just before value t.
 */
final class CycleHsmm {

    static final double EMISSION_SLOPE = 4.0;
    static final double EMISSION_THRESHOLD = -0.25;

    static final int S1 = 0;
    static final int SYSTOLE = 1;
    static final int S2 = 2;
    static final int DIASTOLE = 3;
    private static final int STATES = 4;
    static final CardiacState[] CARDIAC_STATES = {CardiacState.S1, CardiacState.SYSTOLE, CardiacState.S2,
        CardiacState.DIASTOLE};

    static final double PITCH_WEIGHT = 1.0;
    /** Weight of the uniform part of the systole and diastole durations, which lets the rhythm be irregular. */
    static final double OUTLIER_WEIGHT = 0.05;
    /** Shortest diastole, seconds: a premature beat may come this soon after S2. */
    static final double MIN_DIASTOLE_SECONDS = 0.1;
    /** A diastole may run this many cycles longer than its mean: room for a compensatory pause. */
    static final double PAUSE_CYCLES = 0.6;

    private final double slope;
    private final double threshold;
    private final double pitchWeight;
    /** The trained emission, or null for the hand-set one. */
    private final StateEmission trained;
    private final SoundDurations durations;

    CycleHsmm() {
        this(EMISSION_SLOPE, EMISSION_THRESHOLD, PITCH_WEIGHT);
    }

    CycleHsmm(double slope, double threshold, double pitchWeight) {
        this.slope = slope;
        this.threshold = threshold;
        this.pitchWeight = pitchWeight;
        this.trained = null;
        this.durations = SoundDurations.SPRINGER;
    }

    /** A model whose emission is {@code trained} instead of the hand-set logistic scores. */
    CycleHsmm(StateEmission trained) {
        this.slope = EMISSION_SLOPE;
        this.threshold = EMISSION_THRESHOLD;
        this.pitchWeight = PITCH_WEIGHT;
        this.trained = java.util.Objects.requireNonNull(trained, "trained");
        this.durations = trained.soundDurations();
    }

    /** The sound lengths this model expects. */
    SoundDurations durations() {
        return durations;
    }

    /** Whether the emission is the trained one, whose {@link #rateEnvelope} is a probability of a heart sound. */
    boolean isTrained() {
        return trained != null;
    }

    /**
     * The sequence whose autocorrelation gives the heart rate: the homomorphic envelope for the hand-set emission,
     * the trained probability of a heart sound {@code P(S1 | x) + P(S2 | x)} for the trained one.
     */
    double[] rateEnvelope(Envelopes envelopes, double[][] emission) {
        if (trained == null) {
            return envelopes.homomorphic();
        }
        return trained.soundProbability(emission);
    }

    /** The emission log-likelihoods {@code [state][t]} of a recording's envelopes under this model. */
    double[][] emission(Envelopes envelopes) {
        return trained != null ? trained.logLikelihoods(envelopes)
                : handSetEmission(envelopes.soundScore(), envelopes.pitch());
    }

    /** The state (0 S1, 1 systole, 2 S2, 3 diastole) of every envelope value. */
    int[] decode(double[] soundScore, double[] pitch, int rate, HeartRateEstimate heartRate) {
        return decodePath(soundScore, pitch, rate, heartRate).states();
    }

    /** The most probable state path and its log-probability. */
    record Path(int[] states, double logProbability) {
    }

    /** The most probable state path under the durations of {@code heartRate}, with its log-probability. */
    Path decodePath(double[] soundScore, double[] pitch, int rate, HeartRateEstimate heartRate) {
        return decodePath(handSetEmission(soundScore, pitch), rate, heartRate);
    }

    /**
     * The hand-set emission log-likelihoods {@code [state][t]}: silence {@code ln σ(−k (e − c))}, S1
     * {@code ln σ(k (e − c)) + w ln σ(−p)}, S2 {@code ln σ(k (e − c)) + w ln σ(p)}.
     */
    double[][] handSetEmission(double[] soundScore, double[] pitch) {
        int n = Math.min(soundScore.length, pitch.length);
        double[][] emission = new double[STATES][n];
        for (int t = 0; t < n; t++) {
            double sound = logSigmoid(slope * (soundScore[t] - threshold));
            double silence = logSigmoid(-slope * (soundScore[t] - threshold));
            emission[S1][t] = sound + pitchWeight * logSigmoid(-pitch[t]);
            emission[SYSTOLE][t] = silence;
            emission[S2][t] = sound + pitchWeight * logSigmoid(pitch[t]);
            emission[DIASTOLE][t] = silence;
        }
        return emission;
    }

    /**
     * The most probable state path under the durations of {@code heartRate}, given the emission log-likelihood
     * {@code emission[j][t]} of every state j at every envelope value t (any additive constant per t cancels out
     * of the comparison between paths).
     */
    Path decodePath(double[][] emission, int rate, HeartRateEstimate heartRate) {
        int n = emission[0].length;
        int[] states = new int[n];
        if (n == 0) {
            return new Path(states, 0);
        }
        double[][] durationLog = durationLogProbabilities(rate, heartRate, durations);
        int[] maxDuration = new int[STATES];
        int[] minDuration = new int[STATES];
        for (int j = 0; j < STATES; j++) {
            maxDuration[j] = durationLog[j].length - 1;
            minDuration[j] = 1;
            while (durationLog[j][minDuration[j]] == Double.NEGATIVE_INFINITY) {
                minDuration[j]++;
            }
        }
        double[][] cumulative = new double[STATES][n + 1];
        for (int j = 0; j < STATES; j++) {
            for (int t = 0; t < n; t++) {
                cumulative[j][t + 1] = cumulative[j][t] + emission[j][t];
            }
        }
        double start = Math.log(1.0 / STATES);
        double[][] best = new double[n + 1][STATES];
        int[][] bestDuration = new int[n + 1][STATES];
        for (int t = 1; t <= n; t++) {
            for (int j = 0; j < STATES; j++) {
                int previous = (j + STATES - 1) % STATES;
                double score = Double.NEGATIVE_INFINITY;
                int duration = 0;
                if (t <= maxDuration[j]) {
                    score = start + cumulative[j][t];
                    duration = t;
                }
                for (int d = minDuration[j]; d <= Math.min(maxDuration[j], t - 1); d++) {
                    double candidate = best[t - d][previous] + durationLog[j][d] + cumulative[j][t]
                            - cumulative[j][t - d];
                    if (candidate > score) {
                        score = candidate;
                        duration = d;
                    }
                }
                best[t][j] = score;
                bestDuration[t][j] = duration;
            }
        }
        // the last segment is truncated by the end of the recording: any duration up to the maximum, no duration term
        double finalScore = Double.NEGATIVE_INFINITY;
        int finalState = 0;
        int finalDuration = n;
        for (int j = 0; j < STATES; j++) {
            int previous = (j + STATES - 1) % STATES;
            for (int d = 1; d <= Math.min(maxDuration[j], n); d++) {
                double before = d == n ? start : best[n - d][previous];
                double candidate = before + cumulative[j][n] - cumulative[j][n - d];
                if (candidate > finalScore) {
                    finalScore = candidate;
                    finalState = j;
                    finalDuration = d;
                }
            }
        }
        if (finalScore == Double.NEGATIVE_INFINITY) {
            // longer than any one state and no path: cannot happen with finite emissions, but keep the output defined
            return new Path(states, Double.NEGATIVE_INFINITY);
        }
        int end = n;
        int state = finalState;
        int duration = finalDuration;
        while (true) {
            for (int t = end - duration; t < end; t++) {
                states[t] = state;
            }
            end -= duration;
            if (end <= 0) {
                break;
            }
            state = (state + STATES - 1) % STATES;
            duration = bestDuration[end][state];
        }
        return new Path(states, finalScore);
    }

    /**
     * {@code ln p_j(d)} for d = 0 .. max_j (index 0 and values outside the allowed range are −∞), normalised over
     * the allowed range.
     */
    static double[][] durationLogProbabilities(int rate, HeartRateEstimate heartRate, SoundDurations durations) {
        double s1Mean = durations.s1Mean(heartRate.cycleSeconds());
        double s2Mean = durations.s2Mean(heartRate.cycleSeconds());
        double systoleMean = Math.max(0.06, heartRate.systolicIntervalSeconds() - s1Mean);
        double diastoleMean = Math.max(0.1, heartRate.cycleSeconds() - heartRate.systolicIntervalSeconds() - s2Mean);
        double[][] meanSd = {
            {s1Mean, 0.022}, {systoleMean, 0.025}, {s2Mean, 0.022}, {diastoleMean, 0.07 * diastoleMean + 0.006}};
        double[][] result = new double[STATES][];
        for (int j = 0; j < STATES; j++) {
            double mean = meanSd[j][0] * rate;
            double sd = meanSd[j][1] * rate;
            int min = Math.max(1, (int) Math.floor(mean - 3 * sd));
            int max = Math.max(min, (int) Math.ceil(mean + 3 * sd));
            boolean silence = j == SYSTOLE || j == DIASTOLE;
            if (j == DIASTOLE) {
                // room for a premature beat (diastole cut short) and its compensatory pause (diastole + 60 % cycle)
                min = Math.max(1, (int) Math.floor(MIN_DIASTOLE_SECONDS * rate));
                max = Math.max(max, (int) Math.ceil(mean + PAUSE_CYCLES * heartRate.cycleSeconds() * rate));
            }
            double[] log = new double[max + 1];
            double total = 0;
            for (int d = min; d <= max; d++) {
                total += Math.exp(-0.5 * (d - mean) * (d - mean) / (sd * sd));
            }
            double outlier = silence ? OUTLIER_WEIGHT / (max - min + 1) : 0;
            for (int d = 0; d <= max; d++) {
                double gaussian = Math.exp(-0.5 * (d - mean) * (d - mean) / (sd * sd)) / total;
                log[d] = d < min ? Double.NEGATIVE_INFINITY
                        : Math.log((silence ? 1 - OUTLIER_WEIGHT : 1) * gaussian + outlier);
            }
            result[j] = log;
        }
        return result;
    }

    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
}
