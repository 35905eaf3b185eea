package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.auscult.audio.AudioClip;
import org.auscult.features.CycleEmission;

/**
 * Finds S1, systole, S2 and diastole in a phonocardiogram: envelopes of the 25-400 Hz band at 50 values per second
 * ({@link Envelopes}), the heart rate and systolic interval from the envelope autocorrelation
 * ({@link HeartRateEstimate}), then the most probable state sequence of a duration-dependent hidden semi-Markov
 * model (after Springer et al. 2016; see {@code CycleHsmm}), in which S2 is the higher-pitched sound. The
 * autocorrelation finds the two silences but not which one is systole: when the longer one is nearer the systole
 * expected at the heart rate ({@link #expectedSystolicInterval}), both readings are decoded and the one of higher
 * probability (the path's log-probability plus a Gaussian prior on the systolic interval) is kept. The model is then
 * decoded once more with the systole and cycle lengths measured on that decoding ({@link #refine}) instead of the
 * autocorrelation estimate. With a trained emission ({@link #withEmission}) the autocorrelation reads the trained
 * probability of a heart sound, {@code P(S1 | x) + P(S2 | x)}, instead of the homomorphic envelope: it is near 1 on
 * the sounds and near 0 between them whatever the loudness, which cut the cross-validated mean heart-rate error on
 * the CirCor training part from 6.4 to 4.0 bpm. Segment boundaries fall on the 20 ms grid of the envelope.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeartSoundSegmenter {

    static final double EXPECTED_SYSTOLE_AT_ZERO_BPM = 0.516;
    static final double EXPECTED_SYSTOLE_SLOPE = 0.0021;
    /** Spread of the systolic interval around the expected one, seconds. */
    static final double SYSTOLE_PRIOR_SD = 0.05;

    private final CycleHsmm model;

    /**
     * A segmenter with the hand-set emission parameters of docs/decisions/segmentation.md, as {@link #handSet()}. The
     * trained emission ({@link #of of(CycleEmission.TRAINED)}) is better on the CirCor training part under
     * patient-grouped cross-validation and a little worse on the PASCAL set_a marks; the default recipe, the window
     * and {@code segment} use it, and a feature configuration names which one its cycle features read.
     */
    public HeartSoundSegmenter() {
        this(new CycleHsmm());
    }

    /**
     * A segmenter whose HSMM emission is the hand-set logistic score of docs/decisions/segmentation.md (the default
     * recipe's before the trained emission, and still that of configurations that do not name one).
     */
    public static HeartSoundSegmenter handSet() {
        return new HeartSoundSegmenter(new CycleHsmm());
    }

    /**
     * The segmenter a feature configuration names ({@link org.auscult.features.FeatureConfig#cycleEmission()}): one
     * shared instance of each, the trained ones read from their resources on first use.
     */
    public static HeartSoundSegmenter of(CycleEmission emission) {
        return switch (emission) {
            case HAND_SET -> Shared.HAND_SET;
            case TRAINED -> Shared.Trained.SEGMENTER;
            case NETWORK -> Shared.Network.SEGMENTER;
        };
    }

    private static final class Shared {
        static final HeartSoundSegmenter HAND_SET = handSet();

        private static final class Trained {
            static final HeartSoundSegmenter SEGMENTER = withEmission(TrainedEmission.shipped());
        }

        private static final class Network {
            static final HeartSoundSegmenter SEGMENTER = withEmission(NetworkEmission.shipped());
        }
    }

    /** A segmenter whose HSMM emission is {@code emission} (see {@link StateEmission}). */
    public static HeartSoundSegmenter withEmission(StateEmission emission) {
        return new HeartSoundSegmenter(new CycleHsmm(emission));
    }

    HeartSoundSegmenter(CycleHsmm model) {
        this.model = model;
    }

    /** The segmentation of {@code clip} (any sample rate of at least 1 kHz). */
    public Segmentation segment(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        return segment(Envelopes.of(clip), clip.durationSeconds());
    }

    /**
     * The segmentation of {@code clip} that the cycle features computed into {@code shared} (the results shared by
     * one recording's features, see {@code FeatureEngine.extract(clip, shared)}), or a new one left there when they
     * did not run: one recording is segmented once, whoever asks first.
     */
    public Segmentation segment(AudioClip clip, java.util.Map<String, Object> shared) {
        Object analysis = shared.computeIfAbsent(CycleFeatures.SHARED_NAME, name -> analyse(clip));
        return ((CycleAnalysis) analysis).segmentation();
    }

    /** The segmentation from already computed envelopes of a recording lasting {@code durationSeconds}. */
    public Segmentation segment(Envelopes envelopes, double durationSeconds) {
        return analyse(envelopes, durationSeconds).segmentation();
    }

    /** The segmentation with what it was made from, for the cycle features. */
    record CycleAnalysis(Envelopes envelopes, HeartRateEstimate heartRate, double fit, Segmentation segmentation) {
    }

    CycleAnalysis analyse(AudioClip clip) {
        return analyse(Envelopes.of(clip), clip.durationSeconds());
    }

    CycleAnalysis analyse(Envelopes envelopes, double durationSeconds) {
        int rate = Envelopes.ENVELOPE_RATE;
        double[] score = envelopes.soundScore();
        double[][] emission = model.emission(envelopes);
        HeartRateEstimate heartRate = HeartRateEstimate.of(model.rateEnvelope(envelopes, emission), rate,
                model.isTrained(), model.durations());
        CycleHsmm.Path shortPath = model.decodePath(emission, rate, heartRate);
        int[] states = shortPath.states();
        HeartRateEstimate longSystole = heartRate.withSystolicInterval(
                heartRate.cycleSeconds() - heartRate.systolicIntervalSeconds());
        if (nearerExpectedSystole(longSystole, heartRate)) {
            CycleHsmm.Path longPath = model.decodePath(emission, rate, longSystole);
            if (longPath.logProbability() + systolePrior(longSystole)
                    > shortPath.logProbability() + systolePrior(heartRate)) {
                heartRate = longSystole;
                states = longPath.states();
            }
        }
        HeartRateEstimate refined = refine(states, rate, heartRate, model.durations());
        if (refined != null) {
            states = model.decodePath(emission, rate, refined).states();
        }
        List<Segment> segments = toSegments(states, rate, durationSeconds);
        double fit = SignalQuality.fit(score, states);
        Segmentation segmentation = Segmentation.of(segments, durationSeconds, heartRate.heartRateBpm(),
                heartRate.systolicIntervalSeconds(), SignalQuality.index(heartRate.periodicity(), fit));
        return new CycleAnalysis(envelopes, heartRate, fit, segmentation);
    }

    /**
     * The expected S1-to-S2 interval at a heart rate, seconds: {@code T_sys(HR) = 0.516 − 0.0021 HR} (HR in beats
     * per minute), Weissler's regression of the QS2 interval ({@code 546 − 2.1 HR} ms) less about 30 ms from the Q wave
     * to the onset of S1. Systole shortens less than diastole as the heart speeds up, so above about 100 bpm the
     * systole is often the <i>longer</i> of the two silences.
     */
    static double expectedSystolicInterval(double heartRateBpm) {
        return EXPECTED_SYSTOLE_AT_ZERO_BPM - EXPECTED_SYSTOLE_SLOPE * heartRateBpm;
    }

    /** {@code ln N(T_sys; expectedSystolicInterval(HR), σ)} up to a constant, σ = {@value #SYSTOLE_PRIOR_SD} s. */
    static double systolePrior(HeartRateEstimate estimate) {
        double z = (estimate.systolicIntervalSeconds() - expectedSystolicInterval(estimate.heartRateBpm()))
                / SYSTOLE_PRIOR_SD;
        return -0.5 * z * z;
    }

    /**
     * Whether {@code candidate}'s systolic interval is nearer the one expected at the heart rate than
     * {@code current}'s.
     */
    static boolean nearerExpectedSystole(HeartRateEstimate candidate, HeartRateEstimate current) {
        double expected = expectedSystolicInterval(current.heartRateBpm());
        return Math.abs(candidate.systolicIntervalSeconds() - expected)
                < Math.abs(current.systolicIntervalSeconds() - expected);
    }

    /**
     * The cycle and systolic interval measured on a first decoding, for a second one: the durations of the complete
     * segments (not the first, not the last) give {@code T_cycle} = the sum of the four median durations and
     * {@code T_sys = median systole + μ_S1} (the model's systole mean is {@code T_sys − μ_S1}, with {@code μ_S1} the
     * mean S1 length of {@code durations} at {@code T_cycle}). The autocorrelation sees only the strongest repetition
     * of the envelope; the decoded segments measure this recording's own systole and diastole. Null when there are
     * fewer than two complete systoles or diastoles.
     */
    static HeartRateEstimate refine(int[] states, int rate, HeartRateEstimate first, SoundDurations durations) {
        List<Double> systoles = new ArrayList<>();
        List<Double> diastoles = new ArrayList<>();
        List<Double> s1s = new ArrayList<>();
        List<Double> s2s = new ArrayList<>();
        int start = 0;
        boolean firstRun = true;
        for (int t = 1; t <= states.length; t++) {
            if (t == states.length || states[t] != states[start]) {
                if (!firstRun && t != states.length) {
                    double d = (t - start) / (double) rate;
                    switch (states[start]) {
                        case CycleHsmm.SYSTOLE -> systoles.add(d);
                        case CycleHsmm.DIASTOLE -> diastoles.add(d);
                        case CycleHsmm.S1 -> s1s.add(d);
                        default -> s2s.add(d);
                    }
                }
                firstRun = false;
                start = t;
            }
        }
        if (systoles.size() < 2 || diastoles.size() < 2 || s1s.isEmpty() || s2s.isEmpty()) {
            return null;
        }
        double cycle = Segmentation.median(systoles) + Segmentation.median(diastoles) + Segmentation.median(s1s)
                + Segmentation.median(s2s);
        double systolicInterval = Segmentation.median(systoles) + durations.s1Mean(cycle);
        return new HeartRateEstimate(60 / cycle, cycle, systolicInterval, first.periodicity());
    }

    /** Runs of equal states as segments; the last one reaches the end of the recording. */
    static List<Segment> toSegments(int[] states, int rate, double durationSeconds) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= states.length; t++) {
            if (t == states.length || states[t] != states[start]) {
                double end = t == states.length ? Math.max(durationSeconds, t / (double) rate) : t / (double) rate;
                segments.add(new Segment(start / (double) rate, end, CycleHsmm.CARDIAC_STATES[states[start]]));
                start = t;
            }
        }
        return segments;
    }
}
