package org.auscult.analysis;

import java.util.LinkedHashMap;
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
 * every feature parameter is prefixed with {@code feature.}.
 */
public record AnalysisConfig(SignalConditioning conditioning, FeatureConfig features) {

    static final String FEATURE_PREFIX = "feature.";

    public AnalysisConfig {
        Objects.requireNonNull(conditioning, "conditioning");
        Objects.requireNonNull(features, "features");
    }

    /** The defaults chosen by measurement: see docs/decisions/analysis-rate-and-filter.md and feature-defaults.md. */
    public static AnalysisConfig defaults() {
        return new AnalysisConfig(SignalConditioning.defaults(), FeatureConfig.defaults());
    }

    public AnalysisConfig withConditioning(SignalConditioning newConditioning) {
        return new AnalysisConfig(newConditioning, features);
    }

    public AnalysisConfig withFeatures(FeatureConfig newFeatures) {
        return new AnalysisConfig(conditioning, newFeatures);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>(conditioning.toProperties());
        features.toProperties().forEach((key, value) -> properties.put(FEATURE_PREFIX + key, value));
        return properties;
    }

    /**
     * Reads what {@link #toProperties()} wrote. Absent keys take their defaults; an unknown key is an error that
     * names it, so a misspelt parameter is never silently ignored.
     */
    public static AnalysisConfig of(Map<String, String> properties) {
        Map<String, String> conditioningProperties = new LinkedHashMap<>();
        Map<String, String> featureProperties = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(FEATURE_PREFIX)) {
                featureProperties.put(key.substring(FEATURE_PREFIX.length()), value);
            } else {
                conditioningProperties.put(key, value);
            }
        });
        SignalConditioning conditioning = conditioningProperties.isEmpty()
                ? SignalConditioning.defaults() : SignalConditioning.of(conditioningProperties);
        FeatureConfig features = featureProperties.isEmpty()
                ? FeatureConfig.defaults() : FeatureConfig.of(featureProperties);
        return new AnalysisConfig(conditioning, features);
    }
}
