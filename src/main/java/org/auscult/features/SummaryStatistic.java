package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A statistic that summarises one column of a per-frame series over the whole recording. With {@code x[0..T-1]}
 * the column's values over T frames:
 * <ul>
 *   <li>{@link #MEAN}: {@code (1/T) sum x[t]}</li>
 *   <li>{@link #STD}: population standard deviation {@code sqrt((1/T) sum (x[t] - mean)^2)} (numpy's default,
 *       ddof = 0)</li>
 *   <li>{@link #MIN}, {@link #MAX}: the extremes</li>
 *   <li>{@link #MEDIAN}: the middle value of the sorted column, or the mean of the two middle values when T is
 *       even</li>
 *   <li>{@link #P10}, {@link #P25}, {@link #P75}, {@link #P90}: percentiles of the sorted column {@code s}, by
 *       linear interpolation between closest ranks (numpy's default): with {@code h = q (T - 1)},
 *       {@code s[floor(h)] + (h - floor(h)) (s[floor(h) + 1] - s[floor(h)])}. A low percentile of a band's energy
 *       is the floor between heart sounds, where a murmur lives; a high one is the level of the sounds.</li>
 * </ul>
 * A series with no frames has no summary: every statistic of an empty column is NaN (a missing value).
 */
public enum SummaryStatistic {
    MEAN, STD, MIN, MAX, MEDIAN, P10, P25, P75, P90;

    /** The suffix used in summary names: {@code mfcc_01_mean}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * This statistic of {@code values[0..length-1]}.
     *
     * @param scratch a buffer of at least {@code length} doubles that {@link #MEDIAN} and the percentiles may
     *                overwrite; may be null for the other statistics
     */
    public double of(double[] values, int length, double[] scratch) {
        if (length == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case MEAN -> mean(values, length);
            case STD -> {
                double mean = mean(values, length);
                double sumSquares = 0;
                for (int i = 0; i < length; i++) {
                    double deviation = values[i] - mean;
                    sumSquares += deviation * deviation;
                }
                yield Math.sqrt(sumSquares / length);
            }
            case MIN -> {
                double min = values[0];
                for (int i = 1; i < length; i++) {
                    min = Math.min(min, values[i]);
                }
                yield min;
            }
            case MAX -> {
                double max = values[0];
                for (int i = 1; i < length; i++) {
                    max = Math.max(max, values[i]);
                }
                yield max;
            }
            case MEDIAN, P10, P25, P75, P90 -> {
                System.arraycopy(values, 0, scratch, 0, length);
                Arrays.sort(scratch, 0, length);
                yield ofSorted(scratch, length);
            }
        };
    }

    /** This statistic of all of {@code values}. */
    public double of(double[] values) {
        return of(values, values.length, new double[values.length]);
    }

    /** Whether this statistic depends only on the sorted values (then {@link #ofSorted} computes it). */
    public boolean isOrderStatistic() {
        return this == MIN || this == MAX || this == MEDIAN || this == P10 || this == P25 || this == P75
                || this == P90;
    }

    /**
     * This order statistic of values already sorted in ascending order, so one sort serves them all.
     *
     * @throws IllegalStateException for a statistic that is not an order statistic
     */
    public double ofSorted(double[] sorted, int length) {
        if (length == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case MIN -> sorted[0];
            case MAX -> sorted[length - 1];
            case MEDIAN -> length % 2 == 1 ? sorted[length / 2] : 0.5 * (sorted[length / 2 - 1] + sorted[length / 2]);
            case P10 -> interpolate(sorted, length, 0.10);
            case P25 -> interpolate(sorted, length, 0.25);
            case P75 -> interpolate(sorted, length, 0.75);
            case P90 -> interpolate(sorted, length, 0.90);
            default -> throw new IllegalStateException(this + " is not an order statistic");
        };
    }

    private static double interpolate(double[] sorted, int length, double quantile) {
        double position = quantile * (length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double mean(double[] values, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        return sum / length;
    }

    /** Parses a statistic name case-insensitively ("mean", "STD"). */
    public static SummaryStatistic parse(String name) {
        for (SummaryStatistic statistic : values()) {
            if (statistic.name().equalsIgnoreCase(name.strip())) {
                return statistic;
            }
        }
        throw new ParameterException("statistics: unknown statistic '" + name + "', valid: " + Arrays.toString(values()));
    }
}
