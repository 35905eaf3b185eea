package org.auscult.features;

import java.util.List;

import org.auscult.audio.AudioClip;

/**
 * Zero-crossing rate, {@code librosa.feature.zero_crossing_rate(frame_length=n_fft, hop_length=hop, center)}:
 * the fraction of sample positions in a frame where the sign changes,
 * <pre>
 *   zcr[t] = (1 / N) sum_{j=1}^{N-1} [ neg(x[s_t + j]) != neg(x[s_t + j - 1]) ],   neg(v) = v &lt; -1e-10
 * </pre>
 * with N = frameSize and {@code s_t} the first sample of frame t. Samples with {@code |v| <= 1e-10} count as
 * positive (librosa's threshold with zero_pos), position 0 of a frame never counts, and the sum is divided by N, not
 * N - 1, so every value is a multiple of 1/N. Centred frames are padded by repeating the first and last sample
 * (numpy's edge mode), whatever the STFT pad mode, because librosa pads the zero-crossing rate that way.
 * A sine of frequency f has a rate of about 2f / sampleRate. Column {@code zcr}.
 */
public final class ZeroCrossingRateFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "zcr";
    /** Samples at most this far from zero count as zero, hence positive. */
    public static final double ZERO_THRESHOLD = 1e-10;

    public ZeroCrossingRateFeature() {
        super(NAME, "Zero-crossing rate",
                "Zero-crossing rate: fraction of sample positions in a frame where the waveform changes sign (0 .. 1)",
                List.of("frameSize", "hopSize", "center"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return List.of(NAME);
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        return FeatureNames.oneColumn(compute(context.clip(), context.config()));
    }

    /** The zero-crossing rate of every frame of {@code clip} under the framing of {@code config}. */
    public static double[] compute(AudioClip clip, FeatureConfig config) {
        float[] samples = clip.samples();
        int frameSize = config.frameSize();
        int frameCount = config.frameCount(samples.length);
        double[] rate = new double[frameCount];
        if (frameCount == 0) {
            return rate;
        }
        // crossingsBefore[p] counts sign changes at padded positions 1 .. p-1, so a frame covering padded positions
        // a .. a+N-1 has crossingsBefore[a+N] - crossingsBefore[a+1] of them, in O(1).
        int pad = config.center() ? frameSize / 2 : 0;
        int paddedLength = samples.length + 2 * pad;
        int[] crossingsBefore = new int[paddedLength + 1];
        boolean previousNegative = isNegative(samples, -pad);
        for (int p = 1; p < paddedLength; p++) {
            boolean negative = isNegative(samples, p - pad);
            crossingsBefore[p + 1] = crossingsBefore[p] + (negative != previousNegative ? 1 : 0);
            previousNegative = negative;
        }
        for (int t = 0; t < frameCount; t++) {
            int first = t * config.hopSize();
            rate[t] = (crossingsBefore[first + frameSize] - crossingsBefore[first + 1]) / (double) frameSize;
        }
        return rate;
    }

    private static boolean isNegative(float[] samples, int index) {
        return PadMode.EDGE.sampleAt(samples, index) < -ZERO_THRESHOLD;
    }
}
