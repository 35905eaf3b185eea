package org.auscult.segmentation.murmur;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.auscult.audio.AudioClip;
import org.auscult.segmentation.Segmentation;

/**
 * The values a murmur's description is learnt from, all read off median murmur envelopes ({@link MurmurEnvelope}).
 *
 * <p>With s(i) and d(i) the systolic and diastolic bins (i = 0..N−1) of the envelope in the shown band
 * (100-400 Hz), dB relative to the heart sounds, and the <i>floor</i> {@code F = median(d(2..N−3))} (mid-diastole,
 * away from the heart sounds' tails: the level of what is there when no systolic murmur is):
 * <ul>
 *   <li>{@code excess_<i>} = s(i) − F: the systolic profile above the background, the evidence for timing;</li>
 *   <li>{@code peak} = max excess; {@code level} = max s(i), the loudest systolic bin relative to the heart sounds
 *       (grade); {@code floor} = F;</li>
 *   <li>{@code centroid} = {@code Σ i w(i) / Σ w(i) / (N−1)} and {@code spread} its standard deviation in the same
 *       units, with {@code w(i) = max(0, 10^(excess_i/10) − 1)} the power above the floor: where in systole the
 *       excess power sits (0 at S1, 1 at S2) and how widely; 0.5 and 0 when there is none;</li>
 *   <li>{@code coverage} = the share of systolic bins within 6 dB of the loudest: near 1 for a holosystolic
 *       plateau, small for a short murmur;</li>
 *   <li>{@code band_<lo>_<hi>} = mean(s(1..N−2)) − F in the bands 25-100, 100-200, 200-400 and 400-800 Hz: how far the
 *       mid-systole rises above mid-diastole at each pitch (a band beyond 0.45 times the sample rate is 0).</li>
 * </ul>
 * A recording without a complete cycle has every value 0.
 */
public final class MurmurFeatures {

    static final double[][] BANDS = {{25, 100}, {100, 200}, {200, 400}, {400, 800}};
    static final int BINS = MurmurEnvelope.DEFAULT_BINS;
    /** A bin within this many dB of the loudest counts toward {@code coverage}. */
    static final double COVERAGE_DB = 6;

    /** The value names, in order. */
    public static final List<String> NAMES = names();

    private MurmurFeatures() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        IntStream.range(0, BINS).forEach(i -> names.add("excess_" + i));
        names.addAll(List.of("peak", "level", "floor", "centroid", "spread", "coverage"));
        Arrays.stream(BANDS).forEach(band -> names.add(String.format(Locale.ROOT, "band_%.0f_%.0f", band[0], band[1])));
        return List.copyOf(names);
    }

    /**
     * The envelopes the values are read from: the shown band first, then the {@link #BANDS} (null for a band beyond
     * 0.45 times the clip's rate).
     */
    public static MurmurEnvelope[] envelopes(AudioClip clip, Segmentation segmentation) {
        MurmurEnvelope[] envelopes = new MurmurEnvelope[1 + BANDS.length];
        envelopes[0] = MurmurEnvelope.of(clip, segmentation);
        for (int b = 0; b < BANDS.length; b++) {
            if (BANDS[b][1] <= 0.45 * clip.sampleRate()) {
                envelopes[1 + b] = MurmurEnvelope.of(clip, segmentation, BANDS[b][0], BANDS[b][1], BINS);
            }
        }
        return envelopes;
    }

    /** The envelopes of several recordings of one patient, band by band, as one set. */
    public static MurmurEnvelope[] pooled(List<MurmurEnvelope[]> recordings) {
        MurmurEnvelope[] pooled = new MurmurEnvelope[1 + BANDS.length];
        for (int b = 0; b < pooled.length; b++) {
            int band = b;
            List<MurmurEnvelope> inBand = recordings.stream().map(r -> r[band]).filter(e -> e != null).toList();
            pooled[b] = inBand.isEmpty() ? null : MurmurEnvelope.pooled(inBand);
        }
        return pooled;
    }

    /** The {@link #NAMES} values of a set of {@link #envelopes}. */
    public static double[] values(MurmurEnvelope[] envelopes) {
        double[] values = new double[NAMES.size()];
        MurmurEnvelope shown = envelopes[0];
        if (shown.cycleCount() == 0) {
            return values;
        }
        double[] s = shown.systole();
        double floor = floor(shown.diastole());
        double[] w = new double[BINS];
        double peak = Double.NEGATIVE_INFINITY;
        double level = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) {
            values[i] = s[i] - floor;
            peak = Math.max(peak, values[i]);
            level = Math.max(level, s[i]);
            w[i] = Math.max(0, Math.pow(10, values[i] / 10) - 1);
        }
        int k = BINS;
        values[k++] = peak;
        values[k++] = level;
        values[k++] = floor;
        double total = 0;
        double mean = 0;
        for (int i = 0; i < BINS; i++) {
            total += w[i];
            mean += i * w[i];
        }
        double centroid = total > 0 ? mean / total : (BINS - 1) / 2.0;
        double variance = 0;
        for (int i = 0; i < BINS; i++) {
            variance += total > 0 ? w[i] * (i - centroid) * (i - centroid) / total : 0;
        }
        values[k++] = centroid / (BINS - 1);
        values[k++] = Math.sqrt(variance) / (BINS - 1);
        int covered = 0;
        for (double v : s) {
            covered += v >= level - COVERAGE_DB ? 1 : 0;
        }
        values[k++] = covered / (double) BINS;
        for (int b = 0; b < BANDS.length; b++) {
            MurmurEnvelope band = envelopes[1 + b];
            values[k++] = band == null || band.cycleCount() == 0 ? 0 : midSystole(band.systole())
                    - floor(band.diastole());
        }
        return values;
    }

    /** The mid-diastole level: the median of the diastolic bins 2..N−3 (all of them when N &lt; 5). */
    static double floor(double[] diastole) {
        int n = diastole.length;
        double[] middle = n < 5 ? diastole : java.util.Arrays.copyOfRange(diastole, 2, n - 2);
        return Segmentation.median(middle);
    }

    /** The mean of the systolic bins 1..N−2 (all of them when N &lt; 3). */
    static double midSystole(double[] systole) {
        int n = systole.length;
        int from = n < 3 ? 0 : 1;
        int to = n < 3 ? n : n - 1;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += systole[i];
        }
        return sum / (to - from);
    }
}
