package org.auscult.app.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the reference recordings look like: for each class, the distribution of every summary feature, and over all
 * of them the sample rates, durations and levels seen. The verdict compares a recording with it ("is this inside
 * what the model knows?") and the feature panel draws where a recording sits in each class.
 *
 * @param source       where the reference comes from, for people ("12 labelled recordings of sample-recordings/circor")
 * @param featureNames summary feature names, in the order of each row's values
 * @param rowsByClass  per class, the summary vectors of its recordings
 * @param sampleRates  sample rates seen, Hz
 * @param durations    durations seen, seconds (sorted)
 * @param rmsLevels    RMS levels seen, dBFS (sorted)
 */
public record ReferenceSet(String source, List<String> featureNames, Map<String, List<double[]>> rowsByClass,
                           SortedSet<Integer> sampleRates, double[] durations, double[] rmsLevels) {

    /** Five-number summary of one feature in one class. */
    public record Distribution(int count, double minimum, double lowerQuartile, double median, double upperQuartile,
                               double maximum) {

        /** Of sorted, finite values; linear interpolation between order statistics at (n - 1) q. */
        public static Distribution of(double[] sorted) {
            if (sorted.length == 0) {
                return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Distribution(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                    quantile(sorted, 0.75), sorted[sorted.length - 1]);
        }

        /** The share of values below {@code value}, 0 to 1 (from the five numbers, linearly between them). */
        public double percentile(double value) {
            double[] at = {minimum, lowerQuartile, median, upperQuartile, maximum};
            if (count == 0 || !(value >= minimum)) {
                return 0;
            }
            if (value >= maximum) {
                return 1;
            }
            for (int i = 1; i < at.length; i++) {
                if (value <= at[i]) {
                    double span = at[i] - at[i - 1];
                    double within = span > 0 ? (value - at[i - 1]) / span : 1;
                    return 0.25 * (i - 1 + within);
                }
            }
            return 1;
        }
    }

    public ReferenceSet {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        Map<String, List<double[]>> copy = new LinkedHashMap<>();
        rowsByClass.forEach((label, rows) -> copy.put(label, List.copyOf(rows)));
        rowsByClass = java.util.Collections.unmodifiableMap(copy);
        sampleRates = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sampleRates));
        durations = durations.clone();
        Arrays.sort(durations);
        rmsLevels = rmsLevels.clone();
        Arrays.sort(rmsLevels);
    }

    public List<String> classes() {
        return List.copyOf(rowsByClass.keySet());
    }

    /** Recordings in the reference. */
    public int size() {
        return durations.length;
    }

    /** The distribution of feature {@code featureIndex} over the recordings of {@code label}. */
    public Distribution distribution(String label, int featureIndex) {
        List<double[]> rows = rowsByClass.getOrDefault(label, List.of());
        double[] values = rows.stream().mapToDouble(row -> row[featureIndex]).filter(Double::isFinite).sorted()
                .toArray();
        return Distribution.of(values);
    }

    /** The range of feature {@code featureIndex} over every class: {min, max}. */
    public double[] range(int featureIndex) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<double[]> rows : rowsByClass.values()) {
            for (double[] row : rows) {
                double v = row[featureIndex];
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /** Names of the features of {@code values} that lie outside the range of every reference class. */
    public List<String> featuresOutsideRange(double[] values) {
        List<String> outside = new ArrayList<>();
        for (int f = 0; f < featureNames.size() && f < values.length; f++) {
            double[] range = range(f);
            if (range[0] <= range[1] && (values[f] < range[0] || values[f] > range[1])) {
                outside.add(featureNames.get(f));
            }
        }
        return outside;
    }

    static double quantile(double[] sorted, double q) {
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
