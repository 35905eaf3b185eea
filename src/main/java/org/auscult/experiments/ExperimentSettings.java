package org.auscult.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.analysis.AnalysisConfig;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.ModelSpec;

/**
 * Everything that decides the numbers of a training run: how recordings become features, which labels are trained
 * on and answered in, the model, and how it is evaluated. Two runs with equal settings on the same data give the same evaluation (the thread count only changes
 * how long it takes).
 *
 * <p>As properties, each part under its own prefix: {@code analysis.} ({@link AnalysisConfig#toProperties()}),
 * {@code model.} ({@link ModelSpec#toProperties()}), {@code evaluation.} ({@link
 * EvaluationOptions#toProperties()}) and {@code labels.} ({@link TrainingLabels#toProperties()}). A record written
 * before the {@code labels.} keys existed reads as {@link TrainingLabels#AS_IMPORTED}, which is what such a run did.
 *
 * @param analysis   signal conditioning and features
 * @param model      the model design, its options and its seed
 * @param evaluation the protocol (grouped k-fold with repeats, or the 80/10/10 split) and its seed
 * @param labels     the labels trained on and answered in
 */
public record ExperimentSettings(AnalysisConfig analysis, ModelSpec model, EvaluationOptions evaluation,
                                 TrainingLabels labels) {

    static final String ANALYSIS = "analysis.";
    static final String MODEL = "model.";
    static final String EVALUATION = "evaluation.";
    static final String LABELS = "labels.";
    /** Every prefix of the settings' keys in an experiment record. */
    static final List<String> PREFIXES = List.of(ANALYSIS, MODEL, EVALUATION, LABELS);

    public ExperimentSettings {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(labels, "labels");
    }

    /** Settings that train on the labels as imported ({@link TrainingLabels#AS_IMPORTED}). */
    public ExperimentSettings(AnalysisConfig analysis, ModelSpec model, EvaluationOptions evaluation) {
        this(analysis, model, evaluation, TrainingLabels.AS_IMPORTED);
    }

    /** The default analysis, the default model and 10-fold grouped cross-validation with 3 repeats, seed 1. */
    public static ExperimentSettings defaults() {
        return new ExperimentSettings(AnalysisConfig.defaults(), ModelSpec.DEFAULTS, EvaluationOptions.DEFAULTS);
    }

    /** The seed of the protocol's shuffles, also the model's master seed (see {@link #withSeed}). */
    public long seed() {
        return evaluation.seed();
    }

    /** The same settings with one seed for the folds and for the model. */
    public ExperimentSettings withSeed(long seed) {
        return new ExperimentSettings(analysis, model.withSeed(seed), evaluation.withSeed(seed), labels);
    }

    /** The same settings with other training labels. */
    public ExperimentSettings withLabels(TrainingLabels newLabels) {
        return new ExperimentSettings(analysis, model, evaluation, newLabels);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        analysis.toProperties().forEach((key, value) -> properties.put(ANALYSIS + key, value));
        model.toProperties().forEach((key, value) -> properties.put(MODEL + key, value));
        evaluation.toProperties().forEach((key, value) -> properties.put(EVALUATION + key, value));
        labels.toProperties().forEach((key, value) -> properties.put(LABELS + key, value));
        return properties;
    }

    /**
     * Reads {@link #toProperties()}; keys outside the four prefixes are ignored (they belong to the rest of an
     * experiment record), a misspelt key inside one is refused by that part.
     */
    public static ExperimentSettings of(Map<String, String> properties) {
        return new ExperimentSettings(AnalysisConfig.of(section(properties, ANALYSIS)),
                ModelSpec.of(section(properties, MODEL)), EvaluationOptions.of(section(properties, EVALUATION)),
                TrainingLabels.of(section(properties, LABELS)));
    }

    private static Map<String, String> section(Map<String, String> properties, String prefix) {
        Map<String, String> section = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                section.put(key.substring(prefix.length()), value);
            }
        });
        return section;
    }
}
