package org.auscult.learn;

import java.util.List;
import java.util.Objects;

/**
 * One verdict per patient from the murmur probabilities of the patient's recordings (one per auscultation site,
 * some sites recorded twice): a murmur heard at any site makes the patient a murmur patient, so the rule reads the
 * largest probability {@code m = max_r p_r}:
 * <pre>
 *   present  when m >= presentThreshold
 *   unknown  when unknownThreshold <= m < presentThreshold
 *   absent   when m < unknownThreshold
 * </pre>
 * A patient without recordings is unknown. With {@code unknownThreshold == presentThreshold} the rule never says
 * unknown. The thresholds are chosen by {@link #fit} on patients the model has not been trained on (out-of-fold
 * predictions of training patients), never on the patients being scored.
 *
 * @param presentThreshold the largest-probability threshold for present, in [0, 1]
 * @param unknownThreshold the threshold for unknown, in [0, presentThreshold]
 */
public record PatientVerdict(double presentThreshold, double unknownThreshold) {

    /** Thresholds tried by {@link #fit}: 0.02, 0.04, ..., 0.98. */
    static final double GRID_STEP = 0.02;

    public PatientVerdict {
        if (!(presentThreshold >= 0 && presentThreshold <= 1)) {
            throw new IllegalArgumentException("presentThreshold must be in [0, 1], got " + presentThreshold);
        }
        if (!(unknownThreshold >= 0 && unknownThreshold <= presentThreshold)) {
            throw new IllegalArgumentException("unknownThreshold must be in [0, presentThreshold " + presentThreshold
                    + "], got " + unknownThreshold);
        }
    }

    /** The verdict for a patient whose recordings have these murmur probabilities. */
    public Murmur verdict(double[] murmurProbabilities) {
        Objects.requireNonNull(murmurProbabilities, "murmurProbabilities");
        if (murmurProbabilities.length == 0) {
            return Murmur.UNKNOWN;
        }
        double largest = Double.NEGATIVE_INFINITY;
        for (double p : murmurProbabilities) {
            largest = Math.max(largest, p);
        }
        if (largest >= presentThreshold) {
            return Murmur.PRESENT;
        }
        return largest >= unknownThreshold ? Murmur.UNKNOWN : Murmur.ABSENT;
    }

    /** The verdicts of several patients. */
    public List<Murmur> verdicts(List<double[]> murmurProbabilitiesPerPatient) {
        return murmurProbabilitiesPerPatient.stream().map(this::verdict).toList();
    }

    /**
     * The thresholds on the grid {@code 0.02, 0.04, ..., 0.98} (both, unknown at most present) with the highest
     * {@link MurmurWeightedAccuracy} on these patients; ties go to the higher thresholds (fewer false alarms).
     *
     * @param murmurProbabilitiesPerPatient each patient's recording probabilities, from a model not trained on them
     * @param truth                         each patient's true status
     */
    public static PatientVerdict fit(List<double[]> murmurProbabilitiesPerPatient, List<Murmur> truth) {
        if (murmurProbabilitiesPerPatient.size() != truth.size()) {
            throw new IllegalArgumentException(murmurProbabilitiesPerPatient.size() + " patients for " + truth.size()
                    + " true statuses");
        }
        int n = truth.size();
        double[] largest = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = murmurProbabilitiesPerPatient.get(i);
            largest[i] = Double.NEGATIVE_INFINITY;
            for (double v : p) {
                largest[i] = Math.max(largest[i], v);
            }
        }
        int steps = (int) Math.round(1 / GRID_STEP);
        PatientVerdict best = new PatientVerdict(0.5, 0.5);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int presentStep = 1; presentStep < steps; presentStep++) {
            for (int unknownStep = 1; unknownStep <= presentStep; unknownStep++) {
                double present = presentStep * GRID_STEP;
                double unknown = unknownStep * GRID_STEP;
                int[][] confusion = new int[3][3];
                for (int i = 0; i < n; i++) {
                    Murmur verdict = murmurProbabilitiesPerPatient.get(i).length == 0 ? Murmur.UNKNOWN
                            : largest[i] >= present ? Murmur.PRESENT
                            : largest[i] >= unknown ? Murmur.UNKNOWN : Murmur.ABSENT;
                    confusion[verdict.ordinal()][truth.get(i).ordinal()]++;
                }
                double score = MurmurWeightedAccuracy.of(confusion);
                if (score >= bestScore) {
                    bestScore = score;
                    best = new PatientVerdict(present, unknown);
                }
            }
        }
        return best;
    }
}
