package org.auscult.learn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.auscult.dsp.ParameterException;

/**
 * Counts of (true class, predicted class) pairs and the metrics derived from them. {@code counts[t][p]} is the
 * number of rows of class {@code t} predicted as {@code p}.
 *
 * <p>For class {@code c} with {@code tp_c = counts[c][c]}, support {@code s_c} (row sum) and predicted count {@code
 * q_c} (column sum): precision {@code tp_c / q_c}, recall {@code tp_c / s_c}, F1 {@code 2 P R / (P + R)}; a zero
 * denominator gives 0 (scikit-learn's {@code zero_division=0}), so a class never predicted has precision 0.
 */
public record ConfusionMatrix(List<String> classNames, long[][] counts) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        ParameterException.require(counts.length == k, "a confusion matrix of " + k + " classes needs " + k + " rows");
        long[][] copy = new long[k][];
        for (int t = 0; t < k; t++) {
            ParameterException.require(counts[t].length == k, "confusion matrix row " + t + " has "
                    + counts[t].length + " columns, expected " + k);
            for (long count : counts[t]) {
                ParameterException.require(count >= 0, "confusion matrix counts must not be negative");
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    /** The matrix of paired truth and prediction indices. */
    public static ConfusionMatrix of(List<String> classNames, int[] truth, int[] predicted) {
        ParameterException.require(truth.length == predicted.length,
                truth.length + " true classes but " + predicted.length + " predictions");
        long[][] counts = new long[classNames.size()][classNames.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, counts);
    }

    public int numClasses() {
        return classNames.size();
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        Arrays.setAll(copy, t -> counts[t].clone());
        return copy;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Each row divided by its support: the share of class {@code t} predicted as {@code p} (0 for empty rows). */
    public double[][] rowNormalised() {
        double[][] normalised = new double[counts.length][counts.length];
        for (int t = 0; t < counts.length; t++) {
            long support = support(t);
            for (int p = 0; p < counts.length; p++) {
                normalised[t][p] = ratio(counts[t][p], support);
            }
        }
        return normalised;
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public long correct() {
        return IntStream.range(0, counts.length).mapToLong(c -> counts[c][c]).sum();
    }

    /** Rows whose true class is {@code c}. */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /** Rows predicted as {@code c}. */
    public long predictedCount(int c) {
        return Arrays.stream(counts).mapToLong(row -> row[c]).sum();
    }

    public double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    public double f1(int c) {
        double precision = precision(c);
        double recall = recall(c);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Correct predictions over all predictions (0 for an empty matrix). */
    public double accuracy() {
        return ratio(correct(), total());
    }

    /** Mean recall over the classes that occur in the truth (scikit-learn's {@code balanced_accuracy_score}). */
    public double balancedAccuracy() {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0) {
                sum += recall(c);
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    /**
     * Mean F1 over the classes that occur in the truth or in the predictions (scikit-learn's {@code f1_score(...,
     * average='macro')}); a class that occurs but is never predicted correctly counts with F1 0.
     */
    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0 || predictedCount(c) > 0) {
                sum += f1(c);
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    /**
     * The class a two-class task calls positive (abnormal): the one that is not named "normal" when exactly one is,
     * otherwise the second class.
     */
    public int positiveClass() {
        ParameterException.require(numClasses() == 2, "sensitivity and specificity need two classes, got "
                + classNames);
        boolean firstNormal = classNames.get(0).equalsIgnoreCase("normal");
        boolean secondNormal = classNames.get(1).equalsIgnoreCase("normal");
        return secondNormal && !firstNormal ? 0 : 1;
    }

    /** Recall of the positive class (two classes only). */
    public double sensitivity() {
        return recall(positiveClass());
    }

    /** Recall of the negative class (two classes only). */
    public double specificity() {
        return recall(1 - positiveClass());
    }

    /** {@code (sensitivity + specificity) / 2}, the PhysioNet/CinC 2016 challenge score (two classes only). */
    public double score() {
        return (sensitivity() + specificity()) / 2;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that && classNames.equals(that.classNames)
                && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + classNames + Arrays.deepToString(counts);
    }
}
