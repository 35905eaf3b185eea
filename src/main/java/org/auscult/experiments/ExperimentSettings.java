package org.auscult.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.auscult.analysis.AnalysisConfig;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.ModelSpec;

/**
 * Everything that decides the numbers of a training run: how recordings become features, the model, and how it is
 * evaluated. Two runs with equal settings on the same data give the same evaluation (the thread count only changes
 * how long it takes).
 *
 * <p>As properties, each part under its own prefix: {@code analysis.} ({@link AnalysisConfig#toProperties()}),
 * {@code model.} ({@link ModelSpec#toProperties()}) and {@code evaluation.} ({@link
 * EvaluationOptions#toProperties()}).
 *
 * @param analysis   signal conditioning and features
 * @param model      the model design, its options and its seed
 * @param evaluation the protocol (grouped k-fold with repeats, or the 80/10/10 split) and its seed
 */
public record ExperimentSettings(AnalysisConfig analysis, ModelSpec model, EvaluationOptions evaluation) {

    static final String ANALYSIS = "analysis.";
    static final String MODEL = "model.";
    static final String EVALUATION = "evaluation.";

    public ExperimentSettings {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(evaluation, "evaluation");
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
        return new ExperimentSettings(analysis, model.withSeed(seed), evaluation.withSeed(seed));
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        analysis.toProperties().forEach((key, value) -> properties.put(ANALYSIS + key, value));
        model.toProperties().forEach((key, value) -> properties.put(MODEL + key, value));
        evaluation.toProperties().forEach((key, value) -> properties.put(EVALUATION + key, value));
        return properties;
    }

    /**
     * Reads {@link #toProperties()}; keys outside the three prefixes are ignored (they belong to the rest of an
     * experiment record), a misspelt key inside one is refused by that part.
     */
    public static ExperimentSettings of(Map<String, String> properties) {
        return new ExperimentSettings(AnalysisConfig.of(section(properties, ANALYSIS)),
                ModelSpec.of(section(properties, MODEL)), EvaluationOptions.of(section(properties, EVALUATION)));
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
