package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * How well each feature on its own separates two groups of recordings, as the area under the ROC curve.
 *
 * <p>For a feature with values {@code x} on the {@code m} positive and {@code n} negative recordings (non-finite
 * values left out), {@code AUC = (R_pos − m(m+1)/2) / (m n)}, with {@code R_pos} the sum of the positives' ranks in
 * the pooled values (ties get their mean rank): the Mann-Whitney estimate of {@code P(x_pos > x_neg) + ½ P(x_pos =
 * x_neg)}. 0.5 means the feature does not tell the groups apart; 1 or 0 that a threshold on it alone separates them
 * completely (0: the positives are the smaller ones). Features are ranked by {@code |AUC − 0.5|}.
 *
 * <p>It answers a different question from the classifier: not "how well can all features together predict the
 * class" but "which single quantity differs between these recordings, and by how much", the first thing to look at
 * when a class is not recognised.
 */
public final class Separability {

    private Separability() {
    }

    /**
     * One feature's separation of the two groups.
     *
     * @param feature  the feature's name
     * @param auc      area under the ROC curve of the feature as a score for the positive group (NaN when either group
     *                 has no finite value)
     * @param positive the feature's distribution in the positive group
     * @param negative the feature's distribution in the negative group
     */
    public record FeatureSeparation(String feature, double auc, FeatureDistribution positive,
                                    FeatureDistribution negative) {

        public FeatureSeparation {
            Objects.requireNonNull(feature, "feature");
        }

        /** {@code |AUC − 0.5|}: 0 for no separation, 0.5 for a complete one. */
        public double strength() {
            return Double.isNaN(auc) ? 0 : Math.abs(auc - 0.5);
        }
    }

    /**
     * Every feature of {@code data}, strongest separation first, between the rows {@code positiveRows} and
     * {@code negativeRows} (indices into {@code data}).
     */
    public static List<FeatureSeparation> rank(LabelledDataset data, int[] positiveRows, int[] negativeRows) {
        ParameterException.require(positiveRows.length > 0, "no recordings in the positive group");
        ParameterException.require(negativeRows.length > 0, "no recordings in the negative group");
        double[][] features = data.features();
        List<FeatureSeparation> result = new ArrayList<>();
        for (int f = 0; f < data.featureNames().size(); f++) {
            double[] positive = column(features, positiveRows, f);
            double[] negative = column(features, negativeRows, f);
            result.add(new FeatureSeparation(data.featureNames().get(f), auc(positive, negative),
                    FeatureDistribution.of(positive), FeatureDistribution.of(negative)));
        }
        result.sort(Comparator.comparingDouble(FeatureSeparation::strength).reversed());
        return result;
    }

    /** The Mann-Whitney AUC of {@code positive} against {@code negative}; non-finite values are left out. */
    public static double auc(double[] positive, double[] negative) {
        double[] pos = Arrays.stream(positive).filter(Double::isFinite).toArray();
        double[] neg = Arrays.stream(negative).filter(Double::isFinite).toArray();
        int m = pos.length;
        int n = neg.length;
        if (m == 0 || n == 0) {
            return Double.NaN;
        }
        double[][] pooled = new double[m + n][];
        for (int i = 0; i < m; i++) {
            pooled[i] = new double[] {pos[i], 1};
        }
        for (int j = 0; j < n; j++) {
            pooled[m + j] = new double[] {neg[j], 0};
        }
        Arrays.sort(pooled, Comparator.comparingDouble(entry -> entry[0]));
        double positiveRankSum = 0;
        for (int start = 0; start < pooled.length; ) {
            int end = start;
            while (end + 1 < pooled.length && pooled[end + 1][0] == pooled[start][0]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                positiveRankSum += pooled[k][1] * meanRank;
            }
            start = end + 1;
        }
        return (positiveRankSum - m * (m + 1.0) / 2) / ((double) m * n);
    }

    private static double[] column(double[][] features, int[] rows, int feature) {
        double[] values = new double[rows.length];
        Arrays.setAll(values, i -> features[rows[i]][feature]);
        return values;
    }
}
