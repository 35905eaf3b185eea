package org.auscult.learn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to "does this recording need a clinician's follow-up?", given at one operating point of the model's
 * own cross-validation rather than by the most probable class.
 *
 * <p>The follow-up probability of a recording is {@code p_f(x) = sum_c P(c | x)} over the classes that need
 * follow-up (every class but {@code normal} and {@code artifact}, {@link PerSourceReport#needsFollowUp}). The answer
 * is yes when {@code p_f(x) >= t}, where {@code t} is the lowest threshold at which at least {@value #SPECIFICITY}
 * of the normal recordings in the model's out-of-fold predictions stay below it ({@link OperatingPoint}), the
 * operating point at which the PhysioNet Challenges and the model card report recall. A most-probable-class answer
 * is tuned to accuracy: on CirCor the bundled model's most probable class flags 51 % of the recordings needing
 * follow-up, at a specificity of 0.98 (docs/decisions/follow-up-screen.md). Recordings whose truth is artifact take no
 * part in fitting {@code t}.
 *
 * @param threshold   {@code t}
 * @param sensitivity share of the follow-up recordings of the evaluation at or above {@code t}
 * @param specificity share of its normal recordings below {@code t}
 */
public record FollowUpScreen(double threshold, double sensitivity, double specificity) {

    /** The specificity the threshold keeps on the normal recordings of the model's cross-validation. */
    public static final double SPECIFICITY = 0.90;

    /**
     * {@code p_f} is rounded to this grid: sums of the same probabilities in another order differ by a few ulps, and
     * a threshold must not split recordings of one score into yes and no.
     */
    private static final double GRID = 1e9;

    /**
     * The screen fitted on {@code evaluation}'s out-of-fold predictions; empty when there is no evaluation, its
     * classes have no {@code normal} or no class needing follow-up, or it predicted none of either.
     */
    public static Optional<FollowUpScreen> of(EvaluationResult evaluation) {
        return evaluation == null ? Optional.empty() : of(evaluation.classNames(), evaluation.predictions());
    }

    /**
     * The screen fitted on these out-of-fold predictions over {@code classes} (for instance those of every fold but
     * the one being scored); empty as {@link #of(EvaluationResult)} says.
     */
    public static Optional<FollowUpScreen> of(List<String> classes, List<Prediction> predictions) {
        if (!classes.contains("normal")) {
            return Optional.empty();
        }
        List<Prediction> judged = predictions.stream()
                .filter(prediction -> !classes.get(prediction.truth()).equals("artifact")).toList();
        double[] scores = new double[judged.size()];
        boolean[] followUp = new boolean[judged.size()];
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probability(classes, judged.get(i).posterior());
            followUp[i] = PerSourceReport.needsFollowUp(classes.get(judged.get(i).truth()));
            positives += followUp[i] ? 1 : 0;
        }
        if (positives == 0 || positives == scores.length) {
            return Optional.empty();
        }
        OperatingPoint point = OperatingPoint.atSpecificity(scores, followUp, SPECIFICITY);
        return Double.isFinite(point.threshold())
                ? Optional.of(new FollowUpScreen(point.threshold(), point.recall(), point.specificity()))
                : Optional.empty();
    }

    /**
     * {@code p_f}: the probability of the classes that need follow-up, posterior indexed like {@code classes}, to 9
     * decimals.
     */
    public static double probability(List<String> classes, double[] posterior) {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (PerSourceReport.needsFollowUp(classes.get(c))) {
                sum += posterior[c];
            }
        }
        return Math.round(sum * GRID) / GRID;
    }

    /** Whether a recording of follow-up probability {@code probability} ({@link #probability}) needs follow-up. */
    public boolean needsFollowUp(double probability) {
        return probability >= threshold;
    }

    /**
     * For people: "p_follow_up 0.390 or more: in the model's cross-validation 90 % of the normal recordings stayed
     * below it and 78 % of those needing follow-up reached it".
     */
    public String describe() {
        return String.format(Locale.ROOT, "p_follow_up %.3f or more: in the model's cross-validation %.0f %% of the "
                        + "normal recordings stayed below it and %.0f %% of those needing follow-up reached it",
                threshold, 100 * specificity, 100 * sensitivity);
    }
}
