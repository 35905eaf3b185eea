package org.auscult.features;

import java.util.List;

/**
 * A named frame-level feature. Adding a feature takes one class implementing this interface and one registration:
 * a line with the class name in {@code META-INF/services/org.auscult.features.FeatureExtractor} (found through
 * {@link java.util.ServiceLoader} when the registry starts; the class needs a public no-argument constructor), or a
 * call to {@link FeatureRegistry#register(FeatureExtractor)}.
 *
 * <p>Implementations are stateless and thread-safe: everything a computation needs comes from the
 * {@link AnalysisContext}, which also shares the spectrogram and the precomputed tables between features. They must
 * not create a {@link FeatureConfig} in their constructor (the configuration validates feature names against the
 * registry).
 */
public interface FeatureExtractor {

    /** The registry name, lower case with underscores, e.g. "spectral_centroid". Used in configurations. */
    String name();

    /** One sentence for people: what the feature measures, with its unit. */
    String description();

    /** A short name for people, e.g. "Spectral centroid"; the registry name unless the feature gives one. */
    default String displayName() {
        return name();
    }

    /** The {@link FeatureConfig} parameters this feature reads (component names, as in {@link FeatureConfig#KEYS}). */
    List<String> parameters();

    /** The names of the columns this feature produces under {@code config}, e.g. "mfcc_01" .. "mfcc_13". */
    List<String> columns(FeatureConfig config);

    /**
     * The feature's values for the recording of {@code context}: [frame][column], one row per frame
     * ({@link AnalysisContext#frameCount()}), columns as {@link #columns(FeatureConfig)}.
     */
    double[][] compute(AnalysisContext context);

    /** {@link #compute(AnalysisContext)} as a named series with its columns and frame timing. */
    default FrameSeries extract(AnalysisContext context) {
        return new FrameSeries(name(), columns(context.config()), compute(context), context.config().hopSize(),
                context.sampleRate());
    }
}
