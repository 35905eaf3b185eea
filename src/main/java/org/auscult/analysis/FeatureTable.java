package org.auscult.analysis;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Summary features of many recordings, with the exact configuration that produced them, so a table on disk says
 * what it holds and a model trained on it can insist on the same analysis for new recordings.
 *
 * @param featureNames  column names, in order
 * @param rows          one row per recording that was analysed
 * @param configuration every analysis parameter (analysis rate, filter, frame and feature parameters)
 */
public record FeatureTable(List<String> featureNames, List<FeatureRow> rows, SortedMap<String, String> configuration) {

    public FeatureTable {
        featureNames = List.copyOf(featureNames);
        rows = List.copyOf(rows);
        configuration = new TreeMap<>(configuration);
        for (FeatureRow row : rows) {
            if (row.values().length != featureNames.size()) {
                throw new IllegalArgumentException("row " + row.id() + " has " + row.values().length
                        + " values for " + featureNames.size() + " feature columns");
            }
        }
    }

    public static FeatureTable of(List<String> featureNames, List<FeatureRow> rows, Map<String, String> configuration) {
        return new FeatureTable(featureNames, rows, new TreeMap<>(configuration));
    }

    /** The class labels present, sorted. */
    public List<String> labels() {
        return rows.stream().map(FeatureRow::label).filter(label -> !label.isEmpty()).distinct().sorted().toList();
    }
}
