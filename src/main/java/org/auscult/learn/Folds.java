package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.auscult.dsp.ParameterException;

/**
 * Plans the folds of each {@link Protocol} on the labelled rows of a dataset.
 *
 * <p>All protocols that draw at random use one greedy, stratified, grouped assignment ({@link #assignGroups}): the
 * rows of a group (a patient) always land in the same bin, and each bin {@code b} with target fraction {@code f_b}
 * should receive the fraction {@code f_b} of every class. The groups are shuffled (the seed decides the order among
 * equals), then taken largest first; each goes to the bin whose squared deviation from its targets grows least:
 * <pre>
 *   cost(b) = sum over classes c of the group:  ((m_bc + g_c) / n_c - f_b)^2 - (m_bc / n_c - f_b)^2
 * </pre>
 * where {@code m_bc} rows of class {@code c} are already in bin {@code b}, the group holds {@code g_c} and the
 * dataset {@code n_c}. Dividing by {@code n_c} makes a rare class weigh as much as a common one; ties go to the bin
 * that is least full relative to its target. This is the idea of scikit-learn's StratifiedGroupKFold: with one row
 * per group it reduces to ordinary stratification (each class's counts within one of their targets), and with
 * large groups the folds are as balanced as the groups allow.
 */
public final class Folds {

    /** Target fractions of the split protocol: train, validation, test. */
    static final double[] SPLIT_FRACTIONS = {0.8, 0.1, 0.1};

    private static final double TIE = 1e-12;

    private Folds() {
    }

    /**
     * The folds of {@code options.protocol()} over the rows of {@code labelled}, in repeat then fold order.
     *
     * @param labelled a dataset whose rows all have a class (see {@link LabelledDataset#labelledOnly()})
     * @throws ParameterException when the rows cannot be divided: fewer patients than folds, fewer than two
     *                            sources for leave-source-out, an unlabelled row
     */
    public static List<Fold> plan(EvaluationOptions options, LabelledDataset labelled) {
        ParameterException.require(labelled.trainableRows().length == labelled.size(),
                "folds are planned on labelled rows only");
        ParameterException.require(labelled.size() > 0, "the dataset has no labelled rows");
        return switch (options.protocol()) {
            case GROUPED_CV -> groupedCrossValidation(labelled, options.folds(), options.repeats(), options.seed());
            case SPLIT -> split(labelled, options.repeats(), options.seed());
            case LEAVE_SOURCE_OUT -> leaveSourceOut(labelled, options.repeats());
        };
    }

    /** Repeated stratified k-fold cross-validation grouped by {@link LabelledDataset#groups()}. */
    public static List<Fold> groupedCrossValidation(LabelledDataset labelled, int folds, int repeats, long seed) {
        int groups = (int) Arrays.stream(labelled.groups()).distinct().count();
        ParameterException.require(groups >= folds,
                "grouped cross-validation needs at least as many patients as folds: " + groups + " patients, "
                        + folds + " folds");
        double[] fractions = new double[folds];
        Arrays.fill(fractions, 1.0 / folds);
        List<Fold> plan = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            int[] bin = assignGroups(labelled.classIndex(), labelled.groups(), labelled.classNames().size(),
                    fractions, Seeds.derive(seed, repeat));
            for (int fold = 0; fold < folds; fold++) {
                int[] test = rowsIn(bin, fold);
                ParameterException.require(test.length > 0, "fold " + fold + " of repeat " + repeat
                        + " received no patient; use fewer folds");
                plan.add(new Fold(repeat, fold, "fold " + (fold + 1), rowsNotIn(bin, fold), test, new int[0]));
            }
        }
        return plan;
    }

    /** The stratified, grouped 80/10/10 train/validation/test split, a new one per repeat. */
    public static List<Fold> split(LabelledDataset labelled, int repeats, long seed) {
        List<Fold> plan = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            int[] bin = assignGroups(labelled.classIndex(), labelled.groups(), labelled.classNames().size(),
                    SPLIT_FRACTIONS, Seeds.derive(seed, repeat));
            int[] test = rowsIn(bin, 2);
            ParameterException.require(rowsIn(bin, 0).length > 0 && test.length > 0,
                    "too few patients (" + labelled.size() + " rows) for an 80/10/10 split");
            plan.add(new Fold(repeat, 0, "test split", rowsIn(bin, 0), test, rowsIn(bin, 1)));
        }
        return plan;
    }

    /** One fold per source (sorted by name), the same folds in every repeat. */
    public static List<Fold> leaveSourceOut(LabelledDataset labelled, int repeats) {
        List<String> sources = labelled.distinctSources();
        ParameterException.require(sources.size() >= 2,
                "leave-source-out needs at least two sources, the rows come from " + sources);
        String[] rowSources = labelled.sources();
        int[] bin = new int[labelled.size()];
        Arrays.setAll(bin, row -> sources.indexOf(rowSources[row]));
        List<Fold> plan = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int source = 0; source < sources.size(); source++) {
                plan.add(new Fold(repeat, source, "source " + sources.get(source), rowsNotIn(bin, source),
                        rowsIn(bin, source), new int[0]));
            }
        }
        return plan;
    }

    /**
     * The bin of every row: the greedy stratified grouped assignment described on the class.
     *
     * @param classIndex class of every row, 0..numClasses-1
     * @param groups     group of every row
     * @param numClasses number of classes
     * @param fractions  target fraction of each bin (summing to 1)
     * @param seed       decides the order of equally large groups
     */
    static int[] assignGroups(int[] classIndex, String[] groups, int numClasses, double[] fractions, long seed) {
        Map<String, int[]> classCountsByGroup = new LinkedHashMap<>();
        Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        int[] classTotals = new int[numClasses];
        for (int row = 0; row < classIndex.length; row++) {
            classCountsByGroup.computeIfAbsent(groups[row], g -> new int[numClasses])[classIndex[row]]++;
            rowsByGroup.computeIfAbsent(groups[row], g -> new ArrayList<>()).add(row);
            classTotals[classIndex[row]]++;
        }
        List<String> order = new ArrayList<>(rowsByGroup.keySet());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String g) -> rowsByGroup.get(g).size()).reversed()); // stable

        int bins = fractions.length;
        int[][] binClassCounts = new int[bins][numClasses];
        int[] binSizes = new int[bins];
        int[] binOfRow = new int[classIndex.length];
        for (String group : order) {
            int[] groupCounts = classCountsByGroup.get(group);
            int groupSize = rowsByGroup.get(group).size();
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            double bestFill = Double.POSITIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                double cost = 0;
                for (int c = 0; c < numClasses; c++) {
                    if (groupCounts[c] > 0) {
                        double before = (double) binClassCounts[b][c] / classTotals[c] - fractions[b];
                        double after = (double) (binClassCounts[b][c] + groupCounts[c]) / classTotals[c]
                                - fractions[b];
                        cost += after * after - before * before;
                    }
                }
                double fill = (binSizes[b] + groupSize) / (fractions[b] * classIndex.length);
                if (cost < bestCost - TIE || (cost <= bestCost + TIE && fill < bestFill)) {
                    best = b;
                    bestCost = cost;
                    bestFill = fill;
                }
            }
            for (int c = 0; c < numClasses; c++) {
                binClassCounts[best][c] += groupCounts[c];
            }
            binSizes[best] += groupSize;
            for (int row : rowsByGroup.get(group)) {
                binOfRow[row] = best;
            }
        }
        return binOfRow;
    }

    private static int[] rowsIn(int[] bin, int wanted) {
        return IntStream.range(0, bin.length).filter(row -> bin[row] == wanted).toArray();
    }

    private static int[] rowsNotIn(int[] bin, int unwanted) {
        return IntStream.range(0, bin.length).filter(row -> bin[row] != unwanted).toArray();
    }
}
