package org.auscult.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.auscult.dsp.ParameterException;

/**
 * What a model's training data looked like, kept in the model so that later, on any collection, it can say where a
 * new recording sits among the recordings it learned from: per class, the {@link FeatureDistribution} of every
 * summary feature; over all training recordings, their native sample rates and the distributions of duration, RMS
 * level and peak level.
 *
 * <p>The recording facts are known only when the training rows came straight from audio (a feature table read
 * back from a file has none); then {@link #recordingsWithFacts()} is 0, {@link #sampleRates()} is empty and the
 * duration and level distributions are {@link FeatureDistribution#EMPTY}.
 *
 * @param classNames          the model's classes, in its order
 * @param featureNames        the model's features, in its order
 * @param classCounts         training recordings per class, in class order
 * @param features            per class, the distribution of each feature (indexed like featureNames)
 * @param recordingsWithFacts training recordings whose sample rate, duration and level are known
 * @param sampleRates         native sample rate (Hz) to the number of training recordings made at it
 * @param durations           durations, seconds
 * @param rmsLevels           RMS levels, dBFS (silent recordings, at -Infinity, are left out)
 * @param peakLevels          peak levels, dBFS (silent recordings left out)
 * @param trainedOn           the audio fingerprints of the training recordings, sorted and distinct (a recording
 *                            heard twice is one), so a verdict can say when the model heard the recording before;
 *                            null in a model saved before profiles carried them
 */
public record TrainingProfile(List<String> classNames, List<String> featureNames, Map<String, Integer> classCounts,
                              Map<String, List<FeatureDistribution>> features, int recordingsWithFacts,
                              SortedMap<Integer, Integer> sampleRates, FeatureDistribution durations,
                              FeatureDistribution rmsLevels, FeatureDistribution peakLevels, long[] trainedOn)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrainingProfile {
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        classCounts = Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
        Map<String, List<FeatureDistribution>> copy = new LinkedHashMap<>();
        for (String label : classNames) {
            List<FeatureDistribution> perFeature = features.get(label);
            ParameterException.require(perFeature != null && perFeature.size() == featureNames.size(),
                    "the training profile needs " + featureNames.size() + " feature distributions for class "
                            + label);
            copy.put(label, List.copyOf(perFeature));
        }
        features = Collections.unmodifiableMap(copy);
        sampleRates = Collections.unmodifiableSortedMap(new TreeMap<>(sampleRates));
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(rmsLevels, "RMS levels");
        Objects.requireNonNull(peakLevels, "peak levels");
        trainedOn = trainedOn == null ? null : java.util.Arrays.stream(trainedOn).filter(f -> f != 0).sorted()
                .distinct().toArray();
    }

    /** A profile that does not know its training recordings' fingerprints. */
    public TrainingProfile(List<String> classNames, List<String> featureNames, Map<String, Integer> classCounts,
                           Map<String, List<FeatureDistribution>> features, int recordingsWithFacts,
                           SortedMap<Integer, Integer> sampleRates, FeatureDistribution durations,
                           FeatureDistribution rmsLevels, FeatureDistribution peakLevels) {
        this(classNames, featureNames, classCounts, features, recordingsWithFacts, sampleRates, durations, rmsLevels,
                peakLevels, null);
    }

    /**
     * Whether a recording with these samples ({@code audioFingerprint}, 0 for unknown) was among the training
     * recordings; false when either side does not know.
     */
    public boolean trainedOn(long audioFingerprint) {
        return trainedOn != null && audioFingerprint != 0
                && java.util.Arrays.binarySearch(trainedOn, audioFingerprint) >= 0;
    }

    /** A copy of the training recordings' fingerprints (null when the profile does not know them). */
    @Override
    public long[] trainedOn() {
        return trainedOn == null ? null : trainedOn.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingProfile that && classNames.equals(that.classNames)
                && featureNames.equals(that.featureNames) && classCounts.equals(that.classCounts)
                && features.equals(that.features) && recordingsWithFacts == that.recordingsWithFacts
                && sampleRates.equals(that.sampleRates) && durations.equals(that.durations)
                && rmsLevels.equals(that.rmsLevels) && peakLevels.equals(that.peakLevels)
                && java.util.Arrays.equals(trainedOn, that.trainedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, featureNames, classCounts, features, recordingsWithFacts, sampleRates,
                durations, rmsLevels, peakLevels) * 31 + java.util.Arrays.hashCode(trainedOn);
    }

    @Override
    public String toString() {
        return "TrainingProfile[" + classCounts + ", " + featureNames.size() + " features, " + recordingsWithFacts
                + " recordings with facts, " + (trainedOn == null ? "no" : trainedOn.length)
                + " recording fingerprints]";
    }

    /** Whether {@link #trainedOn(long)} can answer: the profile knows its recordings' fingerprints. */
    public boolean knowsTrainingRecordings() {
        return trainedOn != null && trainedOn.length > 0;
    }

    /**
     * The profile of the labelled rows of {@code data}.
     *
     * @param factsById the facts of each recording by its id ({@link LabelledDataset#ids()}); rows without facts
     *                  count in the feature distributions only
     */
    public static TrainingProfile of(LabelledDataset data, Map<String, RecordingFacts> factsById) {
        LabelledDataset labelled = data.labelledOnly();
        List<String> classNames = labelled.classNames();
        List<String> featureNames = labelled.featureNames();
        int[] classIndex = labelled.classIndex();
        String[] ids = labelled.ids();
        Map<String, List<FeatureDistribution>> features = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            List<double[]> rows = new ArrayList<>();
            for (int row = 0; row < labelled.size(); row++) {
                if (classIndex[row] == c) {
                    rows.add(labelled.row(row));
                }
            }
            features.put(classNames.get(c), distributions(featureNames.size(), rows));
        }
        TreeMap<Integer, Integer> rates = new TreeMap<>();
        List<RecordingFacts> known = new ArrayList<>();
        for (String id : ids) {
            RecordingFacts facts = factsById.get(id);
            if (facts != null) {
                known.add(facts);
                rates.merge(facts.sampleRate(), 1, Integer::sum);
            }
        }
        return new TrainingProfile(classNames, featureNames, labelled.classCountsByName(), features, known.size(),
                rates, FeatureDistribution.of(known.stream().mapToDouble(RecordingFacts::durationSeconds).toArray()),
                FeatureDistribution.of(known.stream().mapToDouble(RecordingFacts::rmsDbfs).toArray()),
                FeatureDistribution.of(known.stream().mapToDouble(RecordingFacts::peakDbfs).toArray()),
                known.stream().mapToLong(RecordingFacts::audioFingerprint).toArray());
    }

    /** The distribution of each of the {@code features} columns of {@code rows}. */
    public static List<FeatureDistribution> distributions(int features, List<double[]> rows) {
        List<FeatureDistribution> perFeature = new ArrayList<>(features);
        double[] column = new double[rows.size()];
        for (int f = 0; f < features; f++) {
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[f];
            }
            perFeature.add(FeatureDistribution.of(column));
        }
        return perFeature;
    }

    /** Training recordings, over every class. */
    public int recordings() {
        return classCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The distribution of feature {@code featureIndex} in class {@code label} (empty for an unknown class). */
    public FeatureDistribution distribution(String label, int featureIndex) {
        List<FeatureDistribution> perFeature = features.get(label);
        return perFeature == null ? FeatureDistribution.EMPTY : perFeature.get(featureIndex);
    }
}
