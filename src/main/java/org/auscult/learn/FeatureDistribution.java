package org.auscult.learn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A compact description of how one quantity (a feature in one class, or a recording fact such as duration) is
 * spread over a set of recordings: count, extremes, five quantiles, mean and standard deviation. Non-finite values
 * are left out.
 *
 * <p>Quantiles interpolate linearly between order statistics: with the {@code n} values sorted as
 * {@code x[0] <= ... <= x[n-1]}, {@code q(p) = x[i] + (x[i+1] - x[i]) (h - i)} where {@code h = (n - 1) p} and
 * {@code i = floor(h)} (numpy's default, "type 7"). The standard deviation is the sample one,
 * {@code sqrt(sum (x - mean)^2 / (n - 1))}, and 0 for a single value.
 *
 * @param count  finite values described; 0 means nothing is known and every other field is NaN
 * @param min    smallest value
 * @param p05    5th percentile
 * @param p25    lower quartile
 * @param median median
 * @param p75    upper quartile
 * @param p95    95th percentile
 * @param max    largest value
 * @param mean   arithmetic mean
 * @param sd     sample standard deviation
 */
public record FeatureDistribution(int count, double min, double p05, double p25, double median, double p75,
                                  double p95, double max, double mean, double sd) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Quantile levels of {@link #min} ... {@link #max}, in order. */
    private static final double[] LEVELS = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

    /** The distribution of nothing: count 0, every statistic NaN. */
    public static final FeatureDistribution EMPTY = new FeatureDistribution(0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Describes the finite ones of {@code values} (the array is not changed). */
    public static FeatureDistribution of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new FeatureDistribution(n, sorted[0], quantile(sorted, 0.05), quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 0.95), sorted[n - 1], mean, sd);
    }

    /** Type-7 quantile of sorted finite values (see the class comment). */
    static double quantile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** Whether anything is known. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Whether {@code value} lies within [min, max] (false when empty or not finite). */
    public boolean contains(double value) {
        return count > 0 && value >= min && value <= max;
    }

    /**
     * The estimated share of values below {@code value}, 0 to 1: piecewise linear through the seven stored
     * points (min at 0, p05 at 0.05, p25 at 0.25, median at 0.5, p75 at 0.75, p95 at 0.95, max at 1); 0 below
     * the minimum (and for NaN or an empty distribution), 1 at or above the maximum.
     */
    public double percentile(double value) {
        double[] at = {min, p05, p25, median, p75, p95, max};
        if (count == 0 || !(value >= min)) {
            return 0;
        }
        if (value >= max) {
            return 1;
        }
        for (int i = 1; i < at.length; i++) {
            if (value <= at[i]) {
                double span = at[i] - at[i - 1];
                double within = span > 0 ? (value - at[i - 1]) / span : 1;
                return LEVELS[i - 1] + (LEVELS[i] - LEVELS[i - 1]) * within;
            }
        }
        return 1;
    }
}
