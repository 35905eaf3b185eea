package org.auscult.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.auscult.learn.FeatureDistribution;
import org.auscult.learn.TrainingProfile;

/**
 * What the recordings a verdict is measured against look like, as a {@link TrainingProfile} describes them: for each
 * class, the distribution of every summary feature, and over all of them the sample rates, durations and levels
 * seen. The verdict compares a recording with it ("is this inside what the model knows?") and the feature panel
 * draws where a recording sits in each class.
 *
 * <p>Two kinds exist. {@link #fromProfile} is the model's own training data, kept in the model file: the truth
 * about what the model learned from. {@link #fromRows} is the labelled recordings of the open collection, the
 * stand-in for models saved before they carried a profile.
 *
 * @param source    where the reference comes from, for people ("the model's 832 training recordings",
 *                  "12 labelled recordings of circor")
 * @param fromModel whether it is the model's training data (rather than the open collection)
 * @param profile   the recordings described
 */
public record ReferenceSet(String source, boolean fromModel, TrainingProfile profile) {

    public ReferenceSet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profile, "profile");
    }

    /** The model's training data, as its {@link TrainingProfile} describes it. */
    public static ReferenceSet fromProfile(TrainingProfile profile) {
        return new ReferenceSet(String.format(Locale.ROOT, "the model's %d training recordings",
                profile.recordings()), true, profile);
    }

    /**
     * Labelled recordings of a collection.
     *
     * @param rowsByClass per class, the summary vectors of its recordings
     * @param sampleRates native sample rate (Hz) to the number of recordings made at it
     * @param durations   each recording's duration, seconds
     * @param rmsLevels   each recording's RMS level, dBFS
     * @param peakLevels  each recording's peak level, dBFS
     */
    public static ReferenceSet fromRows(String source, List<String> featureNames,
                                        Map<String, List<double[]>> rowsByClass, SortedMap<Integer, Integer> sampleRates,
                                        double[] durations, double[] rmsLevels, double[] peakLevels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<FeatureDistribution>> distributions = new LinkedHashMap<>();
        rowsByClass.forEach((label, rows) -> {
            counts.put(label, rows.size());
            distributions.put(label, TrainingProfile.distributions(featureNames.size(), rows));
        });
        return new ReferenceSet(source, false, new TrainingProfile(List.copyOf(rowsByClass.keySet()), featureNames,
                counts, distributions, durations.length, sampleRates, FeatureDistribution.of(durations),
                FeatureDistribution.of(rmsLevels), FeatureDistribution.of(peakLevels)));
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

    /** Summary feature names, in the order of each class's distributions. */
    public List<String> featureNames() {
        return profile.featureNames();
    }

    public List<String> classes() {
        return profile.classNames();
    }

    /** Native sample rates seen, Hz (empty when unknown). */
    public SortedSet<Integer> sampleRates() {
        return new TreeSet<>(profile.sampleRates().keySet());
    }

    /** Durations, seconds ({@link FeatureDistribution#EMPTY} when unknown). */
    public FeatureDistribution durations() {
        return profile.durations();
    }

    /** RMS levels, dBFS (empty when unknown). */
    public FeatureDistribution rmsLevels() {
        return profile.rmsLevels();
    }

    /** Peak levels, dBFS (empty when unknown). */
    public FeatureDistribution peakLevels() {
        return profile.peakLevels();
    }

    /** The distribution of feature {@code featureIndex} in class {@code label} (empty for an unknown class). */
    public FeatureDistribution distribution(String label, int featureIndex) {
        return profile.distribution(label, featureIndex);
    }

    /** The range of feature {@code featureIndex} over every class: {min, max} (+Infinity, -Infinity when none). */
    public double[] range(int featureIndex) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<FeatureDistribution> perFeature : profile.features().values()) {
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
        for (int f = 0; f < featureNames().size() && f < values.length; f++) {
            double[] range = range(f);
            if (range[0] <= range[1] && (values[f] < range[0] || values[f] > range[1])) {
                outside.add(featureNames().get(f));
            }
        }
        return outside;
    }

    /** "the model's training recordings" or "the reference recordings", for sentences about this reference. */
    public String recordingsNoun() {
        return fromModel ? "the model's training recordings" : "the reference recordings";
    }
}
