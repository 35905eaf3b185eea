package org.auscult.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auscult.dsp.SignalConditioning;
import org.auscult.features.FeatureConfig;

/**
 * Everything that decides how a recording becomes numbers: how the signal is conditioned (analysis rate,
 * band-pass) and how features are computed from it. Recorded with every feature table and every model, so that a
 * new recording is analysed exactly as the training data was.
 *
 * <p>As properties, the conditioning keys keep their own names ({@code analysis.rate}, {@code bandpass.*}) and
 * every feature parameter is prefixed with {@code feature.}. {@value #USABLE_STRETCHES}{@code =true} measures the
 * features on the usable stretches of the recording only ({@link UsableStretches}); it is written only when on, so
 * configurations from before it read as they were.
 *
 * @param usableStretches measure on the usable stretches only, and answer "unsure" when too few usable seconds
 *                        remain
 */
public record AnalysisConfig(SignalConditioning conditioning, FeatureConfig features, boolean usableStretches) {

    static final String FEATURE_PREFIX = "feature.";
    /** The key of {@link #usableStretches()}. */
    public static final String USABLE_STRETCHES = "quality.usableStretches";
    /** The keys of the signal conditioning ({@link SignalConditioning#toProperties()}). */
    private static final List<String> CONDITIONING_KEYS = List.copyOf(
            SignalConditioning.defaults().toProperties().keySet());

    public AnalysisConfig {
        Objects.requireNonNull(conditioning, "conditioning");
        Objects.requireNonNull(features, "features");
    }

    /** A configuration measuring the whole recording. */
    public AnalysisConfig(SignalConditioning conditioning, FeatureConfig features) {
        this(conditioning, features, false);
    }

    /** The defaults chosen by measurement: see docs/decisions/analysis-rate-and-filter.md and feature-defaults.md. */
    public static AnalysisConfig defaults() {
        return new AnalysisConfig(SignalConditioning.defaults(), FeatureConfig.defaults());
    }

    public AnalysisConfig withFeatures(FeatureConfig newFeatures) {
        return new AnalysisConfig(conditioning, newFeatures, usableStretches);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>(conditioning.toProperties());
        features.toProperties().forEach((key, value) -> properties.put(FEATURE_PREFIX + key, value));
        if (usableStretches) {
            properties.put(USABLE_STRETCHES, "true");
        }
        return properties;
    }

    /**
     * Refuses, naming it, any key a person gave ({@code --set}, {@code --config}) that no analysis reads: the
     * conditioning's keys, {@value #USABLE_STRETCHES} and {@code feature.<name>} (whose names {@link FeatureConfig}
     * checks). {@link #of} itself reads a model's configuration leniently outside {@code feature.}, as the oldest
     * model files carry keys of their own there.
     */
    public static void requireKnownKeys(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            org.auscult.dsp.ParameterException.require(CONDITIONING_KEYS.contains(key) || key.equals(USABLE_STRETCHES)
                    || key.startsWith(FEATURE_PREFIX), "unknown analysis parameter '" + key + "', known: "
                    + String.join(", ", CONDITIONING_KEYS) + ", " + USABLE_STRETCHES + " and " + FEATURE_PREFIX
                    + "<name>");
        }
    }

    /**
     * Reads what {@link #toProperties()} wrote. Absent keys take their defaults; an unknown {@code feature.} key is an
     * error that names it (see {@link #requireKnownKeys} for the rest).
     */
    public static AnalysisConfig of(Map<String, String> properties) {
        Map<String, String> conditioningProperties = new LinkedHashMap<>();
        Map<String, String> featureProperties = new LinkedHashMap<>();
        boolean[] usable = {false};
        properties.forEach((key, value) -> {
            if (key.equals(USABLE_STRETCHES)) {
                org.auscult.dsp.ParameterException.require(value.equals("true") || value.equals("false"),
                        USABLE_STRETCHES + " must be true or false, got '" + value + "'");
                usable[0] = value.equals("true");
            } else if (key.startsWith(FEATURE_PREFIX)) {
                featureProperties.put(key.substring(FEATURE_PREFIX.length()), value);
            } else {
                conditioningProperties.put(key, value);
            }
        });
        SignalConditioning conditioning = conditioningProperties.isEmpty()
                ? SignalConditioning.defaults() : SignalConditioning.of(conditioningProperties);
        FeatureConfig features = featureProperties.isEmpty()
                ? FeatureConfig.defaults() : FeatureConfig.of(featureProperties);
        return new AnalysisConfig(conditioning, features, usable[0]);
    }
}
