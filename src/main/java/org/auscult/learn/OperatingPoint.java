package org.auscult.learn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A point of a two-class ROC curve: the recall (sensitivity) a score reaches while keeping at least a required
 * specificity. With the negatives' scores sorted, the threshold {@code s} is the lowest at which no more than
 * {@code floor((1 - specificity) n_neg)} negatives score {@code >= s}; recall is the share of positives scoring
 * {@code >= s}. Ties in score are kept together, so the specificity reached is never below the one asked for.
 *
 * @param threshold   the score threshold (positive when {@code score >= threshold})
 * @param recall      positives at or above it / positives
 * @param specificity negatives below it / negatives
 */
public record OperatingPoint(double threshold, double recall, double specificity) {

    /**
     * The operating point of highest recall with specificity {@code >= minSpecificity}.
     *
     * @param scores   a score per case, higher meaning more likely positive
     * @param positive whether each case is positive
     */
    public static OperatingPoint atSpecificity(double[] scores, boolean[] positive, double minSpecificity) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " cases");
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int positives = 0;
        int negatives = 0;
        for (boolean p : positive) {
            if (p) {
                positives++;
            } else {
                negatives++;
            }
        }
        double bestThreshold = Double.POSITIVE_INFINITY;
        int truePositives = 0;
        int falsePositives = 0;
        int bestTruePositives = 0;
        int bestFalsePositives = 0;
        int i = 0;
        while (i < order.length) {
            double score = scores[order[i]];
            int tp = truePositives;
            int fp = falsePositives;
            int j = i;
            while (j < order.length && scores[order[j]] == score) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            double specificity = negatives == 0 ? 1 : 1 - fp / (double) negatives;
            if (specificity < minSpecificity) {
                break;
            }
            truePositives = tp;
            falsePositives = fp;
            bestThreshold = score;
            bestTruePositives = tp;
            bestFalsePositives = fp;
            i = j;
        }
        return new OperatingPoint(bestThreshold, positives == 0 ? Double.NaN : bestTruePositives / (double) positives,
                negatives == 0 ? 1 : 1 - bestFalsePositives / (double) negatives);
    }
}
