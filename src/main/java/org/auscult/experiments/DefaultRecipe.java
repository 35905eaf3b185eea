package org.auscult.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.CorpusStep;
import org.auscult.features.CycleEmission;
import org.auscult.learn.Balancing;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.RandomForestOptions;
import org.auscult.library.Recording;

/**
 * The recipe a user gets with no options: what {@code auscult train} and {@code evaluate}, the training wizard's
 * first choices and the bundled model share (docs/decisions/default-recipe.md, measured in docs/benchmarks.md).
 *
 * <ul>
 *   <li>Analysis at a rate and band every source supports: 2000 Hz, 25-900 Hz, 64 ms frames every 16 ms, mel
 *       range up to 1000 Hz ({@link CorpusStep#COMMON}), with the heart-cycle feature groups
 *       ({@link CorpusStep#CYCLE_FEATURES}): values measured within each beat carry the murmur whatever the
 *       device. The beats are found with the emission trained on CirCor's annotated segmentations
 *       ({@link CycleEmission#TRAINED}): on CirCor, cross-fitted, it raised the murmur recall at specificity 0.90
 *       from 0.702 to 0.784 (docs/decisions/segmentation.md, "The verdict's segmentation").</li>
 *   <li>A random forest of {@value #TREES} trees with source-and-class balanced weights ({@link Balancing#SOURCE_AND_CLASS}):
 *       no device's class mix is learnt as a class; with one source it is class balancing.</li>
 *   <li>PASCAL's noisy recordings trained apart and answered as normal / murmur
 *       ({@link TrainingLabels#pascalNoisyApart()}) when the collection has them.</li>
 * </ul>
 */
public final class DefaultRecipe {

    /** What the recipe is called in experiment records, the model card and the wizard. */
    public static final String NAME = "cross-device heart-cycle forest";

    /** Trees of the recipe's forest: 300 reach PASCAL's macro-F1 0.65 where 100 give 0.645. */
    public static final int TREES = 300;

    private DefaultRecipe() {
    }

    /** The recipe's analysis: the defaults with the common rate and band and the heart-cycle groups. */
    public static AnalysisConfig analysis() {
        return AnalysisConfig.of(analysisProperties());
    }

    /** {@link #analysis()} as properties, for options to override one by one. */
    public static Map<String, String> analysisProperties() {
        Map<String, String> properties = new LinkedHashMap<>(AnalysisConfig.defaults().toProperties());
        properties.putAll(CorpusStep.COMMON);
        properties.put("feature.features", CorpusStep.CYCLE_FEATURES);
        properties.put("feature.cycleEmission", CycleEmission.TRAINED.key());
        return properties;
    }

    /** The recipe's model. */
    public static ModelSpec model() {
        RandomForestOptions forest = ModelSpec.DEFAULTS.forest();
        return ModelSpec.DEFAULTS.withBalancing(Balancing.SOURCE_AND_CLASS)
                .withForest(new RandomForestOptions(TREES, forest.featuresPerSplit(), forest.maxDepth(),
                        forest.seed()));
    }

    /**
     * The recipe's labels for recordings: PASCAL's noisy recordings apart when there are any, else the labels as
     * imported.
     */
    public static TrainingLabels labelsFor(List<Recording> trainable) {
        boolean noisy = trainable.stream().map(Recording::originalLabel)
                .anyMatch(label -> TrainingLabels.pascalNoisyApart().merge().containsKey(label));
        return noisy ? TrainingLabels.pascalNoisyApart() : TrainingLabels.AS_IMPORTED;
    }

    /** The whole recipe for {@code trainable} recordings, evaluated by 10-fold grouped cross-validation x 3. */
    public static ExperimentSettings settings(List<Recording> trainable) {
        return new ExperimentSettings(analysis(), model(), org.auscult.learn.EvaluationOptions.DEFAULTS, labelsFor(trainable));
    }
}
