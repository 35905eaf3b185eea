package org.auscult.segmentation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An emission of the heart-cycle HSMM learnt from annotated segmentations: for every envelope value t it gives
 * {@code ln P(j | x_t) − ln P(j)} for each state j (S1, systole, S2, diastole), which by Bayes' rule is the
 * likelihood {@code ln p(x_t | j)} up to a term common to all states (Springer, Tarassenko &amp; Clifford, IEEE TBME
 * 2016). {@link TrainedEmission} is a logistic regression on the envelopes around t; {@link NetworkEmission} a
 * one-hidden-layer network on a wider context.
 */
public interface StateEmission {

    /**
     * {@code ln P(j | x_t) − ln P(j)} for every state j and envelope value t, {@code [j][t]}, possibly weighted (the
     * weight of this emission's evidence against the HSMM's durations).
     */
    double[][] logLikelihoods(Envelopes envelopes);

    /** {@code P(S1 | x_t) + P(S2 | x_t)} from the log-likelihoods {@link #logLikelihoods} returned. */
    double[] soundProbability(double[][] logLikelihoods);

    /** The sound lengths the cycle HSMM expects when it decodes with this emission. */
    default SoundDurations soundDurations() {
        return SoundDurations.SPRINGER;
    }

    /** The record of what the parameters were trained on and how they scored ({@code trained.*}, {@code scored.*}). */
    Map<String, String> record();

    /** A copy carrying {@code extra} in its record as well. */
    StateEmission withRecord(Map<String, String> extra);

    /** Writes the parameters and their record as properties text, atomically. */
    void write(Path file, boolean replace) throws IOException;

    /**
     * {@code P(S1 | x_t) + P(S2 | x_t)} recovered from log-likelihoods {@code w (ln P(j | x_t) − ln P(j))} of
     * evidence weight {@code w} and the log-priors {@code ln P(j)}: {@code exp(l_j / w + ln P(j))} for j = S1, S2.
     */
    static double[] soundProbability(double[][] logLikelihoods, double[] logPrior, double weight) {
        double[] out = new double[logLikelihoods[0].length];
        for (int t = 0; t < out.length; t++) {
            out[t] = Math.exp(logLikelihoods[CycleHsmm.S1][t] / weight + logPrior[CycleHsmm.S1])
                    + Math.exp(logLikelihoods[CycleHsmm.S2][t] / weight + logPrior[CycleHsmm.S2]);
        }
        return out;
    }
}
