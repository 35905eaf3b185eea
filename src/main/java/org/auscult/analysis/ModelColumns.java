package org.auscult.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each feature a model was trained on sits among the features an analysis produces. A feature group can gain
 * values (a new ratio in {@code cycle_murmur}) while the values it had keep their meaning; a model trained before
 * then names fewer features than its configuration now produces, and keeps judging from the ones it knows.
 */
final class ModelColumns {

    private final int[] columns;

    private ModelColumns(int[] columns) {
        this.columns = columns;
    }

    /**
     * The columns of {@code expected} (the model's features) in {@code produced} (the analysis's).
     *
     * @throws IllegalStateException naming the features the analysis does not produce, when there are any
     */
    static ModelColumns of(List<String> produced, List<String> expected) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < produced.size(); i++) {
            position.put(produced.get(i), i);
        }
        int[] columns = new int[expected.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Integer column = position.get(expected.get(i));
            if (column == null) {
                missing.add(expected.get(i));
            } else {
                columns[i] = column;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the model expects " + missing.size() + " feature(s) that its analysis "
                    + "configuration does not produce: " + String.join(", ", missing.subList(0, Math.min(10,
                    missing.size()))) + (missing.size() > 10 ? ", ..." : "")
                    + " (was it made by another version of Auscult?)");
        }
        return new ModelColumns(columns);
    }

    /** The model's features out of {@code produced} values, in the model's order. */
    double[] select(double[] produced) {
        double[] selected = new double[columns.length];
        Arrays.setAll(selected, i -> produced[columns[i]]);
        return selected;
    }
}
