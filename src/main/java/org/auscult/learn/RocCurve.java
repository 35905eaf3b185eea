package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one-vs-rest ROC curve of one class from out-of-fold predictions: how many of the class's recordings the
 * posterior {@code p_c} finds (true-positive rate) against how many others it takes along (false-positive rate)
 * as the threshold falls from above every score to below every one. Tied scores move together, so each point is
 * a threshold a user could really set. The area under it is {@link EvaluationResult#rankingAuc}.
 *
 * @param className the class
 * @param points    from (0, 0) to (1, 1), false-positive rate non-decreasing
 * @param auc       the area under the points (trapezoids; ties give the diagonal step)
 */
public record RocCurve(String className, List<Point> points, double auc) {

    /** One threshold: scores at or above {@code threshold} are called the class. */
    public record Point(double falsePositiveRate, double truePositiveRate, double threshold) {
    }

    public RocCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve of class {@code c} over every prediction of {@code result}; empty points when no prediction, or every
     * one, is of class c.
     */
    public static RocCurve of(EvaluationResult result, int c) {
        List<Prediction> predictions = result.predictions();
        Prediction[] sorted = predictions.toArray(Prediction[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble((Prediction p) -> p.posterior()[c]).reversed());
        int positives = (int) predictions.stream().filter(p -> p.truth() == c).count();
        int negatives = predictions.size() - positives;
        String name = result.classNames().get(c);
        if (positives == 0 || negatives == 0) {
            return new RocCurve(name, List.of(), Double.NaN);
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        int truePositives = 0;
        int falsePositives = 0;
        double area = 0;
        for (int i = 0; i < sorted.length; ) {
            double score = sorted[i].posterior()[c];
            int before = falsePositives;
            int tpBefore = truePositives;
            while (i < sorted.length && sorted[i].posterior()[c] == score) {
                if (sorted[i].truth() == c) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                i++;
            }
            area += (falsePositives - before) / (double) negatives
                    * (tpBefore + truePositives) / (2.0 * positives);
            points.add(new Point(falsePositives / (double) negatives, truePositives / (double) positives, score));
        }
        return new RocCurve(name, points, area);
    }

    /** The curve of every class of {@code result}, in class order. */
    public static List<RocCurve> all(EvaluationResult result) {
        return IntStream.range(0, result.classNames().size()).mapToObj(c -> of(result, c)).toList();
    }
}
