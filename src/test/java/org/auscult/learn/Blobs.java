package org.auscult.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic Gaussian blobs: class {@code c} has its centre at {@code separation * e_(c mod d)} (plus a second
 * offset for classes beyond d), unit variance in every feature. Rows come in patients of {@code rowsPerGroup}
 * rows of one class; patients alternate between sources "a" and "b".
 */
final class Blobs {

    private Blobs() {
    }

    static LabelledDataset make(int[] classCounts, int features, int rowsPerGroup, double separation, long seed) {
        return make(classCounts, features, rowsPerGroup, separation, 0, seed);
    }

    /**
     * @param sourceShift added to feature 0 of every row from source "b": a device signature
     */
    static LabelledDataset make(int[] classCounts, int features, int rowsPerGroup, double separation,
                                double sourceShift, long seed) {
        Random random = new Random(seed);
        List<String> featureNames = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            featureNames.add("f" + f);
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classCounts.length; c++) {
            classNames.add("class" + c);
        }
        int rows = java.util.Arrays.stream(classCounts).sum();
        double[][] values = new double[rows][features];
        int[] labels = new int[rows];
        String[] ids = new String[rows];
        String[] groups = new String[rows];
        String[] sources = new String[rows];
        int row = 0;
        int group = 0;
        for (int c = 0; c < classCounts.length; c++) {
            for (int i = 0; i < classCounts[c]; i++, row++) {
                if (i % rowsPerGroup == 0) {
                    group++;
                }
                String source = group % 2 == 0 ? "a" : "b";
                for (int f = 0; f < features; f++) {
                    values[row][f] = random.nextGaussian();
                }
                values[row][c % features] += separation;
                if (c >= features) {
                    values[row][(c + 1) % features] += separation;
                }
                if (source.equals("b")) {
                    values[row][0] += sourceShift;
                }
                labels[row] = c;
                ids[row] = "rec-" + row + ".wav";
                groups[row] = "patient-" + group;
                sources[row] = source;
            }
        }
        return new LabelledDataset(featureNames, classNames, values, labels, ids, groups, sources);
    }

    /** A model spec small enough for unit tests: few trees, few rounds, 3 stacking folds. */
    static ModelSpec small(Preset preset) {
        return ModelSpec.of(preset)
                .withForest(RandomForestOptions.DEFAULTS.withTrees(10))
                .withBoosting(new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, 5,
                                BoostingOptions.WeakLearner.DECISION_STUMP, 1.0),
                        new BoostingOptions(BoostingOptions.Kind.ADABOOST, 5, BoostingOptions.WeakLearner.J48, 1.0))
                .withStacked(new StackedOptions(3, StackedOptions.DEFAULTS.baseModels(), 1e-8));
    }
}
