package org.auscult.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.auscult.learn.FeatureDistribution;
import org.auscult.learn.TrainingProfile;

/**
 * What the recordings a verdict is measured against look like: for each class, the distribution of every summary
 * feature, and over all of them the sample rates, durations and levels seen. The verdict compares a recording with
 * it ("is this inside what the model knows?") and the feature panel draws where a recording sits in each class.
 *
 * <p>Two kinds exist. {@link #fromProfile} is the model's own training data, kept in the model file: the truth
 * about what the model learned from. {@link #fromRows} is the labelled recordings of the open collection, the
 * stand-in for models saved before they carried a profile.
 *
 * @param source        where the reference comes from, for people ("the model's 832 training recordings",
 *                      "12 labelled recordings of circor")
 * @param fromModel     whether it is the model's training data (rather than the open collection)
 * @param featureNames  summary feature names, in the order of each class's distributions
 * @param distributions per class, the distribution of each feature
 * @param size          recordings described
 * @param sampleRates   native sample rates seen, Hz (empty when unknown)
 * @param durations     durations, seconds ({@link FeatureDistribution#EMPTY} when unknown)
 * @param rmsLevels     RMS levels, dBFS (empty when unknown)
 * @param peakLevels    peak levels, dBFS (empty when unknown)
 */
public record ReferenceSet(String source, boolean fromModel, List<String> featureNames,
                           Map<String, List<FeatureDistribution>> distributions, int size,
                           SortedSet<Integer> sampleRates, FeatureDistribution durations,
                           FeatureDistribution rmsLevels, FeatureDistribution peakLevels) {

    public ReferenceSet {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        Map<String, List<FeatureDistribution>> copy = new LinkedHashMap<>();
        int features = featureNames.size();
        distributions.forEach((label, perFeature) -> {
            if (perFeature.size() != features) {
                throw new IllegalArgumentException("class " + label + " has " + perFeature.size()
                        + " distributions for " + features + " features");
            }
            copy.put(label, List.copyOf(perFeature));
        });
        distributions = Collections.unmodifiableMap(copy);
        sampleRates = Collections.unmodifiableSortedSet(new TreeSet<>(sampleRates));
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(rmsLevels, "RMS levels");
        Objects.requireNonNull(peakLevels, "peak levels");
    }

    /** The model's training data, as its {@link TrainingProfile} describes it. */
    public static ReferenceSet fromProfile(TrainingProfile profile) {
        return new ReferenceSet(String.format(Locale.ROOT, "the model's %d training recordings",
                profile.recordings()), true, profile.featureNames(), profile.features(), profile.recordings(),
                new TreeSet<>(profile.sampleRates().keySet()), profile.durations(), profile.rmsLevels(),
                profile.peakLevels());
    }

    /**
     * Labelled recordings of a collection.
     *
     * @param rowsByClass per class, the summary vectors of its recordings
     * @param durations   each recording's duration, seconds
     * @param rmsLevels   each recording's RMS level, dBFS
     * @param peakLevels  each recording's peak level, dBFS
     */
    public static ReferenceSet fromRows(String source, List<String> featureNames,
                                        Map<String, List<double[]>> rowsByClass, SortedSet<Integer> sampleRates,
                                        double[] durations, double[] rmsLevels, double[] peakLevels) {
        Map<String, List<FeatureDistribution>> distributions = new LinkedHashMap<>();
        rowsByClass.forEach((label, rows) -> {
            List<FeatureDistribution> perFeature = new ArrayList<>();
            double[] column = new double[rows.size()];
            for (int f = 0; f < featureNames.size(); f++) {
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[f];
                }
                perFeature.add(FeatureDistribution.of(column));
            }
            distributions.put(label, perFeature);
        });
        return new ReferenceSet(source, false, featureNames, distributions, durations.length, sampleRates,
                FeatureDistribution.of(durations), FeatureDistribution.of(rmsLevels),
                FeatureDistribution.of(peakLevels));
    }

    /**
     * The reference a recording is compared with: the model's training data when the model describes it (models
     * saved before they carried a profile do not), else the labelled recordings of the open collection.
     *
     * @param collection the collection's reference, or null when not (yet) known
     */
    public static ReferenceSet preferred(LoadedModel model, ReferenceSet collection) {
        if (model != null && model.model().profile() != null) {
            return fromProfile(model.model().profile());
        }
        return collection;
    }

    public List<String> classes() {
        return List.copyOf(distributions.keySet());
    }

    /** The distribution of feature {@code featureIndex} in class {@code label} (empty for an unknown class). */
    public FeatureDistribution distribution(String label, int featureIndex) {
        List<FeatureDistribution> perFeature = distributions.get(label);
        return perFeature == null ? FeatureDistribution.EMPTY : perFeature.get(featureIndex);
    }

    /** The range of feature {@code featureIndex} over every class: {min, max} (+Infinity, -Infinity when none). */
    public double[] range(int featureIndex) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<FeatureDistribution> perFeature : distributions.values()) {
            FeatureDistribution d = perFeature.get(featureIndex);
            if (!d.isEmpty()) {
                min = Math.min(min, d.min());
                max = Math.max(max, d.max());
            }
        }
        return new double[] {min, max};
    }

    /** Names of the features of {@code values} that lie outside the range of every reference class. */
    public List<String> featuresOutsideRange(double[] values) {
        List<String> outside = new ArrayList<>();
        for (int f = 0; f < featureNames.size() && f < values.length; f++) {
            double[] range = range(f);
            if (range[0] <= range[1] && (values[f] < range[0] || values[f] > range[1])) {
                outside.add(featureNames.get(f));
            }
        }
        return outside;
    }

    /** "the model's training recordings" or "the reference recordings", for sentences about this reference. */
    public String recordingsNoun() {
        return fromModel ? "the model's training recordings" : "the reference recordings";
    }
}
