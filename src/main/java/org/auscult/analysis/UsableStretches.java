package org.auscult.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.auscult.audio.AudioClip;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;
import org.auscult.features.FeatureVector;
import org.auscult.segmentation.quality.QualityMap;

/**
 * Features measured on the usable heart sound of a recording only ({@link AnalysisConfig#usableStretches()}): a
 * cough, a rub or a moved stethoscope for a few seconds no longer colours the whole recording's features
 * (docs/decisions/signal-quality.md).
 *
 * <p>The stretches measured are the usable stretches of the {@link QualityMap} at least {@value #MIN_SECONDS} s long
 * (about four heart cycles, what the cycle features need), or the longest usable stretch when none is. Each is
 * measured on its own, as a recording of its own, and the summary is the mean of theirs weighted by duration,
 * {@code x = sum_k d_k x_k / sum_k d_k}; a recording usable throughout is measured whole, exactly as without this
 * option. The frame series (what the window draws) stay those of the whole recording.
 */
final class UsableStretches {

    /** Shortest usable stretch measured on its own, in seconds. */
    static final double MIN_SECONDS = 4;

    private UsableStretches() {
    }

    /** The stretches to measure; empty when the recording is usable throughout (measure it whole). */
    static List<QualityMap.Stretch> chosen(QualityMap quality) {
        if (quality.usableSeconds() == quality.kinds().size()) {
            return List.of();
        }
        List<QualityMap.Stretch> long_ = quality.usableStretches(MIN_SECONDS);
        if (!long_.isEmpty()) {
            return long_;
        }
        return quality.usableStretches().stream().max(Comparator.comparingDouble(QualityMap.Stretch::duration))
                .map(List::of).orElse(List.of());
    }

    /**
     * {@code whole} with its summary replaced by the duration-weighted mean of the summaries of {@code stretches}
     * of {@code conditioned}; {@code whole} itself when there are none.
     */
    static FeatureSet measured(FeatureEngine engine, AudioClip conditioned, FeatureSet whole,
                               List<QualityMap.Stretch> stretches) {
        if (stretches.isEmpty()) {
            return whole;
        }
        int rate = conditioned.sampleRate();
        double[] sum = new double[whole.summary().values().length];
        double total = 0;
        for (QualityMap.Stretch stretch : stretches) {
            int from = (int) Math.round(stretch.start() * rate);
            int to = Math.min(conditioned.length(), (int) Math.round(stretch.end() * rate));
            if (to - from < rate) {
                continue; // under a second: nothing a frame series can summarise
            }
            AudioClip part = new AudioClip(Arrays.copyOfRange(conditioned.samples(), from, to), rate);
            double[] values = engine.extract(part, new HashMap<>()).summary().values();
            double weight = (to - from) / (double) rate;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * values[i];
            }
            total += weight;
        }
        if (total == 0) {
            return whole;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= total;
        }
        return new FeatureSet(whole.config(), whole.sampleRate(), whole.sampleCount(), whole.series(),
                new FeatureVector(whole.summary().names(), sum));
    }
}
