package org.auscult.features;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Small helpers shared by the extractors for column names and single-column series. */
final class FeatureNames {

    private FeatureNames() {
    }

    /** {@code prefix_01 .. prefix_NN}, zero-padded to at least two digits so that names sort in order. */
    static List<String> numbered(String prefix, int count) {
        int digits = Math.max(2, Integer.toString(count).length());
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> prefix + "_" + String.format(java.util.Locale.ROOT, "%0" + digits + "d", i)).toList();
    }

    /** A series as [frame][1]. */
    static double[][] oneColumn(double[] series) {
        double[][] values = new double[series.length][];
        Arrays.setAll(values, t -> new double[] {series[t]});
        return values;
    }
}
