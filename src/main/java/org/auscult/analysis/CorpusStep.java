package org.auscult.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recipe of the device-robustness benchmark: an analysis configuration (rate, band, per-recording spectral
 * normalisation), a training weighting (class-balanced, or source-and-class balanced), optionally the removal of
 * the features that most identify the device, optionally training on every corpus through the label taxonomy.
 */
public record CorpusStep(String name, Map<String, String> analysis, boolean sourceBalanced, boolean dropSource,
                         boolean pooled) {

    /** The analysis every source supports: PhysioNet's 2 kHz rate, a band below its 1 kHz Nyquist frequency. */
    public static final Map<String, String> COMMON = orderedMap("analysis.rate", "2000", "bandpass.low", "25",
            "bandpass.high", "900", "bandpass.order", "4", "feature.frameSize", "128", "feature.hopSize", "32",
            "feature.fmax", "1000");

    /** The whole-recording features and the heart-cycle groups (docs/decisions/cycle-features.md). */
    public static final String CYCLE_FEATURES = "mfcc,zcr,spectral_centroid,spectral_rolloff,chroma,rhythm,quality,"
            + "cycle,cycle_mfcc,cycle_murmur";

    /**
     * A named step, optionally with modifiers after '+': {@code +drop-source} removes the source-identifying
     * features, {@code +class-weights} weights by class only (no source balancing), {@code +level} and
     * {@code +mean-log-spectrum} set the spectral normalisation ({@code cycles+drop-source}).
     * {@code normalisation} is the spectral normalisation the balanced, drop-source, pooled and cycles steps build on.
     */
    public static CorpusStep parse(String name, String normalisation) {
        String[] parts = name.split("\\+");
        CorpusStep step = baseStep(parts[0], normalisation);
        for (int i = 1; i < parts.length; i++) {
            Map<String, String> analysis = new LinkedHashMap<>(step.analysis());
            step = switch (parts[i]) {
                case "drop-source" -> new CorpusStep(name, step.analysis(), step.sourceBalanced(), true,
                        step.pooled());
                case "class-weights" -> new CorpusStep(name, step.analysis(), false, step.dropSource(),
                        step.pooled());
                case "none", "level", "mean-log-spectrum" -> {
                    analysis.put("feature.spectralNorm", parts[i]);
                    yield new CorpusStep(name, analysis, step.sourceBalanced(), step.dropSource(), step.pooled());
                }
                default -> throw new IllegalArgumentException("unknown step modifier '" + parts[i]
                        + "'; known: drop-source, class-weights, none, level, mean-log-spectrum");
            };
        }
        return new CorpusStep(name, step.analysis(), step.sourceBalanced(), step.dropSource(), step.pooled());
    }

    private static CorpusStep baseStep(String name, String normalisation) {
        Map<String, String> normalised = new LinkedHashMap<>(COMMON);
        normalised.put("feature.spectralNorm", normalisation);
        return switch (name) {
            case "baseline" -> new CorpusStep(name, Map.of(), false, false, false);
            case "common" -> new CorpusStep(name, COMMON, false, false, false);
            case "level", "mean-log-spectrum" -> {
                Map<String, String> analysis = new LinkedHashMap<>(COMMON);
                analysis.put("feature.spectralNorm", name);
                yield new CorpusStep(name, analysis, false, false, false);
            }
            case "balanced" -> new CorpusStep(name, normalised, true, false, false);
            case "drop-source" -> new CorpusStep(name, normalised, true, true, false);
            case "pooled" -> new CorpusStep(name, normalised, true, true, true);
            case "cycles", "cycles-pooled" -> {
                Map<String, String> analysis = new LinkedHashMap<>(normalised);
                analysis.put("feature.features", CYCLE_FEATURES);
                yield new CorpusStep(name, analysis, true, false, name.equals("cycles-pooled"));
            }
            default -> throw new IllegalArgumentException("unknown step '" + name + "'; known: baseline, common, "
                    + "level, mean-log-spectrum, balanced, drop-source, pooled, cycles, cycles-pooled");
        };
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
