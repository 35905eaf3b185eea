package org.auscult.segmentation;

/**
 * The lengths of the heart sounds the cycle HSMM expects ({@link CycleHsmm}), and the shortest S1-to-S2 interval the
 * heart-rate estimate looks for ({@link HeartRateEstimate}).
 *
 * <ul>
 *   <li>{@link #SPRINGER}: Springer's fixed means, S1 122 ms and S2 94 ms, and an S1-to-S2 interval of at least
 *       {@value HeartRateEstimate#MIN_SYSTOLE_SECONDS} s, whatever the heart rate.</li>
 *   <li>{@link #ANNOTATED}: the sounds shorten with a fast heart as they do in the CirCor annotations,
 *       {@code μ_S1 = min(122 ms, 0.21 T)} and {@code μ_S2 = min(94 ms, 0.18 T)} for a cycle of T seconds, and the
 *       S1-to-S2 interval is looked for from {@code min(0.2 s, 0.3 T)}. The fractions follow the annotations'
 *       medians above 120 bpm (S1 0.100, 0.083, 0.076 s and S2 0.094, 0.076, 0.062 s at 120-140, 140-160 and
 *       160-180 bpm), and a recording's median annotated S1-to-S2 interval is 0.3 of its cycle or more in 99.8 % of
 *       the recordings faster than 90 bpm. Below about 100 bpm (T ≥ 0.58 s) the sounds, and below 90 bpm
 *       (T ≥ 0.67 s) the systolic search, are {@link #SPRINGER}'s. An infant at 180 bpm (T = 0.33 s) has no room
 *       for Springer's 216 ms of sound plus a systole and a diastole.</li>
 * </ul>
 * Measured per emission under patient-grouped cross-validation on the CirCor training part
 * (docs/decisions/segmentation.md, "Sound durations of a fast heart"): {@link #ANNOTATED} lowers the network
 * emission's heart-rate error with S1 and S2 F1 unchanged, leaves the logistic regression's about where it was, and
 * makes the hand-set emission worse; so only the network decodes with it.
 */
public enum SoundDurations {
    SPRINGER,
    ANNOTATED;

    /** Springer's mean S1 length, seconds. */
    static final double SPRINGER_S1_SECONDS = 0.122;
    /** Springer's mean S2 length, seconds. */
    static final double SPRINGER_S2_SECONDS = 0.094;
    /** The annotated S1 length as a fraction of a fast heart's cycle. */
    static final double S1_CYCLE_FRACTION = 0.21;
    /** The annotated S2 length as a fraction of a fast heart's cycle. */
    static final double S2_CYCLE_FRACTION = 0.18;
    /** The shortest annotated S1-to-S2 interval as a fraction of its cycle. */
    static final double SYSTOLE_CYCLE_FRACTION = 0.3;

    /** The mean S1 length for a cycle of {@code cycleSeconds}, seconds. */
    double s1Mean(double cycleSeconds) {
        return springerOrShorter(SPRINGER_S1_SECONDS, S1_CYCLE_FRACTION, cycleSeconds);
    }

    /** The mean S2 length for a cycle of {@code cycleSeconds}, seconds. */
    double s2Mean(double cycleSeconds) {
        return springerOrShorter(SPRINGER_S2_SECONDS, S2_CYCLE_FRACTION, cycleSeconds);
    }

    /** The shortest S1-to-S2 interval the autocorrelation looks for in a cycle of {@code cycleSeconds}, seconds. */
    double shortestSystolicInterval(double cycleSeconds) {
        return springerOrShorter(HeartRateEstimate.MIN_SYSTOLE_SECONDS, SYSTOLE_CYCLE_FRACTION, cycleSeconds);
    }

    /** {@code springer}, or with {@link #ANNOTATED} at most {@code fraction} of the cycle. */
    private double springerOrShorter(double springer, double fraction, double cycleSeconds) {
        return this == SPRINGER ? springer : Math.min(springer, fraction * cycleSeconds);
    }
}
