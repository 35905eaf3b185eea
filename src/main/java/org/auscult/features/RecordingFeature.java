package org.auscult.features;

import java.util.List;

/**
 * A named group of values measured once per recording, such as the heart rate or the energy in systole. Where a
 * {@link FeatureExtractor} produces one row per frame that the engine summarises with the configured statistics, a
 * recording feature produces the final values itself: they go into the summary vector as they are, under the names
 * {@link #valueNames(FeatureConfig)} gives, in the place its name has in {@link FeatureConfig#features()}.
 *
 * <p>Registered like a frame feature: a line with the class name in
 * {@code META-INF/services/org.auscult.features.RecordingFeature} (found through {@link java.util.ServiceLoader} when
 * the registry starts; the class needs a public no-argument constructor), or
 * {@link FeatureRegistry#register(RecordingFeature)}. Frame and recording features share one name space.
 *
 * <p>Implementations are stateless and thread-safe. Work shared by several groups (a segmentation, say) is computed
 * once per recording through {@link AnalysisContext#shared(String, Class, java.util.function.Supplier)}. Values
 * must be finite (the learning layer refuses missing values): where a value cannot be measured on a recording (the
 * rhythm of a recording with one beat), a group gives a documented neutral value instead.
 */
public interface RecordingFeature {

    /** The registry name, lower case with underscores, e.g. "rhythm". Used in configurations. */
    String name();

    /** One sentence for people: what the group measures. */
    String description();

    /** A short name for people, e.g. "Heart rate and rhythm"; the registry name unless the group gives one. */
    default String displayName() {
        return name();
    }

    /** The {@link FeatureConfig} parameters this group reads (component names, as in {@link FeatureConfig#KEYS}). */
    List<String> parameters();

    /** The names of the values under {@code config}; they are summary-vector names as they stand. */
    List<String> valueNames(FeatureConfig config);

    /** The values for the recording of {@code context}, in {@link #valueNames(FeatureConfig)} order. */
    double[] compute(AnalysisContext context);
}
