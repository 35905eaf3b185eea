package org.auscult.app.waveform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.SampleRanges;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.learn.Cancellation;

/**
 * Min/max summaries of a waveform at several resolutions, so that any view, from the whole recording to a few
 * samples, is drawn from at most about two values per pixel.
 *
 * <p>Level k holds, for bucket i of {@code B_k = BASE_BUCKET * FAN_OUT^k} samples, {@code min[i] = min x[n]} and
 * {@code max[i] = max x[n]} over {@code n in [i B_k, (i+1) B_k)}. Level 0 is computed from the samples, each
 * further level from the one below. The levels together take {@code 2 N / BASE_BUCKET * (1 + 1/FAN_OUT + ...)}
 * floats, about 0.13 N: 14 MB for a 10-minute 44.1 kHz recording.
 *
 * <p>A query picks the coarsest level whose buckets are no wider than a pixel and folds its buckets into pixels;
 * below one bucket per pixel it reads the samples themselves.
 *
 * <p>An {@linkplain #outline outline} is the same summary read straight from a file at its own rate, without the
 * samples and with 10 ms buckets at the finest level: a long recording's waveform can be drawn from it while its
 * samples are still being decoded and resampled. Zoomed in below 10 ms per pixel, an outline draws each bucket's
 * range across the pixels it covers.
 */
public final class WaveformSummary {

    /** Samples per bucket of the finest level. */
    public static final int BASE_BUCKET = 16;
    /** How many buckets of one level make a bucket of the next. */
    public static final int FAN_OUT = 4;

    /** The samples, or null for an outline. */
    private final float[] samples;
    private final int sampleCount;
    private final int sampleRate;
    private final List<float[]> minima = new ArrayList<>();
    private final List<float[]> maxima = new ArrayList<>();
    private final List<Integer> bucketSizes = new ArrayList<>();

    private WaveformSummary(float[] samples, int sampleCount, int sampleRate) {
        this.samples = samples;
        this.sampleCount = sampleCount;
        this.sampleRate = sampleRate;
    }

    /** Summarises {@code samples} (kept by reference, not copied). */
    public static WaveformSummary of(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        WaveformSummary summary = new WaveformSummary(samples, samples.length, sampleRate);
        summary.build();
        return summary;
    }

    /**
     * The outline of {@code file}: its summary read in one pass at the file's own rate, with buckets of 10 ms (at
     * least {@link #BASE_BUCKET} samples) at the finest level and no samples kept. An hour at 44.1 kHz takes about
     * 4 MB and a fraction of a second; its decoding and resampling take longer.
     *
     * @throws UnreadableAudioException naming the file, when it cannot be read
     * @throws java.util.concurrent.CancellationException once {@code cancellation} is cancelled
     */
    public static WaveformSummary outline(Path file, Cancellation cancellation) throws UnreadableAudioException {
        RecordingDecoder decoder = new RecordingDecoder();
        int bucket = Math.max(BASE_BUCKET, Math.round(decoder.readFormat(file).sampleRate() / 100f));
        SampleRanges ranges = decoder.ranges(file, bucket, cancellation::throwIfCancelled);
        WaveformSummary summary = new WaveformSummary(null, Math.toIntExact(ranges.frames()), ranges.sampleRate());
        summary.build(ranges.min(), ranges.max(), bucket);
        return summary;
    }

    private void build() {
        int buckets = (samples.length + BASE_BUCKET - 1) / BASE_BUCKET;
        float[] min = new float[buckets];
        float[] max = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            int from = b * BASE_BUCKET;
            int to = Math.min(samples.length, from + BASE_BUCKET);
            float lo = samples[from];
            float hi = lo;
            for (int n = from + 1; n < to; n++) {
                float x = samples[n];
                if (x < lo) {
                    lo = x;
                } else if (x > hi) {
                    hi = x;
                }
            }
            min[b] = lo;
            max[b] = hi;
        }
        build(min, max, BASE_BUCKET);
    }

    /** The levels from the finest one, {@code min} and {@code max} of buckets of {@code size} samples. */
    private void build(float[] min, float[] max, int size) {
        while (true) {
            minima.add(min);
            maxima.add(max);
            bucketSizes.add(size);
            if (min.length <= 1) {
                break;
            }
            int next = (min.length + FAN_OUT - 1) / FAN_OUT;
            float[] nextMin = new float[next];
            float[] nextMax = new float[next];
            for (int b = 0; b < next; b++) {
                int from = b * FAN_OUT;
                int to = Math.min(min.length, from + FAN_OUT);
                float lo = min[from];
                float hi = max[from];
                for (int i = from + 1; i < to; i++) {
                    lo = Math.min(lo, min[i]);
                    hi = Math.max(hi, max[i]);
                }
                nextMin[b] = lo;
                nextMax[b] = hi;
            }
            min = nextMin;
            max = nextMax;
            size *= FAN_OUT;
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int sampleCount() {
        return sampleCount;
    }

    /** The samples summarised; null for an {@linkplain #outline outline}. */
    public float[] samples() {
        return samples;
    }

    /** Whether this is an {@linkplain #outline outline}, drawn only from its buckets. */
    public boolean isOutline() {
        return samples == null;
    }

    public double durationSeconds() {
        return sampleCount / (double) sampleRate;
    }

    /** Number of summary levels. */
    public int levels() {
        return bucketSizes.size();
    }

    /** Samples per bucket at {@code level}. */
    public int bucketSize(int level) {
        return bucketSizes.get(level);
    }

    /**
     * The envelope of the samples under each of {@code pixels} columns, column p covering samples
     * {@code [firstSample + p * samplesPerPixel, firstSample + (p + 1) * samplesPerPixel)}. Columns outside the
     * recording get NaN.
     *
     * @return the level used, -1 for the samples themselves (an outline uses its finest level instead)
     */
    public int envelope(double firstSample, double samplesPerPixel, float[] outMin, float[] outMax) {
        int pixels = outMin.length;
        if (outMax.length != pixels) {
            throw new IllegalArgumentException("min and max arrays differ in length");
        }
        int level = samples == null ? 0 : -1;
        for (int k = bucketSizes.size() - 1; k >= 0; k--) {
            if (bucketSizes.get(k) <= samplesPerPixel) {
                level = k;
                break;
            }
        }
        int bucket = level < 0 ? 1 : bucketSizes.get(level);
        float[] min = level < 0 ? samples : minima.get(level);
        float[] max = level < 0 ? samples : maxima.get(level);
        for (int p = 0; p < pixels; p++) {
            double from = firstSample + p * samplesPerPixel;
            double to = from + samplesPerPixel;
            if (to <= 0 || from >= sampleCount) {
                outMin[p] = Float.NaN;
                outMax[p] = Float.NaN;
                continue;
            }
            // A column narrower than one sample still shows the sample under it.
            int first = (int) Math.floor(Math.max(0, from) / bucket);
            int last = Math.max(first, (int) Math.ceil(Math.min(sampleCount, to) / bucket) - 1);
            last = Math.min(last, min.length - 1);
            float lo = min[first];
            float hi = max[first];
            for (int i = first + 1; i <= last; i++) {
                lo = Math.min(lo, min[i]);
                hi = Math.max(hi, max[i]);
            }
            outMin[p] = lo;
            outMax[p] = hi;
        }
        return level;
    }

    /**
     * The default vertical scale: the 99.5th percentile of the bucket peaks {@code max(|min|, |max|)} of the finest
     * level with at most 65536 buckets. A few clicks at the very start or end of a recording (common when the
     * stethoscope is placed or lifted) then do not flatten the heart sounds; they simply run off the plot.
     */
    public float typicalPeak() {
        int level = 0;
        while (level < minima.size() - 1 && minima.get(level).length > 65536) {
            level++;
        }
        float[] min = minima.get(level);
        float[] max = maxima.get(level);
        if (min.length == 0) {
            return 0;
        }
        float[] peaks = new float[min.length];
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = Math.max(Math.abs(min[i]), Math.abs(max[i]));
        }
        java.util.Arrays.sort(peaks);
        return peaks[(int) Math.floor(0.995 * (peaks.length - 1))];
    }

    /** The largest absolute sample value (0 for silence). */
    public float peak() {
        float[] top = maxima.get(maxima.size() - 1);
        float[] bottom = minima.get(minima.size() - 1);
        float peak = 0;
        for (int i = 0; i < top.length; i++) {
            peak = Math.max(peak, Math.max(Math.abs(top[i]), Math.abs(bottom[i])));
        }
        return peak;
    }
}
