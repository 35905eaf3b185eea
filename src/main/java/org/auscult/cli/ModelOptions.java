package org.auscult.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.learn.ModelSpec;
import picocli.CommandLine.Option;

/** The model design, as the training wizard would choose it. */
final class ModelOptions {

    @Option(names = "--preset", paramLabel = "PRESET",
            description = "stacked (the reference design), random-forest, smo, logitboost, adaboost or voting "
                    + "(default: random-forest, the default recipe's).")
    String preset;

    @Option(names = "--balancing", paramLabel = "METHOD",
            description = "How class imbalance is handled: source-and-class (the default: every source, and every "
                    + "class within it, weighs the same), class-weights, none, resample, cost-sensitive or "
                    + "calibrated-thresholds (per-class decision multipliers tuned on inner folds; "
                    + "--model-set thresholdObjective=balanced-accuracy tunes for mean recall instead of macro-F1).")
    String balancing;

    @Option(names = "--model-set", paramLabel = "KEY=VALUE",
            description = "One model option, e.g. --model-set forest.trees=300 --model-set smo.c=2.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The default recipe's design with the user's choices applied. */
    ModelSpec resolve(long seed) {
        Map<String, String> properties = new LinkedHashMap<>(DefaultRecipe.model().toProperties());
        if (preset != null) {
            properties.put("preset", preset);
        }
        if (balancing != null) {
            properties.put("balancing", balancing);
        }
        properties.putAll(settings);
        properties.put("seed", Long.toString(seed));
        return ModelSpec.of(properties);
    }
}
