package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Threshold calibration: wraps any classifier and moves its decision boundaries with per-class multipliers learnt
 * from out-of-fold posteriors of the training rows.
 *
 * <p>The decision is {@code argmax_c t_c p_c}, where {@code p_c} is the base classifier's posterior and {@code
 * t_c > 0} the multiplier of class {@code c}; the output {@code p'_c = t_c p_c / sum_k t_k p_k} is a probability
 * whose most probable class is that decision. (The cost-sensitive posterior, {@link CostSensitivePosterior}, is
 * the special case {@code t_c = w_c^a} fixed by the class sizes; here {@code t} is fitted to what the model
 * actually gets wrong.)
 *
 * <p>Training, on {@code N} rows:
 * <ol>
 *   <li>An inner {@value #DEFAULT_FOLDS}-fold cross-validation over the training rows, stratified by class and
 *       grouped by patient with the assignment of the outer folds ({@link Folds#assignGroups}, order of equal
 *       patients from the seed; fewer folds when there are fewer patients): a fresh copy of the base classifier
 *       ({@code AbstractClassifier.makeCopy}) per inner fold gives an out-of-fold posterior for every row.</li>
 *   <li>Coordinate ascent on {@code t}: the multiplier of the largest class stays 1 (only ratios matter); for
 *       each other class in turn, every {@code t_c} of the grid {@code 2^(j/2)}, {@code j = -6..8} (1/8 to 16) is
 *       tried with the others held, and the one giving the highest {@link ThresholdObjective} of the out-of-fold
 *       decisions is kept. Ties go to the multiplier nearest 1 ({@code |j|} smallest), so {@code t} moves only
 *       when a move pays. Sweeps repeat until none changes a multiplier, at most {@value #MAX_SWEEPS}
 *       times.</li>
 *   <li>The base classifier is trained on all {@code N} rows.</li>
 * </ol>
 * Classes absent from the training rows keep {@code t_c = 1} and do not count in the objective.
 *
 * <p>Weka {@code Instances} carry no patient, so the patients come through {@link GroupedTraining}: {@link
 * Evaluator}, {@link Trainer} and {@link FeatureImportance} pass them, and the inner folds then never split a
 * patient (a patient's recordings on both sides would make the out-of-fold posteriors look better than they are,
 * and the multipliers too timid). Trained by plain {@code buildClassifier} without them, every row counts as its own
 * patient and the inner folds are simply stratified; an outer patient-grouped evaluation stays honest either way.
 *
 * <p>Training costs the base classifier's training {@code folds} times on {@code (folds - 1) / folds} of the rows
 * and once on all of them. It checks the thread's interrupt flag between inner folds, so a cancelled evaluation
 * stops at the next fold boundary.
 */
public class CalibratedThresholds extends SingleClassifierEnhancer implements GroupedTraining {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CalibratedThresholds.class);

    /** Inner cross-validation folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Most coordinate-ascent sweeps over the classes. */
    public static final int MAX_SWEEPS = 5;
    /** The multiplier grid {@code 2^(j/2)}, {@code j = MIN_HALF_OCTAVES..MAX_HALF_OCTAVES}. */
    static final int MIN_HALF_OCTAVES = -6, MAX_HALF_OCTAVES = 8;

    private ThresholdObjective objective = ThresholdObjective.MACRO_F1;
    private int seed = 1;
    private double[] multipliers;
    private double uncalibratedScore = Double.NaN;
    private double calibratedScore = Double.NaN;
    /** The patients of the rows of the next build ({@link GroupedTraining}); not part of the trained model. */
    private transient String[] trainingGroups;

    public CalibratedThresholds() {
    }

    /**
     * @param classifier the base classifier (unbuilt; copies of it are trained in the inner folds)
     * @param objective  what the multipliers maximise
     * @param seed       shuffles the rows into the inner folds
     */
    public CalibratedThresholds(Classifier classifier, ThresholdObjective objective, int seed) {
        setClassifier(classifier);
        this.objective = Objects.requireNonNull(objective, "threshold objective");
        this.seed = seed;
    }

    /** Remembers the patients of the next training rows, so the inner folds keep each on one side. */
    @Override
    public void setTrainingGroups(String[] groups) {
        trainingGroups = groups == null ? null : groups.clone();
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        String[] groups = trainingGroups;
        trainingGroups = null; // for this build only
        if (groups != null && groups.length != data.numInstances()) {
            throw new IllegalArgumentException("CalibratedThresholds: " + groups.length + " training groups for "
                    + data.numInstances() + " rows");
        }
        getCapabilities().testWithFail(data);
        Instances training = new Instances(data, data.numInstances());
        List<String> labelledGroups = new ArrayList<>();
        for (int row = 0; row < data.numInstances(); row++) {
            if (!data.instance(row).classIsMissing()) {
                training.add(data.instance(row));
                // without groups, each row is its own patient: the folds are then simply stratified
                labelledGroups.add(groups != null ? "patient " + groups[row] : "row " + row);
            }
        }
        int classes = training.numClasses();
        double[] classCounts = new double[classes];
        for (Instance instance : training) {
            classCounts[(int) instance.classValue()] += instance.weight();
        }
        multipliers = new double[classes];
        Arrays.fill(multipliers, 1);
        uncalibratedScore = Double.NaN;
        calibratedScore = Double.NaN;
        int innerFolds = Math.min(DEFAULT_FOLDS, new HashSet<>(labelledGroups).size());
        if (innerFolds >= 2 && presentClasses(classCounts) >= 2) {
            OutOfFold outOfFold = outOfFold(training, labelledGroups.toArray(new String[0]), innerFolds);
            uncalibratedScore = score(outOfFold, multipliers, classCounts);
            fit(outOfFold, classCounts);
            calibratedScore = score(outOfFold, multipliers, classCounts);
            LOG.debug("Calibrated thresholds on {} rows, {} inner folds: out-of-fold {} {} -> {}, multipliers {}",
                    training.numInstances(), innerFolds, OptionMap.enumText(objective), uncalibratedScore,
                    calibratedScore, Arrays.toString(multipliers));
        }
        throwIfInterrupted();
        m_Classifier.buildClassifier(training);
    }

    /** Out-of-fold posteriors of the training rows, with their classes and weights. */
    private record OutOfFold(double[][] posteriors, int[] truth, double[] weights) {
    }

    private OutOfFold outOfFold(Instances training, String[] groups, int innerFolds) throws Exception {
        int rows = training.numInstances();
        int[] truth = new int[rows];
        double[] weights = new double[rows];
        for (int row = 0; row < rows; row++) {
            truth[row] = (int) training.instance(row).classValue();
            weights[row] = training.instance(row).weight();
        }
        double[] fractions = new double[innerFolds];
        Arrays.fill(fractions, 1.0 / innerFolds);
        int[] foldOfRow = Folds.assignGroups(truth, groups, training.numClasses(), fractions, seed);
        double[][] posteriors = new double[rows][];
        for (int fold = 0; fold < innerFolds; fold++) {
            throwIfInterrupted();
            Instances train = new Instances(training, rows);
            List<Integer> testRows = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                if (foldOfRow[row] == fold) {
                    testRows.add(row);
                } else {
                    train.add(training.instance(row));
                }
            }
            if (testRows.isEmpty()) {
                continue; // a fold the groups left empty (possible when few patients are very large)
            }
            Classifier copy = AbstractClassifier.makeCopy(m_Classifier);
            copy.buildClassifier(train);
            for (int row : testRows) {
                posteriors[row] = copy.distributionForInstance(training.instance(row));
            }
        }
        return new OutOfFold(posteriors, truth, weights);
    }

    private void fit(OutOfFold outOfFold, double[] classCounts) {
        int reference = 0;
        for (int c = 1; c < classCounts.length; c++) {
            if (classCounts[c] > classCounts[reference]) {
                reference = c;
            }
        }
        int[] halfOctaves = new int[classCounts.length];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean changed = false;
            for (int c = 0; c < classCounts.length; c++) {
                if (c == reference || classCounts[c] <= 0) {
                    continue;
                }
                int best = halfOctaves[c];
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int j : candidatesNearestOneFirst()) {
                    multipliers[c] = multiplier(j);
                    double candidateScore = score(outOfFold, multipliers, classCounts);
                    if (candidateScore > bestScore) { // strictly better only: earlier (nearer 1) wins ties
                        bestScore = candidateScore;
                        best = j;
                    }
                }
                multipliers[c] = multiplier(best);
                if (best != halfOctaves[c]) {
                    halfOctaves[c] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    /** The grid exponents ordered by distance from 0, the negative one first at equal distance. */
    private static int[] candidatesNearestOneFirst() {
        int[] order = new int[MAX_HALF_OCTAVES - MIN_HALF_OCTAVES + 1];
        int n = 0;
        order[n++] = 0;
        for (int distance = 1; n < order.length; distance++) {
            if (-distance >= MIN_HALF_OCTAVES) {
                order[n++] = -distance;
            }
            if (distance <= MAX_HALF_OCTAVES) {
                order[n++] = distance;
            }
        }
        return order;
    }

    private static double multiplier(int halfOctaves) {
        return Math.pow(2, halfOctaves / 2.0);
    }

    private double score(OutOfFold outOfFold, double[] t, double[] classCounts) {
        int classes = classCounts.length;
        double[] truePositives = new double[classes];
        double[] predicted = new double[classes];
        for (int row = 0; row < outOfFold.truth().length; row++) {
            int decision = Prediction.mostProbable(rescale(outOfFold.posteriors()[row], t));
            double weight = outOfFold.weights()[row];
            predicted[decision] += weight;
            if (decision == outOfFold.truth()[row]) {
                truePositives[decision] += weight;
            }
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            if (classCounts[c] <= 0) {
                continue;
            }
            sum += switch (objective) {
                // 2 tp / (2 tp + fp + fn), with fp + tp = predicted and fn + tp = actual
                case MACRO_F1 -> 2 * truePositives[c] / (predicted[c] + classCounts[c]);
                case BALANCED_ACCURACY -> truePositives[c] / classCounts[c];
            };
        }
        return sum / presentClasses(classCounts);
    }

    private static int presentClasses(double[] classCounts) {
        return (int) Arrays.stream(classCounts).filter(count -> count > 0).count();
    }

    /**
     * {@code p'_c = t_c p_c / sum_k t_k p_k}; the posterior unchanged when no class with a multiplier has mass.
     */
    static double[] rescale(double[] posterior, double[] t) {
        double[] scaled = new double[posterior.length];
        double sum = 0;
        for (int c = 0; c < posterior.length; c++) {
            scaled[c] = t[c] * posterior[c];
            sum += scaled[c];
        }
        if (!(sum > 0)) {
            return posterior.clone();
        }
        for (int c = 0; c < scaled.length; c++) {
            scaled[c] /= sum;
        }
        return scaled;
    }

    private static void throwIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("threshold calibration interrupted");
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        if (multipliers == null) {
            throw new IllegalStateException("CalibratedThresholds: not built yet");
        }
        return rescale(m_Classifier.distributionForInstance(instance), multipliers);
    }

    /** The fitted multipliers {@code t_c} (a copy); empty before training. */
    public double[] multipliers() {
        return multipliers == null ? new double[0] : multipliers.clone();
    }

    /** The objective of the out-of-fold decisions with every {@code t_c = 1}; NaN before (or without) fitting. */
    public double uncalibratedScore() {
        return uncalibratedScore;
    }

    /** The objective of the out-of-fold decisions with the fitted multipliers; NaN before (or without) fitting. */
    public double calibratedScore() {
        return calibratedScore;
    }

    public ThresholdObjective objective() {
        return objective;
    }

    /** The objective ({@code -objective macro-f1|balanced-accuracy}) and seed ({@code -S}), then the base's. */
    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of("-objective", OptionMap.enumText(objective),
                "-S", Integer.toString(seed)));
        options.addAll(Arrays.asList(super.getOptions()));
        return options.toArray(new String[0]);
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String objectiveText = Utils.getOption("objective", options);
        objective = objectiveText.isEmpty() ? ThresholdObjective.MACRO_F1
                : OptionMap.parseEnum("threshold objective", objectiveText, ThresholdObjective.class);
        String seedText = Utils.getOption('S', options);
        seed = seedText.isEmpty() ? 1 : Integer.parseInt(seedText);
        super.setOptions(options);
    }

    @Override
    public String toString() {
        if (multipliers == null) {
            return "CalibratedThresholds: not built yet";
        }
        return "CalibratedThresholds (" + OptionMap.enumText(objective) + " " + uncalibratedScore + " -> "
                + calibratedScore + " out of fold), multipliers " + Arrays.toString(multipliers) + "\n\n"
                + m_Classifier;
    }
}
