package org.auscult.features;

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
 * </ul>
 * A series with no frames has no summary: every statistic of an empty column is NaN (a missing value).
 */
public enum SummaryStatistic {
    MEAN, STD, MIN, MAX, MEDIAN;

    /** The suffix used in summary names: {@code mfcc_01_mean}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * This statistic of {@code values[0..length-1]}.
     *
     * @param scratch a buffer of at least {@code length} doubles that {@link #MEDIAN} may overwrite; may be null for
     *                the other statistics
     */
    public double of(double[] values, int length, double[] scratch) {
        if (length == 0) {
            return Double.NaN;
        }
        switch (this) {
            case MEAN:
                return mean(values, length);
            case STD: {
                double mean = mean(values, length);
                double sumSquares = 0;
                for (int i = 0; i < length; i++) {
                    double deviation = values[i] - mean;
                    sumSquares += deviation * deviation;
                }
                return Math.sqrt(sumSquares / length);
            }
            case MIN: {
                double min = values[0];
                for (int i = 1; i < length; i++) {
                    min = Math.min(min, values[i]);
                }
                return min;
            }
            case MAX: {
                double max = values[0];
                for (int i = 1; i < length; i++) {
                    max = Math.max(max, values[i]);
                }
                return max;
            }
            case MEDIAN: {
                System.arraycopy(values, 0, scratch, 0, length);
                Arrays.sort(scratch, 0, length);
                int middle = length / 2;
                return length % 2 == 1 ? scratch[middle] : 0.5 * (scratch[middle - 1] + scratch[middle]);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** This statistic of all of {@code values}. */
    public double of(double[] values) {
        return of(values, values.length, new double[values.length]);
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
