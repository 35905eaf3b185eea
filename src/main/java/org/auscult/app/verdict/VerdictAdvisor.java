package org.auscult.app.verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.auscult.app.features.ReferenceSet;
import org.auscult.audio.RecordingInfo;

/**
 * Decides when a verdict deserves a warning: the recording is outside what the model knows, or the model
 * hesitates. The rules, each a plain sentence in the verdict:
 * <ul>
 *   <li>the top two probabilities differ by less than {@value #CLOSE_MARGIN};</li>
 *   <li>the recording's sample rate is below the model's analysis rate (the band above half the recording's rate
 *       is empty, unlike anything the model was trained on), or is a rate none of the reference recordings had;</li>
 *   <li>its duration is under {@link RecordingInfo#MIN_DURATION_SECONDS} s, or outside the reference durations by
 *       more than a factor {@value #DURATION_FACTOR};</li>
 *   <li>its RMS level is more than {@value #LEVEL_MARGIN_DB} dB outside the reference levels;</li>
 *   <li>more than {@value #OUTSIDE_SHARE} of its summary features lie outside the range of every reference class;</li>
 *   <li>the recording itself has problems (silent, quiet, clipped, large DC offset).</li>
 * </ul>
 */
public final class VerdictAdvisor {

    /** Probabilities of the top two classes closer than this make the answer a near tie. */
    public static final double CLOSE_MARGIN = 0.15;
    /** Durations within [min / factor, max * factor] of the reference count as known. */
    public static final double DURATION_FACTOR = 2.0;
    /** Levels within this many dB of the reference range count as known. */
    public static final double LEVEL_MARGIN_DB = 6.0;
    /** Share of features outside the reference range beyond which the recording looks unlike the reference. */
    public static final double OUTSIDE_SHARE = 0.2;

    private VerdictAdvisor() {
    }

    /**
     * @param analysisRate the rate the model analyses at, 0 for each recording's own rate
     * @param reference    the reference recordings, or null when none are known yet
     * @param features     the recording's summary features, in the reference's order (ignored without reference)
     */
    public static List<String> warnings(List<String> classNames, double[] probabilities, int analysisRate,
                                        RecordingInfo info, ReferenceSet reference, double[] features) {
        List<String> warnings = new ArrayList<>();
        int[] order = topTwo(probabilities);
        if (order[1] >= 0 && probabilities[order[0]] - probabilities[order[1]] < CLOSE_MARGIN) {
            warnings.add(String.format(Locale.ROOT, "Close call: %s (%.2f) and %s (%.2f) are nearly as likely.",
                    classNames.get(order[0]), probabilities[order[0]], classNames.get(order[1]),
                    probabilities[order[1]]));
        }
        if (analysisRate > 0 && info.sampleRate() < analysisRate) {
            warnings.add(String.format(Locale.ROOT, "Sample rate %d Hz is below the model's analysis rate of %d Hz: "
                    + "frequencies above %d Hz are missing.", info.sampleRate(), analysisRate, info.sampleRate() / 2));
        } else if (reference != null && !reference.sampleRates().isEmpty()
                && !reference.sampleRates().contains(info.sampleRate())) {
            warnings.add(String.format(Locale.ROOT, "Sample rate %d Hz: the reference recordings were made at %s Hz.",
                    info.sampleRate(), joined(reference.sampleRates())));
        }
        if (info.durationSeconds() < RecordingInfo.MIN_DURATION_SECONDS) {
            warnings.add(String.format(Locale.ROOT, "Only %.2f s long: too short for a heart cycle at rest.",
                    info.durationSeconds()));
        } else if (reference != null && reference.durations().length > 0) {
            double[] durations = reference.durations();
            double low = durations[0];
            double high = durations[durations.length - 1];
            if (info.durationSeconds() < low / DURATION_FACTOR || info.durationSeconds() > high * DURATION_FACTOR) {
                warnings.add(String.format(Locale.ROOT, "Duration %.1f s is far from the reference recordings "
                        + "(%.1f to %.1f s).", info.durationSeconds(), low, high));
            }
        }
        if (reference != null && reference.rmsLevels().length > 0 && Double.isFinite(info.rmsDbfs())) {
            double[] levels = reference.rmsLevels();
            double low = levels[0];
            double high = levels[levels.length - 1];
            if (info.rmsDbfs() < low - LEVEL_MARGIN_DB || info.rmsDbfs() > high + LEVEL_MARGIN_DB) {
                warnings.add(String.format(Locale.ROOT, "Level %.1f dBFS RMS is outside the reference recordings "
                        + "(%.1f to %.1f dBFS).", info.rmsDbfs(), low, high));
            }
        }
        if (reference != null && features != null && !reference.featureNames().isEmpty()) {
            List<String> outside = reference.featuresOutsideRange(features);
            if (outside.size() > OUTSIDE_SHARE * reference.featureNames().size()) {
                warnings.add(String.format(Locale.ROOT, "%d of %d features lie outside every reference class "
                        + "(for example %s).", outside.size(), reference.featureNames().size(),
                        String.join(", ", outside.subList(0, Math.min(3, outside.size())))));
            }
        }
        for (String problem : info.problems()) {
            warnings.add("Recording: " + problem);
        }
        return warnings;
    }

    /** Indices of the largest and second largest values (-1 when absent). */
    static int[] topTwo(double[] values) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < values.length; i++) {
            if (first < 0 || values[i] > values[first]) {
                second = first;
                first = i;
            } else if (second < 0 || values[i] > values[second]) {
                second = i;
            }
        }
        return new int[] {first, second};
    }

    private static String joined(java.util.Collection<Integer> rates) {
        return String.join(", ", Arrays.stream(rates.toArray(Integer[]::new)).map(String::valueOf).toList());
    }
}
