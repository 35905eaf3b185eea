package org.auscult.features;

import java.util.List;
import java.util.Objects;

/**
 * A recording's summary: one named value per (feature column, statistic), e.g. {@code mfcc_01_mean},
 * {@code mfcc_01_std}, {@code zcr_mean}, {@code chroma_C_std}. The names for a configuration are known without
 * audio ({@link FeatureRegistry#summaryNames(FeatureConfig)}), so a table header can be written first.
 * The array is shared, not copied: treat it as read-only. NaN marks a value that does not exist (a statistic of a
 * series with no frames).
 *
 * @param names  value names, unique
 * @param values values in the order of names
 */
public record FeatureVector(List<String> names, double[] values) {

    public FeatureVector {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** The value named {@code name}. */
    public double value(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no feature value named '" + name + "'");
        }
        return values[index];
    }
}
