package org.auscult.features;

import java.util.List;
import java.util.Objects;

/**
 * Everything extracted from one recording: the per-frame series of each enabled feature (in the configuration's
 * order) and their summary vector.
 *
 * @param config      the configuration used
 * @param sampleRate  the sample rate of the analysed audio in Hz
 * @param sampleCount the number of samples analysed
 * @param series      one series per enabled feature, in {@link FeatureConfig#features()} order
 * @param summary     the summary statistics of every column of every series
 */
public record FeatureSet(FeatureConfig config, int sampleRate, int sampleCount, List<FrameSeries> series,
                         FeatureVector summary) {

    public FeatureSet {
        Objects.requireNonNull(config, "config");
        series = List.copyOf(series);
        Objects.requireNonNull(summary, "summary");
    }

    /** The series of the feature named {@code feature}. */
    public FrameSeries series(String feature) {
        for (FrameSeries candidate : series) {
            if (candidate.feature().equals(feature)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("feature '" + feature + "' was not extracted; extracted: " + config.features());
    }

    /** Duration of the analysed audio in seconds. */
    public double durationSeconds() {
        return sampleCount / (double) sampleRate;
    }
}
