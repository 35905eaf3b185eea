package org.auscult.learn;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * Everything that defines a model before it sees data: the family, the options of every component it may use, the
 * class-imbalance treatment and the seed. {@link ModelFactory#build(ModelSpec)} turns it into an unbuilt Weka
 * classifier; the same spec and the same training rows always give the same model.
 *
 * <p>As properties: {@code preset}, {@code balancing}, {@code priorCorrection}, {@code thresholdObjective}, {@code
 * seed}, and each component's own properties under
 * {@code forest.}, {@code smo.}, {@code logitBoost.}, {@code adaBoost.} and {@code stacked.}.
 *
 * @param preset     the model family
 * @param forest     random forest options (the forest preset, and a member of stacking and voting)
 * @param smo        support vector machine options
 * @param logitBoost LogitBoost options (kind must be LOGITBOOST)
 * @param adaBoost   AdaBoost.M1 options (kind must be ADABOOST)
 * @param stacked    stacking and voting options
 * @param balancing  class-imbalance treatment
 * @param priorCorrection for {@link Balancing#COST_SENSITIVE}: the exponent {@code a} of the class weights
 *                   {@code w_c^a} in [0, 1], from 0 (the model's own posterior) to 1 (every class equally likely a
 *                   priori); ignored by the other balancings
 * @param thresholdObjective for {@link Balancing#CALIBRATED_THRESHOLDS}: what the per-class multipliers maximise on
 *                   the out-of-fold decisions of the training rows; ignored by the other balancings. Null (a model
 *                   file saved before this option existed) means {@link ThresholdObjective#MACRO_F1}
 * @param seed       the master seed: every randomised component draws its seed from it, so changing it (as
 *                   cross-validation does for each fold) reseeds the whole model
 */
public record ModelSpec(Preset preset, RandomForestOptions forest, SmoOptions smo, BoostingOptions logitBoost,
                        BoostingOptions adaBoost, StackedOptions stacked, Balancing balancing,
                        double priorCorrection, ThresholdObjective thresholdObjective, long seed)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The reference design with every component at its defaults, with the cost-sensitive posterior at prior
     * correction 0.5 (the best macro-F1 for the accuracy it costs on the synthetic benchmark; provisional until
     * measured on heart-sound features, see docs/decisions/classifier-design.md), seed 1.
     */
    public static final ModelSpec DEFAULTS = new ModelSpec(Preset.RANDOM_FOREST, RandomForestOptions.DEFAULTS,
            SmoOptions.DEFAULTS, BoostingOptions.LOGITBOOST_DEFAULTS, BoostingOptions.ADABOOST_DEFAULTS,
            StackedOptions.DEFAULTS, Balancing.COST_SENSITIVE, 0.5, ThresholdObjective.MACRO_F1, 1);

    private static final List<String> KEYS = List.of("preset", "balancing", "priorCorrection", "thresholdObjective",
            "seed");
    private static final List<String> SECTIONS = List.of("forest", "smo", "logitBoost", "adaBoost", "stacked");

    public ModelSpec {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(forest, "forest options");
        Objects.requireNonNull(smo, "SMO options");
        Objects.requireNonNull(logitBoost, "LogitBoost options");
        Objects.requireNonNull(adaBoost, "AdaBoost options");
        Objects.requireNonNull(stacked, "stacking options");
        Objects.requireNonNull(balancing, "balancing");
        if (thresholdObjective == null) { // a model file from before the option: it could only mean the default
            thresholdObjective = ThresholdObjective.MACRO_F1;
        }
        ParameterException.require(priorCorrection >= 0 && priorCorrection <= 1,
                "priorCorrection must be in [0, 1], got " + priorCorrection);
        ParameterException.require(logitBoost.kind() == BoostingOptions.Kind.LOGITBOOST,
                "the logitBoost options must be of kind logitboost, got " + OptionMap.enumText(logitBoost.kind()));
        ParameterException.require(adaBoost.kind() == BoostingOptions.Kind.ADABOOST,
                "the adaBoost options must be of kind adaboost, got " + OptionMap.enumText(adaBoost.kind()));
    }

    /** A spec with the default {@link ThresholdObjective#MACRO_F1} (the components before that option existed). */
    public ModelSpec(Preset preset, RandomForestOptions forest, SmoOptions smo, BoostingOptions logitBoost,
                     BoostingOptions adaBoost, StackedOptions stacked, Balancing balancing, double priorCorrection,
                     long seed) {
        this(preset, forest, smo, logitBoost, adaBoost, stacked, balancing, priorCorrection,
                ThresholdObjective.MACRO_F1, seed);
    }

    /** {@link #DEFAULTS} with another preset. */
    public static ModelSpec of(Preset preset) {
        return DEFAULTS.withPreset(preset);
    }

    public ModelSpec withPreset(Preset newPreset) {
        return new ModelSpec(newPreset, forest, smo, logitBoost, adaBoost, stacked, balancing,
                priorCorrection, thresholdObjective, seed);
    }

    public ModelSpec withBalancing(Balancing newBalancing) {
        return new ModelSpec(preset, forest, smo, logitBoost, adaBoost, stacked, newBalancing,
                priorCorrection, thresholdObjective, seed);
    }

    /** {@link Balancing#COST_SENSITIVE} with class weights {@code w_c^strength}. */
    public ModelSpec withCostSensitive(double strength) {
        return new ModelSpec(preset, forest, smo, logitBoost, adaBoost, stacked, Balancing.COST_SENSITIVE,
                strength, thresholdObjective, seed);
    }

    /** {@link Balancing#CALIBRATED_THRESHOLDS} maximising {@code objective}. */
    public ModelSpec withCalibratedThresholds(ThresholdObjective objective) {
        return new ModelSpec(preset, forest, smo, logitBoost, adaBoost, stacked, Balancing.CALIBRATED_THRESHOLDS,
                priorCorrection, objective, seed);
    }

    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(preset, forest, smo, logitBoost, adaBoost, stacked, balancing,
                priorCorrection, thresholdObjective, newSeed);
    }

    public ModelSpec withForest(RandomForestOptions newForest) {
        return new ModelSpec(preset, newForest, smo, logitBoost, adaBoost, stacked, balancing,
                priorCorrection, thresholdObjective, seed);
    }

    public ModelSpec withSmo(SmoOptions newSmo) {
        return new ModelSpec(preset, forest, newSmo, logitBoost, adaBoost, stacked, balancing,
                priorCorrection, thresholdObjective, seed);
    }

    public ModelSpec withBoosting(BoostingOptions newLogitBoost, BoostingOptions newAdaBoost) {
        return new ModelSpec(preset, forest, smo, newLogitBoost, newAdaBoost, stacked, balancing,
                priorCorrection, thresholdObjective, seed);
    }

    public ModelSpec withStacked(StackedOptions newStacked) {
        return new ModelSpec(preset, forest, smo, logitBoost, adaBoost, newStacked, balancing,
                priorCorrection, thresholdObjective, seed);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("preset", OptionMap.enumText(preset));
        properties.put("balancing", OptionMap.enumText(balancing));
        properties.put("priorCorrection", Double.toString(priorCorrection));
        properties.put("thresholdObjective", OptionMap.enumText(thresholdObjective));
        properties.put("seed", Long.toString(seed));
        OptionMap.putSection(properties, "forest", forest.toProperties());
        OptionMap.putSection(properties, "smo", smo.toProperties());
        OptionMap.putSection(properties, "logitBoost", logitBoost.toProperties());
        OptionMap.putSection(properties, "adaBoost", adaBoost.toProperties());
        OptionMap.putSection(properties, "stacked", stacked.toProperties());
        return properties;
    }

    /** Reads {@link #toProperties()}; missing keys take {@link #DEFAULTS}, unknown keys are refused. */
    public static ModelSpec of(Map<String, String> properties) {
        Map<String, String> topLevel = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot < 0) {
                topLevel.put(key, value);
            } else {
                ParameterException.require(SECTIONS.contains(key.substring(0, dot)),
                        "model: unknown option '" + key + "' (sections: " + String.join(", ", SECTIONS) + ")");
            }
        });
        OptionMap options = new OptionMap("model", topLevel, KEYS);
        return new ModelSpec(options.choice("preset", Preset.class, DEFAULTS.preset),
                RandomForestOptions.of(OptionMap.section(properties, "forest")),
                SmoOptions.of(OptionMap.section(properties, "smo")),
                BoostingOptions.of(OptionMap.section(properties, "logitBoost"), BoostingOptions.LOGITBOOST_DEFAULTS),
                BoostingOptions.of(OptionMap.section(properties, "adaBoost"), BoostingOptions.ADABOOST_DEFAULTS),
                StackedOptions.of(OptionMap.section(properties, "stacked")),
                options.choice("balancing", Balancing.class, DEFAULTS.balancing),
                options.decimal("priorCorrection", DEFAULTS.priorCorrection),
                options.choice("thresholdObjective", ThresholdObjective.class, DEFAULTS.thresholdObjective),
                options.longInteger("seed", DEFAULTS.seed));
    }
}
