package org.auscult.learn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.auscult.dsp.ParameterException;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A feature table with one row per recording: the input of training and evaluation.
 *
 * <p>Row {@code i} has the feature vector {@code features[i]} (one value per name in {@code featureNames}), the
 * class {@code classNames.get(classIndex[i])} or {@link #UNLABELLED}, an identifier {@code ids[i]} (usually the
 * recording's path), the patient it comes from {@code groups[i]} (rows of one patient never straddle a fold) and
 * the collection part or device it was recorded with {@code sources[i]}. Unlabelled rows are kept so that one table
 * can serve browsing and prediction, but they are never trained or evaluated on.
 *
 * <p>The arrays are copied on the way in and out, so a dataset never changes after construction.
 */
public record LabelledDataset(List<String> featureNames, List<String> classNames, double[][] features,
                              int[] classIndex, String[] ids, String[] groups, String[] sources) {

    /** The class index of a row without a label. */
    public static final int UNLABELLED = -1;

    /**
     * Validates every row and copies every array.
     *
     * @throws ParameterException naming the row and the problem: unequal lengths, a non-finite value, a class index
     *                            out of range, a blank or duplicate name, a missing id, group or source
     */
    public LabelledDataset {
        Objects.requireNonNull(featureNames, "featureNames");
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(classIndex, "classIndex");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(sources, "sources");
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        requireDistinctNames(featureNames, "feature");
        requireDistinctNames(classNames, "class");
        ParameterException.require(!featureNames.isEmpty(), "a dataset needs at least one feature");
        ParameterException.require(classNames.size() >= 2,
                "a dataset needs at least two classes, got " + classNames);
        int rows = features.length;
        ParameterException.require(classIndex.length == rows && ids.length == rows && groups.length == rows
                        && sources.length == rows,
                "unequal lengths: " + rows + " feature rows, " + classIndex.length + " class indices, " + ids.length
                        + " ids, " + groups.length + " groups, " + sources.length + " sources");
        double[][] copy = new double[rows][];
        for (int row = 0; row < rows; row++) {
            ParameterException.require(features[row] != null && features[row].length == featureNames.size(),
                    "row " + row + (ids[row] == null ? "" : " (" + ids[row] + ")") + " has "
                            + (features[row] == null ? "no" : features[row].length) + " values, expected "
                            + featureNames.size());
            for (int column = 0; column < features[row].length; column++) {
                ParameterException.require(Double.isFinite(features[row][column]),
                        "row " + row + " (" + ids[row] + "), feature " + featureNames.get(column)
                                + ": value " + features[row][column] + " is not finite");
            }
            copy[row] = features[row].clone();
            ParameterException.require(classIndex[row] == UNLABELLED
                            || (classIndex[row] >= 0 && classIndex[row] < classNames.size()),
                    "row " + row + " (" + ids[row] + "): class index " + classIndex[row] + " is outside 0.."
                            + (classNames.size() - 1) + " (or " + UNLABELLED + " for unlabelled)");
            ParameterException.require(ids[row] != null && groups[row] != null && sources[row] != null,
                    "row " + row + ": id, group and source must not be null");
        }
        features = copy;
        classIndex = classIndex.clone();
        ids = ids.clone();
        groups = groups.clone();
        sources = sources.clone();
    }

    private static void requireDistinctNames(List<String> names, String kind) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            ParameterException.require(name != null && !name.isBlank(), "a " + kind + " name is blank");
            ParameterException.require(seen.add(name), "the " + kind + " name '" + name + "' occurs twice");
        }
    }

    /** Number of rows, labelled or not. */
    public int size() {
        return features.length;
    }

    @Override
    public double[][] features() {
        double[][] copy = new double[features.length][];
        Arrays.setAll(copy, row -> features[row].clone());
        return copy;
    }

    /** One row's feature vector (a copy). */
    public double[] row(int row) {
        return features[row].clone();
    }

    @Override
    public int[] classIndex() {
        return classIndex.clone();
    }

    @Override
    public String[] ids() {
        return ids.clone();
    }

    @Override
    public String[] groups() {
        return groups.clone();
    }

    @Override
    public String[] sources() {
        return sources.clone();
    }

    /** Whether row {@code row} has a class. */
    public boolean isLabelled(int row) {
        return classIndex[row] != UNLABELLED;
    }

    /** The rows with a class, in order: the rows a model may be trained and evaluated on. */
    public int[] trainableRows() {
        return java.util.stream.IntStream.range(0, size()).filter(this::isLabelled).toArray();
    }

    /** The labelled rows only (the dataset itself when every row is labelled). */
    public LabelledDataset labelledOnly() {
        int[] rows = trainableRows();
        return rows.length == size() ? this : subset(rows);
    }

    /** The rows at the given indices, in the given order, with the same names. */
    public LabelledDataset subset(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        double[][] subsetFeatures = new double[rows.length][];
        int[] subsetClasses = new int[rows.length];
        String[] subsetIds = new String[rows.length];
        String[] subsetGroups = new String[rows.length];
        String[] subsetSources = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            ParameterException.require(row >= 0 && row < size(),
                    "subset row " + row + " is outside 0.." + (size() - 1));
            subsetFeatures[i] = features[row];
            subsetClasses[i] = classIndex[row];
            subsetIds[i] = ids[row];
            subsetGroups[i] = groups[row];
            subsetSources[i] = sources[row];
        }
        return new LabelledDataset(featureNames, classNames, subsetFeatures, subsetClasses, subsetIds, subsetGroups,
                subsetSources);
    }

    /** Number of rows of each class, indexed like {@link #classNames()} (unlabelled rows are not counted). */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : classIndex) {
            if (label != UNLABELLED) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** Class name to row count, in class order. */
    public Map<String, Integer> classCountsByName() {
        int[] counts = classCounts();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            byName.put(classNames.get(c), counts[c]);
        }
        return byName;
    }

    /** The distinct sources of the labelled rows, sorted. */
    public List<String> distinctSources() {
        Set<String> distinct = new TreeSet<>();
        for (int row = 0; row < size(); row++) {
            if (isLabelled(row)) {
                distinct.add(sources[row]);
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * This dataset on coarser classes: each class named in {@code merge} ({@code fine -> coarse}) is folded into its
     * coarse class; classes not named keep their name. The coarse classes keep the order of their first fine class.
     *
     * @throws ParameterException when {@code merge} names a class this dataset does not have
     */
    public LabelledDataset mergeClasses(Map<String, String> merge) {
        List<String> coarse = ClassMerging.coarseClasses(classNames, merge);
        int[] target = ClassMerging.targets(classNames, merge, coarse);
        int[] merged = new int[classIndex.length];
        Arrays.setAll(merged, row -> classIndex[row] == UNLABELLED ? UNLABELLED : target[classIndex[row]]);
        return new LabelledDataset(featureNames, coarse, features, merged, ids, groups, sources);
    }

    /**
     * The labelled rows with their source as the class: the table behind the source check (how well the features
     * tell the recording device apart).
     */
    public LabelledDataset withSourceAsClass() {
        LabelledDataset labelled = labelledOnly();
        List<String> sourceNames = labelled.distinctSources();
        ParameterException.require(sourceNames.size() >= 2,
                "the labelled rows come from " + sourceNames.size() + " source(s); at least two are needed");
        int[] sourceIndex = new int[labelled.size()];
        Arrays.setAll(sourceIndex, row -> sourceNames.indexOf(labelled.sources[row]));
        return new LabelledDataset(featureNames, sourceNames, labelled.features, sourceIndex, labelled.ids,
                labelled.groups, labelled.sources);
    }

    /**
     * A SHA-256 fingerprint (lower-case hex) of the feature names, the class names, every value and every label, in
     * row order. Two tables with the same fingerprint train the same model; ids, groups and sources are not part of
     * it because renaming or regrouping recordings does not change what a model learns from them.
     */
    public String fingerprint() {
        MessageDigest digest = sha256();
        updateStrings(digest, featureNames);
        updateStrings(digest, classNames);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(Long.BYTES * (featureNames.size() + 1));
        for (int row = 0; row < size(); row++) {
            buffer.clear();
            for (double value : features[row]) {
                buffer.putLong(Double.doubleToLongBits(value));
            }
            buffer.putLong(classIndex[row]);
            digest.update(buffer.array(), 0, buffer.position());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void updateStrings(MessageDigest digest, List<String> strings) {
        // Length-prefixed so that ["ab","c"] and ["a","bc"] differ.
        digest.update(Integer.toString(strings.size()).getBytes(StandardCharsets.UTF_8));
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The Weka header for these names: one numeric attribute per feature, then the nominal class attribute (set as
     * the class index). No rows.
     */
    public static Instances header(List<String> featureNames, List<String> classNames) {
        ArrayList<Attribute> attributes = new ArrayList<>(featureNames.size() + 1);
        featureNames.forEach(name -> attributes.add(new Attribute(name)));
        attributes.add(new Attribute(classAttributeName(featureNames), new ArrayList<>(classNames)));
        Instances header = new Instances("auscult", attributes, 0);
        header.setClassIndex(featureNames.size());
        return header;
    }

    private static String classAttributeName(List<String> featureNames) {
        String name = "class";
        while (featureNames.contains(name)) {
            name = "_" + name;
        }
        return name;
    }

    /** A Weka instance (weight 1) of {@code header} with these feature values and a missing class. */
    static DenseInstance instance(Instances header, double[] featureValues) {
        double[] values = Arrays.copyOf(featureValues, featureValues.length + 1);
        values[featureValues.length] = Utils.missingValue();
        DenseInstance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }

    /** Every row as Weka instances (class attribute last; unlabelled rows have a missing class). */
    public Instances toInstances() {
        Instances instances = header(featureNames, classNames);
        for (int row = 0; row < size(); row++) {
            double[] values = Arrays.copyOf(features[row], features[row].length + 1);
            values[features[row].length] = isLabelled(row) ? classIndex[row] : Utils.missingValue();
            instances.add(new DenseInstance(1.0, values));
        }
        return instances;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledDataset that
                && featureNames.equals(that.featureNames) && classNames.equals(that.classNames)
                && Arrays.deepEquals(features, that.features) && Arrays.equals(classIndex, that.classIndex)
                && Arrays.equals(ids, that.ids) && Arrays.equals(groups, that.groups)
                && Arrays.equals(sources, that.sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureNames, classNames, Arrays.deepHashCode(features), Arrays.hashCode(classIndex),
                Arrays.hashCode(ids), Arrays.hashCode(groups), Arrays.hashCode(sources));
    }

    @Override
    public String toString() {
        return "LabelledDataset[" + size() + " rows, " + featureNames.size() + " features, classes "
                + classCountsByName() + "]";
    }
}
