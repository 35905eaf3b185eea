package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named features Auscult can extract, what each measures, which parameters it reads and which columns it
 * produces. The engine, the command line, the feature-table writer and the user interface all ask here, so a table
 * or a model says exactly what it holds.
 *
 * <p>Built in: {@code mfcc}, {@code zcr}, {@code spectral_centroid}, {@code spectral_rolloff}, {@code chroma},
 * {@code melspectrogram}. More are found at start-up through {@link ServiceLoader} (a line in
 * {@code META-INF/services/org.auscult.features.FeatureExtractor}, or in
 * {@code META-INF/services/org.auscult.features.RecordingFeature} for a recording-level group such as the heart-cycle
 * groups {@code rhythm}, {@code quality}, {@code cycle}, {@code cycle_mfcc} and {@code cycle_murmur}) or added with
 * {@link #register(FeatureExtractor)} / {@link #register(RecordingFeature)}. Thread-safe.
 */
public final class FeatureRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureRegistry.class);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, FeatureExtractor> EXTRACTORS = new LinkedHashMap<>();
    private static final Map<String, RecordingFeature> RECORDING_FEATURES = new LinkedHashMap<>();
    /** Every name, frame and recording features together, in registration order. */
    private static final List<String> NAMES = new ArrayList<>();

    static {
        register(new MfccFeature());
        register(new ZeroCrossingRateFeature());
        register(new SpectralCentroidFeature());
        register(new SpectralRolloffFeature());
        register(new ChromaFeature());
        register(new MelSpectrogramFeature());
        for (FeatureExtractor extractor : ServiceLoader.load(FeatureExtractor.class)) {
            if (!contains(extractor.name())) {
                register(extractor);
                LOG.debug("registered feature '{}' from {}", extractor.name(), extractor.getClass().getName());
            }
        }
        for (RecordingFeature feature : ServiceLoader.load(RecordingFeature.class)) {
            if (!contains(feature.name())) {
                register(feature);
                LOG.debug("registered recording feature '{}' from {}", feature.name(), feature.getClass().getName());
            }
        }
    }

    private FeatureRegistry() {
    }

    /**
     * Adds a feature. Its name must be new, lower case with digits and underscores, and every parameter it reads must
     * be a {@link FeatureConfig} parameter.
     *
     * @throws IllegalArgumentException when the name is taken or invalid, or a parameter is unknown
     */
    public static synchronized void register(FeatureExtractor extractor) {
        checkNew(extractor.name(), extractor.parameters());
        EXTRACTORS.put(extractor.name(), extractor);
        NAMES.add(extractor.name());
    }

    /**
     * Adds a recording-level feature group, under the same rules as {@link #register(FeatureExtractor)}; frame and
     * recording features share one name space.
     *
     * @throws IllegalArgumentException when the name is taken or invalid, or a parameter is unknown
     */
    public static synchronized void register(RecordingFeature feature) {
        checkNew(feature.name(), feature.parameters());
        RECORDING_FEATURES.put(feature.name(), feature);
        NAMES.add(feature.name());
    }

    private static void checkNew(String name, List<String> parameters) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must match " + VALID_NAME + ", got '" + name + "'");
        }
        if (EXTRACTORS.containsKey(name) || RECORDING_FEATURES.containsKey(name)) {
            Object existing = EXTRACTORS.containsKey(name) ? EXTRACTORS.get(name) : RECORDING_FEATURES.get(name);
            throw new IllegalArgumentException("a feature named '" + name + "' is already registered ("
                    + existing.getClass().getName() + ")");
        }
        for (String parameter : parameters) {
            if (!FeatureConfig.KEYS.contains(parameter)) {
                throw new IllegalArgumentException("feature '" + name + "' reads unknown parameter '" + parameter
                        + "', known: " + FeatureConfig.KEYS);
            }
        }
    }

    /** True when a feature (frame or recording level) of this name is registered. */
    public static synchronized boolean contains(String name) {
        return EXTRACTORS.containsKey(name) || RECORDING_FEATURES.containsKey(name);
    }

    /** True when {@code name} is a registered recording-level feature group. */
    public static synchronized boolean isRecordingFeature(String name) {
        return RECORDING_FEATURES.containsKey(name);
    }

    /** The frame-level feature named {@code name}. */
    public static synchronized FeatureExtractor get(String name) {
        FeatureExtractor extractor = EXTRACTORS.get(name);
        if (extractor == null) {
            throw new ParameterException(RECORDING_FEATURES.containsKey(name)
                    ? "'" + name + "' is a recording-level feature group, not a frame feature"
                    : "unknown feature '" + name + "', known: " + NAMES);
        }
        return extractor;
    }

    /** The recording-level feature group named {@code name}. */
    public static synchronized RecordingFeature recordingFeature(String name) {
        RecordingFeature feature = RECORDING_FEATURES.get(name);
        if (feature == null) {
            throw new ParameterException(EXTRACTORS.containsKey(name)
                    ? "'" + name + "' is a frame feature, not a recording-level feature group"
                    : "unknown feature '" + name + "', known: " + NAMES);
        }
        return feature;
    }

    /** The description of the feature (frame or recording level) named {@code name}. */
    public static synchronized String description(String name) {
        return isRecordingFeature(name) ? recordingFeature(name).description() : get(name).description();
    }

    /** The name for people of the feature (frame or recording level) named {@code name}, e.g. "Signal quality". */
    public static synchronized String displayName(String name) {
        return isRecordingFeature(name) ? recordingFeature(name).displayName() : get(name).displayName();
    }

    /** Names of all registered features, frame and recording level, in registration order. */
    public static synchronized List<String> names() {
        return List.copyOf(NAMES);
    }

    /** All registered frame-level features, in registration order. */
    public static synchronized List<FeatureExtractor> all() {
        return List.copyOf(EXTRACTORS.values());
    }

    /** The extractors of the frame-level features enabled in {@code config}, in its order. */
    public static List<FeatureExtractor> enabled(FeatureConfig config) {
        return config.features().stream().filter(name -> !isRecordingFeature(name)).map(FeatureRegistry::get).toList();
    }

    /** The recording-level feature groups enabled in {@code config}, in its order. */
    public static List<RecordingFeature> enabledRecordingFeatures(FeatureConfig config) {
        return config.features().stream().filter(FeatureRegistry::isRecordingFeature)
                .map(FeatureRegistry::recordingFeature).toList();
    }

    /**
     * The column names of feature {@code feature} under {@code config}: per-frame columns of a frame feature, the
     * value names of a recording-level group.
     */
    public static List<String> columns(String feature, FeatureConfig config) {
        return isRecordingFeature(feature) ? recordingFeature(feature).valueNames(config)
                : get(feature).columns(config);
    }

    /**
     * The names of the summary vector for {@code config}, known without audio: for each enabled feature in order, for
     * each of its columns, for each statistic in order, {@code <column>_<statistic>}, e.g. {@code mfcc_01_mean,
     * mfcc_01_std, ..., zcr_mean, zcr_std, ..., chroma_C_mean, ...}; a recording-level group contributes its value
     * names as they are ({@code rhythm_heart_rate, ...}), in its place in the list.
     *
     * @throws IllegalStateException when two features produce the same column name
     */
    public static List<String> summaryNames(FeatureConfig config) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String feature : config.features()) {
            boolean recordingLevel = isRecordingFeature(feature);
            for (String column : columns(feature, config)) {
                if (!seen.add(column)) {
                    throw new IllegalStateException("column '" + column + "' of feature '" + feature
                            + "' is produced by another enabled feature too");
                }
                if (recordingLevel) {
                    names.add(column);
                } else {
                    config.statistics().forEach(statistic -> names.add(column + "_" + statistic.suffix()));
                }
            }
        }
        return List.copyOf(names);
    }
}
