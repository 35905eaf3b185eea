package org.auscult.learn;

import java.util.Map;

import org.auscult.dsp.ParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import weka.classifiers.Classifier;
import weka.core.Instances;

/** Trains the model of a {@link ModelSpec} on every labelled row of a dataset. */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private Trainer() {
    }

    /**
     * Builds the model on the labelled rows of {@code data} (unlabelled rows are ignored).
     *
     * @param featureConfiguration how the features were computed, recorded verbatim in the model
     * @param evaluation           the evaluation of {@code spec} to keep with the model, or null
     * @throws ParameterException when fewer than two classes have labelled rows
     * @throws LearningException  when Weka fails to build the model
     */
    public static TrainedModel train(LabelledDataset data, ModelSpec spec, Map<String, String> featureConfiguration,
                                     EvaluationResult evaluation) {
        return train(data, spec, featureConfiguration, evaluation, Map.of());
    }

    /**
     * Builds the model as {@link #train(LabelledDataset, ModelSpec, Map, EvaluationResult)} does, and keeps in it
     * the {@link TrainingProfile} of the labelled rows.
     *
     * @param factsById sample rate, duration and level of each training recording by its id; rows missing here
     *                  count in the profile's feature distributions only
     */
    public static TrainedModel train(LabelledDataset data, ModelSpec spec, Map<String, String> featureConfiguration,
                                     EvaluationResult evaluation, Map<String, RecordingFacts> factsById) {
        LabelledDataset labelled = data.labelledOnly();
        long classesPresent = java.util.Arrays.stream(labelled.classCounts()).filter(count -> count > 0).count();
        ParameterException.require(classesPresent >= 2,
                "training needs labelled rows of at least two classes, got " + labelled.classCountsByName());
        Classifier classifier = ModelFactory.build(spec);
        long start = System.nanoTime();
        try {
            Instances rows = GroupedTraining.train(classifier, labelled);
            // a forest kept as flat arrays reads back from a model file many times faster, same posterior
            classifier = CompactForest.compactWithin(classifier, rows);
        } catch (Exception e) {
            throw new LearningException("training the " + OptionMap.enumText(spec.preset()) + " model failed: "
                    + e.getMessage(), e);
        }
        LOG.info("Trained {} on {} rows in {} ms", ModelFactory.describe(classifier), labelled.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new TrainedModel(classifier, labelled.classNames(), labelled.featureNames(), featureConfiguration,
                labelled.fingerprint(), evaluation, TrainedModel.currentVersions(), spec,
                TrainingProfile.of(labelled, factsById));
    }

    /**
     * Builds the model on the classes of {@code data} and makes it answer in coarser ones
     * ({@link TrainedModel#mergeClasses}): trained on the fine labels, used on the coarse.
     *
     * @param evaluation the evaluation of {@code spec} on the fine classes (it is merged too), or null
     * @param merge      fine class -> coarse class, for the classes to fold
     */
    public static TrainedModel trainMerged(LabelledDataset data, ModelSpec spec,
                                           Map<String, String> featureConfiguration, EvaluationResult evaluation,
                                           Map<String, RecordingFacts> factsById, Map<String, String> merge) {
        TrainedModel fine = train(data, spec, featureConfiguration, evaluation, factsById);
        return fine.mergeClasses(merge, TrainingProfile.of(data.labelledOnly().mergeClasses(merge), factsById));
    }
}
