package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.auscult.dsp.ParameterException;

import weka.attributeSelection.InfoGainAttributeEval;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Which features a model relies on, by two measures.
 *
 * <p><b>Information gain</b> ({@code weka.attributeSelection.InfoGainAttributeEval}, features discretised by
 * Fayyad and Irani's MDL method): {@code IG(C; X) = H(C) - H(C | X)} in bits, over every labelled row. It looks at
 * one feature at a time and ignores the model.
 *
 * <p><b>Permutation importance</b> from the cross-validated model: every fold of the protocol trains the model
 * exactly as {@link Evaluator} does (same rows, same seed), then for feature {@code j} the values of {@code j} are
 * shuffled among that fold's test rows and the test rows predicted again. The importance of {@code j} is the drop in
 * out-of-fold accuracy, {@code (correct - correct_j) / tested}, summed over every fold and repeat. Rows are only
 * ever scored by a model that did not see them, and the shuffle of feature {@code j} in fold {@code f} of repeat
 * {@code r} uses {@code Random(seed(seed, r, f, j))}, so the figures are the same on every run with the same seed.
 */
public final class FeatureImportance {

    /** One feature's score. */
    public record Score(String feature, double value) {
        public Score {
            Objects.requireNonNull(feature, "feature");
        }
    }

    /** Told after each fold. */
    @FunctionalInterface
    public interface ProgressListener {
        void foldDone(int done, int total);
    }

    private FeatureImportance() {
    }

    /** Information gain of every feature, highest first (ties in feature order). */
    public static List<Score> informationGain(LabelledDataset data) {
        LabelledDataset labelled = data.labelledOnly();
        Instances instances = labelled.toInstances();
        InfoGainAttributeEval evaluator = new InfoGainAttributeEval();
        List<Score> scores = new ArrayList<>();
        try {
            evaluator.buildEvaluator(instances);
            for (int feature = 0; feature < labelled.featureNames().size(); feature++) {
                scores.add(new Score(labelled.featureNames().get(feature), evaluator.evaluateAttribute(feature)));
            }
        } catch (Exception e) {
            throw new LearningException("information gain failed: " + e.getMessage(), e);
        }
        return ranked(scores);
    }

    /**
     * Permutation importance of every feature, highest first (ties in feature order).
     *
     * @param options the evaluation protocol (its seed seeds the folds and the models, as in {@link Evaluator})
     * @param seed    seed of the shuffles
     * @throws CancellationException when cancelled, between predictions
     */
    public static List<Score> permutation(LabelledDataset data, ModelSpec spec, EvaluationOptions options, long seed,
                                          ProgressListener progress, Cancellation cancellation) {
        LabelledDataset labelled = data.labelledOnly();
        List<Fold> folds = Folds.plan(options, labelled);
        int features = labelled.featureNames().size();
        long[] lostCorrect = new long[features];
        long tested = 0;
        ClassifierSource source = ClassifierSource.of(spec);
        int[] classIndex = labelled.classIndex();
        int done = 0;
        for (Fold fold : folds) {
            cancellation.throwIfCancelled();
            int[] testRows = fold.testRows();
            Classifier classifier;
            Instances header;
            try {
                classifier = source.newClassifier(Seeds.derive(options.seed(), fold.repeat(), fold.fold()));
                Instances training = GroupedTraining.train(classifier, labelled.subset(fold.trainRows()));
                header = new Instances(training, 0);
            } catch (Exception e) {
                throw new LearningException("training repeat " + (fold.repeat() + 1) + ", " + fold.name()
                        + " failed: " + e.getMessage(), e);
            }
            double[][] rows = new double[testRows.length][];
            Arrays.setAll(rows, i -> labelled.row(testRows[i]));
            int baseline = correct(classifier, header, rows, testRows, classIndex);
            tested += testRows.length;
            for (int feature = 0; feature < features; feature++) {
                cancellation.throwIfCancelled();
                double[][] permuted = permuteColumn(rows, feature,
                        new Random(Seeds.derive(seed, fold.repeat(), fold.fold(), feature)));
                lostCorrect[feature] += baseline - correct(classifier, header, permuted, testRows, classIndex);
            }
            progress.foldDone(++done, folds.size());
        }
        ParameterException.require(tested > 0, "permutation importance: the protocol scored no rows");
        List<Score> scores = new ArrayList<>();
        for (int feature = 0; feature < features; feature++) {
            scores.add(new Score(labelled.featureNames().get(feature), lostCorrect[feature] / (double) tested));
        }
        return ranked(scores);
    }

    /** A copy of {@code rows} with column {@code column} shuffled (Fisher-Yates) among the rows. */
    static double[][] permuteColumn(double[][] rows, int column, Random random) {
        double[][] copy = new double[rows.length][];
        Arrays.setAll(copy, i -> rows[i].clone());
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = copy[i][column];
            copy[i][column] = copy[j][column];
            copy[j][column] = swap;
        }
        return copy;
    }

    private static int correct(Classifier classifier, Instances header, double[][] rows, int[] rowIndex,
                               int[] classIndex) {
        int correct = 0;
        try {
            for (int i = 0; i < rows.length; i++) {
                double[] posterior = classifier.distributionForInstance(LabelledDataset.instance(header, rows[i]));
                if (Prediction.mostProbable(posterior) == classIndex[rowIndex[i]]) {
                    correct++;
                }
            }
        } catch (Exception e) {
            throw new LearningException("prediction failed: " + e.getMessage(), e);
        }
        return correct;
    }

    private static List<Score> ranked(List<Score> scores) {
        List<Score> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingDouble(Score::value).reversed());
        return List.copyOf(sorted);
    }
}
