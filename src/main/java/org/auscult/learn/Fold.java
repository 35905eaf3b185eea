package org.auscult.learn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One training/test division of a dataset's rows (indices into the labelled dataset the folds were planned on).
 *
 * @param repeat         repetition, from 0
 * @param fold           fold within the repetition, from 0 (for leave-source-out: the index of the held-out
 *                       source in sorted order)
 * @param name           what the fold holds out, for reports (e.g. "fold 3" or "source set_b")
 * @param trainRows      rows trained on
 * @param testRows       rows scored
 * @param validationRows rows held out of training but not scored (the split protocol's validation set, available
 *                       for threshold calibration); empty for the other protocols
 */
public record Fold(int repeat, int fold, String name, int[] trainRows, int[] testRows, int[] validationRows) {

    public Fold {
        Objects.requireNonNull(name, "name");
        trainRows = trainRows.clone();
        testRows = testRows.clone();
        validationRows = validationRows.clone();
    }

    @Override
    public int[] trainRows() {
        return trainRows.clone();
    }

    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    @Override
    public int[] validationRows() {
        return validationRows.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fold that && repeat == that.repeat && fold == that.fold && name.equals(that.name)
                && Arrays.equals(trainRows, that.trainRows) && Arrays.equals(testRows, that.testRows)
                && Arrays.equals(validationRows, that.validationRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repeat, fold, name, Arrays.hashCode(trainRows), Arrays.hashCode(testRows),
                Arrays.hashCode(validationRows));
    }

    @Override
    public String toString() {
        return "Fold[repeat " + repeat + ", " + name + ": " + trainRows.length + " train, " + testRows.length
                + " test, " + validationRows.length + " validation]";
    }
}
