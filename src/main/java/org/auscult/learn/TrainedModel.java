package org.auscult.learn;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A trained model with everything needed to use it on new recordings and to know where it came from. Saved and
 * loaded by {@link ModelFile}.
 *
 * @param classifier           the built Weka classifier (standardisation and balancing inside)
 * @param classNames           the classes, in the order of {@link #posterior} entries
 * @param featureNames         the features, in the order {@link #posterior} expects them
 * @param featureConfiguration how the features were computed (analysis rate, filter, every parameter), recorded
 *                             verbatim so the same computation can be repeated for new recordings
 * @param dataFingerprint      {@link LabelledDataset#fingerprint()} of the training rows
 * @param evaluation           how the model's design fared in evaluation, or null when not evaluated
 * @param versions             versions of what made it ({@code auscult}, {@code weka}, {@code java})
 * @param spec                 the model's design
 * @param profile              what the training data looked like (feature distributions per class, sample
 *                             rates, durations, levels), or null for a model saved before models carried one:
 *                             such a file has no {@code profile} field and Java serialisation leaves it null
 * @param followUpScreen       the follow-up answer's threshold fitted at training for the patients' weighted
 *                             accuracy ({@link FollowUpScreen#fitted}), or null: then the screen is fitted on the
 *                             evaluation's recordings when the model is loaded (a model trained without patients
 *                             of known murmur status, or saved before models carried one)
 */
public record TrainedModel(Classifier classifier, List<String> classNames, List<String> featureNames,
                           Map<String, String> featureConfiguration, String dataFingerprint,
                           EvaluationResult evaluation, Map<String, String> versions, ModelSpec spec,
                           TrainingProfile profile, FollowUpScreen followUpScreen)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrainedModel {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(dataFingerprint, "data fingerprint");
        Objects.requireNonNull(spec, "model spec");
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        featureConfiguration = Collections.unmodifiableMap(new LinkedHashMap<>(featureConfiguration));
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        ParameterException.require(classNames.size() >= 2, "a model needs at least two classes");
        ParameterException.require(!featureNames.isEmpty(), "a model needs at least one feature");
        ParameterException.require(profile == null || (profile.classNames().equals(classNames)
                        && profile.featureNames().equals(featureNames)),
                "the training profile must describe the model's classes and features");
    }

    /** A model without a follow-up screen of its own ({@link #followUpScreen}). */
    public TrainedModel(Classifier classifier, List<String> classNames, List<String> featureNames,
                        Map<String, String> featureConfiguration, String dataFingerprint, EvaluationResult evaluation,
                        Map<String, String> versions, ModelSpec spec, TrainingProfile profile) {
        this(classifier, classNames, featureNames, featureConfiguration, dataFingerprint, evaluation, versions, spec,
                profile, null);
    }

    /** This model with {@code screen} as its follow-up screen. */
    public TrainedModel withFollowUpScreen(FollowUpScreen screen) {
        return new TrainedModel(classifier, classNames, featureNames, featureConfiguration, dataFingerprint, evaluation,
                versions, spec, profile, screen);
    }

    /** The training profile, when the model carries one. */
    public java.util.Optional<TrainingProfile> trainingProfile() {
        return java.util.Optional.ofNullable(profile);
    }

    /**
     * The probability of each class (indexed like {@link #classNames()}) for one feature vector.
     *
     * @throws ParameterException when the vector's length differs from the model's features or a value is not
     *                            finite
     * @throws LearningException  when the classifier fails
     */
    public double[] posterior(double[] features) {
        return posteriors(new double[][] {features})[0];
    }

    /** {@link #posterior} for many rows at once. */
    public double[][] posteriors(double[][] rows) {
        Instances header = LabelledDataset.header(featureNames, classNames);
        double[][] posteriors = new double[rows.length][];
        // Weka classifiers keep per-call state (e.g. a FilteredClassifier's filter): one caller at a time.
        synchronized (classifier) {
            for (int i = 0; i < rows.length; i++) {
                double[] features = rows[i];
                ParameterException.require(features.length == featureNames.size(), "the model expects "
                        + featureNames.size() + " features, got " + features.length);
                for (int f = 0; f < features.length; f++) {
                    ParameterException.require(Double.isFinite(features[f]),
                            "feature " + featureNames.get(f) + " is " + features[f]);
                }
                try {
                    posteriors[i] = classifier.distributionForInstance(LabelledDataset.instance(header, features));
                } catch (Exception e) {
                    throw new LearningException("the model failed to classify: " + e.getMessage(), e);
                }
            }
        }
        return posteriors;
    }

    /**
     * This model answering in coarser classes: each class named in {@code merge} ({@code fine -> coarse}) is folded
     * into its coarse class, its probability added ({@link ClassMerging}). The evaluation is read on the coarse
     * classes ({@link EvaluationResult#mergeClasses}) and the training profile is given as computed on the coarse
     * labels, since per-class feature distributions cannot be summed.
     *
     * @param coarseProfile the training profile on the coarse classes, or null
     */
    public TrainedModel mergeClasses(Map<String, String> merge, TrainingProfile coarseProfile) {
        List<String> coarse = ClassMerging.coarseClasses(classNames, merge);
        ClassMerging merged = new ClassMerging(classifier, LabelledDataset.header(featureNames, classNames),
                ClassMerging.targets(classNames, merge, coarse));
        return new TrainedModel(merged, coarse, featureNames, featureConfiguration, dataFingerprint,
                evaluation == null ? null : evaluation.mergeClasses(merge), versions, spec, coarseProfile);
    }

    /** The most probable class (the first of equal maxima) for one feature vector. */
    public String predict(double[] features) {
        return classNames.get(Prediction.mostProbable(posterior(features)));
    }

    /** Versions of the running Auscult, Weka and Java, as recorded in a new model. */
    public static Map<String, String> currentVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        String auscult = TrainedModel.class.getPackage().getImplementationVersion();
        versions.put("auscult", auscult == null ? "development" : auscult);
        versions.put("weka", weka.core.Version.VERSION);
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
