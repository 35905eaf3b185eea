package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.auscult.dsp.ParameterException;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A classifier trained on fine classes that answers in coarse ones: each coarse class's probability is the sum of
 * its fine classes', {@code p_C = sum_{c -> C} p_c}.
 *
 * <p>Training on labels finer than the ones asked for can help a model: PASCAL's "noisy normal" recordings are
 * irregular for a different reason than extrasystoles, and a model that learns them apart confuses the two less.
 * This adapter is made from the trained fine classifier ({@link TrainedModel#mergeClasses}); it cannot be trained
 * itself, because the coarse rows it would be given no longer say which fine class they belong to.
 */
public final class ClassMerging extends AbstractClassifier {

    private static final long serialVersionUID = 1L;

    private final Classifier fine;
    private final Instances fineHeader;
    private final int[] target;
    private final int coarseClasses;

    /**
     * @param fine       the classifier trained on the fine classes
     * @param fineHeader the header it was trained with (features, then the fine class attribute)
     * @param target     for each fine class index, the index of its coarse class
     */
    ClassMerging(Classifier fine, Instances fineHeader, int[] target) {
        this.fine = Objects.requireNonNull(fine, "fine classifier");
        this.fineHeader = new Instances(Objects.requireNonNull(fineHeader, "fine header"), 0);
        this.target = target.clone();
        ParameterException.require(target.length == fineHeader.numClasses(),
                "class merging needs a coarse class for each of the " + fineHeader.numClasses() + " fine classes");
        int max = -1;
        for (int t : target) {
            max = Math.max(max, t);
        }
        this.coarseClasses = max + 1;
    }

    /** The coarse class names of {@code classNames} under {@code merge}, in the order of their first fine class. */
    static List<String> coarseClasses(List<String> classNames, Map<String, String> merge) {
        for (String from : merge.keySet()) {
            ParameterException.require(classNames.contains(from),
                    "cannot merge class '" + from + "': the classes are " + classNames);
        }
        List<String> coarse = new ArrayList<>();
        for (String name : classNames) {
            String to = merge.getOrDefault(name, name);
            if (!coarse.contains(to)) {
                coarse.add(to);
            }
        }
        return coarse;
    }

    /** For each class of {@code classNames}, the index of its class in {@code coarse}. */
    static int[] targets(List<String> classNames, Map<String, String> merge, List<String> coarse) {
        int[] target = new int[classNames.size()];
        Arrays.setAll(target, c -> coarse.indexOf(merge.getOrDefault(classNames.get(c), classNames.get(c))));
        return target;
    }

    /** The merge as "fine->coarse" pairs, sorted, for descriptions. */
    static String describe(Map<String, String> merge) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(merge).forEach((from, to) -> pairs.add(from + "->" + to));
        return String.join(", ", pairs);
    }

    /** Not trainable: made from a classifier already trained on the fine classes. */
    @Override
    public void buildClassifier(Instances data) {
        throw new IllegalStateException("a class-merging model is made from a model trained on the fine classes; "
                + "train that model instead");
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        int features = fineHeader.numAttributes() - 1;
        double[] values = new double[features + 1];
        for (int a = 0; a < features; a++) {
            values[a] = instance.value(a);
        }
        values[features] = weka.core.Utils.missingValue();
        Instance fineInstance = new DenseInstance(1, values);
        fineInstance.setDataset(fineHeader);
        return merge(fine.distributionForInstance(fineInstance), target, coarseClasses);
    }

    /** {@code p_C = sum_{c -> C} p_c}: the fine posterior added up into {@code coarseClasses} classes. */
    static double[] merge(double[] finePosterior, int[] target, int coarseClasses) {
        double[] coarse = new double[coarseClasses];
        for (int c = 0; c < finePosterior.length; c++) {
            coarse[target[c]] += finePosterior[c];
        }
        return coarse;
    }

    @Override
    public String toString() {
        return "ClassMerging(" + fineHeader.numClasses() + " -> " + coarseClasses + " classes) of " + fine;
    }
}
