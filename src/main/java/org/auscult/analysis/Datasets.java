package org.auscult.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.RecordingFacts;
import org.auscult.library.Recording;

/** Turns feature tables into the datasets the learning code trains and evaluates on. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Every row of the table, labelled or not (unlabelled rows are kept for prediction but never trained on).
     * Classes are the table's labels in sorted order; a row without a patient is its own group, so it can never
     * leak across folds with another recording.
     */
    public static LabelledDataset of(FeatureTable table) {
        List<String> classNames = table.labels();
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
        int n = table.rows().size();
        double[][] features = new double[n][];
        int[] classes = new int[n];
        String[] ids = new String[n];
        String[] groups = new String[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            FeatureRow row = table.rows().get(i);
            features[i] = row.values();
            classes[i] = row.labelled() ? classIndex.get(row.label()) : LabelledDataset.UNLABELLED;
            ids[i] = row.id();
            groups[i] = Recording.patientGroup(row.patient(), row.id());
            sources[i] = row.source();
        }
        return new LabelledDataset(table.featureNames(), classNames, features, classes, ids, groups, sources);
    }

    /**
     * The recording facts of the table's rows by row id (the ids of {@link #of}), for the model's training
     * profile; rows without facts (a table read back from a file) are absent.
     */
    public static Map<String, RecordingFacts> recordingFacts(FeatureTable table) {
        Map<String, RecordingFacts> facts = new HashMap<>();
        for (FeatureRow row : table.rows()) {
            if (row.facts() != null) {
                facts.put(row.id(), row.facts());
            }
        }
        return facts;
    }
}
