package org.auscult.segmentation;

import java.util.List;

import org.auscult.features.AnalysisContext;
import org.auscult.features.FeatureConfig;
import org.auscult.features.NamedFeature;
import org.auscult.features.RecordingFeature;

/**
 * Feature group {@code rhythm}: the heart rate and the RR intervals of the segmentation ({@link Rhythm}).
 * {@code rhythm_heart_rate} (bpm, {@link Segmentation#heartRateBpm()}), {@code rhythm_rr_mean},
 * {@code rhythm_rr_sd}, {@code rhythm_rmssd} (s), {@code rhythm_rr_cv = sd / mean},
 * {@code rhythm_rr_max_ratio = max RR / median RR} (a pause or a missed beat), {@code rhythm_premature_ratio_min}
 * and {@code rhythm_premature_beats}. With too few beats to measure a value, the value of a steady rhythm at the
 * estimated heart rate stands in: RR mean {@code 60 / heart rate}, spread, RMSSD and CV 0, max ratio and premature
 * ratio 1, no premature beat. Then, from the heart sounds themselves rather than the segmentation's beats
 * ({@link SoundIntervals}): {@code rhythm_interval_anomaly_max} and {@code rhythm_interval_anomaly_second}, the two
 * largest log deviations of an interval between sounds from both the typical systole and diastole (an extra or a
 * missing sound), {@code rhythm_shortest_interval_ratio} (a sound coming early) and {@code rhythm_interval_repeats}
 * (the short-long alternation broken).
 */
public final class RhythmFeature extends NamedFeature implements RecordingFeature {

    public static final String NAME = "rhythm";
    private static final List<String> NAMES = List.of("rhythm_heart_rate", "rhythm_rr_mean", "rhythm_rr_sd",
            "rhythm_rmssd", "rhythm_rr_cv", "rhythm_rr_max_ratio", "rhythm_premature_ratio_min",
            "rhythm_premature_beats", "rhythm_interval_anomaly_max", "rhythm_interval_anomaly_second",
            "rhythm_shortest_interval_ratio", "rhythm_interval_repeats");

    public RhythmFeature() {
        super(NAME, "Heart rate and rhythm",
                "Heart rate (bpm) and RR-interval rhythm from the S1/S2 segmentation: mean, spread, RMSSD, "
                        + "longest interval, premature beats; intervals between heart sounds that fit neither systole nor "
                        + "diastole (extra or missing sounds)",
                List.of());
    }

    @Override
    public List<String> valueNames(FeatureConfig config) {
        return NAMES;
    }

    @Override
    public double[] compute(AnalysisContext context) {
        HeartSoundSegmenter.CycleAnalysis analysis = CycleFeatures.analysis(context);
        SoundIntervals sounds = SoundIntervals.of(analysis.envelopes().hilbert(), Envelopes.ENVELOPE_RATE);
        double[] segmented = values(analysis.segmentation());
        double[] all = java.util.Arrays.copyOf(segmented, segmented.length + 4);
        all[segmented.length] = sounds.largestDeviation();
        all[segmented.length + 1] = sounds.secondDeviation();
        all[segmented.length + 2] = sounds.shortestRatio();
        all[segmented.length + 3] = sounds.repeats();
        return all;
    }

    /** The first eight values, from the segmentation's beats. */
    static double[] values(Segmentation segmentation) {
        Rhythm rhythm = segmentation.rhythm();
        double[] rr = segmentation.rrIntervals();
        double maxRatio = 1;
        if (rr.length > 0) {
            double max = java.util.Arrays.stream(rr).max().orElseThrow();
            maxRatio = max / Segmentation.median(rr);
        }
        double heartRate = segmentation.heartRateBpm();
        return new double[] {heartRate, CycleFeatures.orElse(rhythm.meanRr(), 60 / heartRate),
            CycleFeatures.orElse(rhythm.sdRr(), 0), CycleFeatures.orElse(rhythm.rmssd(), 0),
            CycleFeatures.orElse(rhythm.sdRr() / rhythm.meanRr(), 0), maxRatio,
            CycleFeatures.orElse(rhythm.minPrematureRatio(), 1), rhythm.prematureBeats()};
    }
}
