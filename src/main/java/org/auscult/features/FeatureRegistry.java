package org.auscult.features;

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
 * {@code META-INF/services/org.auscult.features.FeatureExtractor}) or added with {@link #register(FeatureExtractor)}.
 * Thread-safe.
 */
public final class FeatureRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureRegistry.class);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, FeatureExtractor> EXTRACTORS = new LinkedHashMap<>();

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
        String name = extractor.name();
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must match " + VALID_NAME + ", got '" + name + "'");
        }
        if (EXTRACTORS.containsKey(name)) {
            throw new IllegalArgumentException("a feature named '" + name + "' is already registered ("
                    + EXTRACTORS.get(name).getClass().getName() + ")");
        }
        for (String parameter : extractor.parameters()) {
            if (!FeatureConfig.KEYS.contains(parameter)) {
                throw new IllegalArgumentException("feature '" + name + "' reads unknown parameter '" + parameter
                        + "', known: " + FeatureConfig.KEYS);
            }
        }
        EXTRACTORS.put(name, extractor);
    }

    /** True when a feature of this name is registered. */
    public static synchronized boolean contains(String name) {
        return EXTRACTORS.containsKey(name);
    }

    /** The feature named {@code name}. */
    public static synchronized FeatureExtractor get(String name) {
        FeatureExtractor extractor = EXTRACTORS.get(name);
        if (extractor == null) {
            throw new ParameterException("unknown feature '" + name + "', known: " + EXTRACTORS.keySet());
        }
        return extractor;
    }

    /** Names of all registered features, in registration order. */
    public static synchronized List<String> names() {
        return List.copyOf(EXTRACTORS.keySet());
    }

    /** All registered features, in registration order. */
    public static synchronized List<FeatureExtractor> all() {
        return List.copyOf(EXTRACTORS.values());
    }

    /** The extractors of the features enabled in {@code config}, in its order. */
    public static List<FeatureExtractor> enabled(FeatureConfig config) {
        List<FeatureExtractor> extractors = new ArrayList<>();
        for (String name : config.features()) {
            extractors.add(get(name));
        }
        return List.copyOf(extractors);
    }

    /** The per-frame column names of feature {@code feature} under {@code config}. */
    public static List<String> columns(String feature, FeatureConfig config) {
        return get(feature).columns(config);
    }

    /**
     * The names of the summary vector for {@code config}, known without audio: for each enabled feature in order, for
     * each of its columns, for each statistic in order, {@code <column>_<statistic>}, e.g. {@code mfcc_01_mean,
     * mfcc_01_std, ..., zcr_mean, zcr_std, ..., chroma_C_mean, ...}.
     *
     * @throws IllegalStateException when two features produce the same column name
     */
    public static List<String> summaryNames(FeatureConfig config) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FeatureExtractor extractor : enabled(config)) {
            for (String column : extractor.columns(config)) {
                if (!seen.add(column)) {
                    throw new IllegalStateException("column '" + column + "' of feature '" + extractor.name()
                            + "' is produced by another enabled feature too");
                }
                for (SummaryStatistic statistic : config.statistics()) {
                    names.add(column + "_" + statistic.suffix());
                }
            }
        }
        return List.copyOf(names);
    }
}
