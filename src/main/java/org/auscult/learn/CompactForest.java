package org.auscult.learn;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.IteratedSingleClassifierEnhancer;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A trained Weka {@link RandomForest} held as a few flat arrays: the same posterior, a model file read in a
 * fraction of the time.
 *
 * <p>Weka keeps every node of every tree as an object with its own arrays; a forest of 300 trees on 5000
 * recordings is about a million objects, and checking and rebuilding them from a model file takes seconds
 * (docs/decisions/model-file.md). Here node {@code n} of the forest is {@code attribute[n]} ({@code -1} for a
 * leaf), {@code split[n]}, its two children {@code left[n]} and {@code right[n]} with the shares of training weight
 * {@code leftShare[n]} and {@code rightShare[n]} that went to them, and its class distribution, normalised, at
 * {@code distributions[offset[n] ... offset[n] + K)}, or {@code offset[n] = -1} when Weka kept none (a node that
 * saw no data, and an inner node whose children both did: it is never asked for its own).
 *
 * <p>Prediction repeats Weka 3.8's exactly: a tree sends a row left when {@code x[a] < split}, right otherwise; a
 * missing value goes down both branches, their distributions weighted by the shares and added; a leaf, or a node
 * whose chosen branch saw no data, answers its own normalised distribution; the forest adds the trees'
 * distributions in order and normalises the sum ({@code Bagging}). {@link #compact} checks it on rows before it
 * is used and keeps the Weka forest when any posterior differs.
 */
public final class CompactForest extends AbstractClassifier {

    private static final long serialVersionUID = 1L;

    private final int classes;
    private final int[] roots;
    private final int[] attribute;
    private final double[] split;
    private final int[] left;
    private final int[] right;
    private final double[] leftShare;
    private final double[] rightShare;
    private final int[] offset;
    private final double[] distributions;
    private final boolean allowUnclassified;

    private CompactForest(int classes, int[] roots, int[] attribute, double[] split, int[] left, int[] right,
                          double[] leftShare, double[] rightShare, int[] offset, double[] distributions,
                          boolean allowUnclassified) {
        this.classes = classes;
        this.roots = roots;
        this.attribute = attribute;
        this.split = split;
        this.left = left;
        this.right = right;
        this.leftShare = leftShare;
        this.rightShare = rightShare;
        this.offset = offset;
        this.distributions = distributions;
        this.allowUnclassified = allowUnclassified;
    }

    /**
     * The compact form of {@code forest}, when every tree has numeric two-way splits and the compact posterior
     * equals Weka's on every row of {@code check}; empty otherwise (a design this class does not cover).
     */
    public static Optional<CompactForest> compact(RandomForest forest, Instances check) {
        try {
            CompactForest compact = flatten(forest, check.numClasses());
            for (Instance row : check) {
                double[] expected = forest.distributionForInstance(row);
                double[] actual = compact.distributionForInstance(row);
                if (!java.util.Arrays.equals(expected, actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(compact);
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces, inside a trained classifier, a random forest it wraps ({@code SingleClassifierEnhancer}s such as
     * the balancing wrappers, down to the forest) by its compact form, when the whole classifier's posterior on
     * every row of {@code rows} stays exactly the same; otherwise leaves it as it was.
     *
     * @return {@code trained} itself, or the compact forest when {@code trained} is a bare forest
     */
    public static Classifier compactWithin(Classifier trained, Instances rows) {
        try {
            if (trained instanceof RandomForest forest) {
                return compact(forest, rows).<Classifier>map(c -> c).orElse(trained);
            }
            if (!(trained instanceof weka.classifiers.SingleClassifierEnhancer wrapper)) {
                return trained;
            }
            Classifier inner = wrapper.getClassifier();
            List<double[]> before = new ArrayList<>();
            for (Instance row : rows) {
                before.add(trained.distributionForInstance(row));
            }
            Classifier replaced = inner instanceof RandomForest forest
                    ? compact(forest, rows).<Classifier>map(c -> c).orElse(inner)
                    : compactWithin(inner, rows);
            if (replaced == inner) {
                return trained;
            }
            wrapper.setClassifier(replaced);
            for (int i = 0; i < rows.numInstances(); i++) {
                if (!java.util.Arrays.equals(before.get(i), trained.distributionForInstance(rows.instance(i)))) {
                    wrapper.setClassifier(inner);
                    return trained;
                }
            }
            return trained;
        } catch (Exception e) {
            return trained;
        }
    }

    /** The number of nodes over all trees. */
    public int nodes() {
        return attribute.length;
    }

    private static CompactForest flatten(RandomForest forest, int classes) throws ReflectiveOperationException {
        Classifier[] trees = (Classifier[]) field(IteratedSingleClassifierEnhancer.class, "m_Classifiers")
                .get(forest);
        Builder builder = new Builder(classes);
        int[] roots = new int[trees.length];
        boolean allowUnclassified = false;
        for (int t = 0; t < trees.length; t++) {
            RandomTree tree = (RandomTree) trees[t];
            if (field(RandomTree.class, "m_zeroR").get(tree) != null) {
                throw new IllegalStateException("a tree answers by ZeroR");
            }
            allowUnclassified = tree.getAllowUnclassifiedInstances();
            roots[t] = builder.add(field(RandomTree.class, "m_Tree").get(tree));
        }
        return builder.build(roots, allowUnclassified);
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Collects nodes depth-first into growing arrays. */
    private static final class Builder {
        private final int classes;
        private final List<int[]> structure = new ArrayList<>(); // attribute, left, right
        private final List<double[]> values = new ArrayList<>(); // split, leftShare, rightShare
        private final List<double[]> normalised = new ArrayList<>(); // null for a node without data

        Builder(int classes) {
            this.classes = classes;
        }

        int add(Object node) throws ReflectiveOperationException {
            Class<?> type = node.getClass();
            int attribute = (int) field(type, "m_Attribute").get(node);
            double split = (double) field(type, "m_SplitPoint").get(node);
            double[] prop = (double[]) field(type, "m_Prop").get(node);
            double[] classDistribution = (double[]) field(type, "m_ClassDistribution").get(node);
            Object[] successors = (Object[]) field(type, "m_Successors").get(node);
            int index = structure.size();
            int[] own = {attribute, -1, -1};
            structure.add(own);
            values.add(new double[] {split, 0, 0});
            double[] distribution = null;
            if (classDistribution != null) {
                if (classDistribution.length != classes) {
                    throw new IllegalStateException("a node of " + classDistribution.length + " classes");
                }
                distribution = classDistribution.clone();
                Utils.normalize(distribution);
            }
            normalised.add(distribution);
            if (attribute > -1) {
                if (successors == null || successors.length != 2 || prop == null || prop.length != 2) {
                    throw new IllegalStateException("not a numeric two-way split");
                }
                values.get(index)[1] = prop[0];
                values.get(index)[2] = prop[1];
                own[1] = add(successors[0]);
                own[2] = add(successors[1]);
            }
            return index;
        }

        CompactForest build(int[] roots, boolean allowUnclassified) {
            int n = structure.size();
            int[] attribute = new int[n];
            int[] left = new int[n];
            int[] right = new int[n];
            int[] offset = new int[n];
            double[] split = new double[n];
            double[] leftShare = new double[n];
            double[] rightShare = new double[n];
            for (int i = 0; i < n; i++) {
                int[] s = structure.get(i);
                double[] v = values.get(i);
                attribute[i] = s[0];
                left[i] = s[1];
                right[i] = s[2];
                split[i] = v[0];
                leftShare[i] = v[1];
                rightShare[i] = v[2];
            }
            // Weka keeps an inner node's distribution only when a child saw no data: it is consulted then only
            List<double[]> kept = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (normalised.get(i) != null) {
                    offset[i] = next;
                    next += classes;
                    kept.add(normalised.get(i));
                } else {
                    offset[i] = -1;
                }
            }
            double[] flat = new double[next];
            for (int k = 0; k < kept.size(); k++) {
                System.arraycopy(kept.get(k), 0, flat, k * classes, classes);
            }
            return new CompactForest(classes, roots, attribute, split, left, right, leftShare, rightShare, offset,
                    flat, allowUnclassified);
        }
    }

    @Override
    public void buildClassifier(Instances data) {
        throw new UnsupportedOperationException("a compact forest is made from a trained RandomForest");
    }

    @Override
    public double[] distributionForInstance(Instance instance) {
        double[] sums = new double[classes];
        for (int root : roots) {
            double[] tree = node(root, instance);
            for (int j = 0; j < tree.length; j++) {
                sums[j] += tree[j];
            }
        }
        if (Utils.eq(Utils.sum(sums), 0)) {
            return sums;
        }
        Utils.normalize(sums);
        return sums;
    }

    /** Weka's {@code RandomTree.Tree.distributionForInstance} on node {@code n}; null for a node without data. */
    private double[] node(int n, Instance instance) {
        double[] returned = null;
        int a = attribute[n];
        if (a > -1) {
            if (instance.isMissing(a)) {
                returned = new double[classes];
                addWeighted(returned, node(left[n], instance), leftShare[n]);
                addWeighted(returned, node(right[n], instance), rightShare[n]);
            } else {
                returned = node(instance.value(a) < split[n] ? left[n] : right[n], instance);
            }
        }
        if (a == -1 || returned == null) {
            if (offset[n] < 0) {
                return allowUnclassified ? new double[classes] : null;
            }
            double[] own = new double[classes];
            System.arraycopy(distributions, offset[n], own, 0, classes);
            return own;
        }
        return returned;
    }

    private static void addWeighted(double[] sum, double[] part, double share) {
        if (part != null) {
            for (int j = 0; j < part.length; j++) {
                sum[j] += share * part[j];
            }
        }
    }

    @Override
    public String toString() {
        return "CompactForest: " + roots.length + " trees, " + attribute.length + " nodes (a trained random forest"
                + " in flat arrays)";
    }
}
