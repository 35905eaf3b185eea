package org.auscult.app.cycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.auscult.audio.AudioClip;
import org.auscult.dsp.BandPassFilter;
import org.auscult.dsp.Resampler;

/**
 * Every heart cycle of a recording overlaid, aligned on S1, so that an odd beat stands out.
 *
 * <p><b>Envelope.</b> The recording is resampled to {@value #WORKING_RATE} Hz, band-passed 25-400 Hz (zero-phase
 * Butterworth, order 4: the band of the heart sounds, as the segmentation uses) and reduced to an RMS envelope,
 * {@code e[k] = sqrt(mean of x² over the 10 ms centred on k / 200 s)}, {@value #ENVELOPE_RATE} values per second.
 *
 * <p><b>Cycles.</b> Cycle i runs from the onset (start) of S1 number i to the onset of the next S1, in absolute time
 * (seconds after S1, not stretched to a common length): a premature beat shows as a cycle that ends early, an extra
 * sound as a bump where the other cycles are silent. Each cycle's curve is the envelope from its S1 onset over
 * {@code span} = the longest cycle (or to the end of the recording), so the next beat's S1 is visible where it falls.
 *
 * <p><b>Atypicality.</b> The median cycle is the pointwise median over the cycles, {@code m[k] = median_i e_i[k]},
 * over one median cycle length {@code K} samples. The distance of cycle i is the relative RMS difference
 * {@code d_i = sqrt(mean_k (e_i[k] − m[k])²) / sqrt(mean_k m[k]²)}, k over the first {@code K} samples it has. The
 * cycle with the largest {@code d_i} is the most atypical; it is marked when there are at least
 * {@value #MIN_BEATS_FOR_ATYPICAL} cycles (with two, the median is their mean and both are equally far).
 *
 * <p>Curves are scaled so that the median cycle's peak is 1.
 *
 * @param beats        the cycles in time order
 * @param median       the median cycle, {@link #ENVELOPE_RATE} values per second from S1 onset
 * @param mostAtypical index into {@code beats} of the cycle farthest from the median, -1 when not defined
 * @param span         the length every curve covers (when the recording lasts long enough), seconds
 */
public record BeatStack(List<Beat> beats, double[] median, int mostAtypical, double span) {

    /** The rate the recording is brought to before its envelope is taken, Hz. */
    public static final int WORKING_RATE = 1000;
    /** Envelope values per second (a 5 ms hop). */
    public static final int ENVELOPE_RATE = 200;
    /** RMS window of the envelope, seconds. */
    public static final double WINDOW_SECONDS = 0.010;
    /** The fewest cycles for which a most atypical one is marked. */
    public static final int MIN_BEATS_FOR_ATYPICAL = 3;

    private static final BandPassFilter BAND = BandPassFilter.butterworth(25, 400, 4, WORKING_RATE);

    /** An empty stack (fewer than two S1 onsets). */
    public static final BeatStack EMPTY = new BeatStack(List.of(), new double[0], -1, 0);

    /**
     * One heart cycle.
     *
     * @param onset    its S1 onset, seconds from the start of the recording
     * @param length   seconds to the next S1 onset
     * @param envelope the envelope from the onset, {@link #ENVELOPE_RATE} values per second, scaled
     * @param distance relative RMS distance to the median cycle (NaN when it has no samples in common)
     */
    public record Beat(double onset, double length, double[] envelope, double distance) {
        public Beat {
            envelope = envelope.clone();
        }

        @Override
        public double[] envelope() {
            return envelope.clone();
        }

        /** The envelope value {@code seconds} after the onset, NaN outside the curve. */
        public double valueAt(double seconds) {
            int k = (int) Math.round(seconds * ENVELOPE_RATE);
            return k >= 0 && k < envelope.length ? envelope[k] : Double.NaN;
        }
    }

    public BeatStack {
        beats = List.copyOf(beats);
        median = median.clone();
    }

    @Override
    public double[] median() {
        return median.clone();
    }

    /** The RMS envelope of {@code clip} ({@value #ENVELOPE_RATE} values per second; see the class comment). */
    public static double[] envelope(AudioClip clip) {
        AudioClip working = clip.sampleRate() == WORKING_RATE ? clip
                : new Resampler().resample(clip, WORKING_RATE);
        float[] x = BAND.filter(working.samples());
        int hop = WORKING_RATE / ENVELOPE_RATE;
        int half = (int) Math.round(WINDOW_SECONDS * WORKING_RATE / 2);
        int count = x.length == 0 ? 0 : (x.length - 1) / hop + 1;
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + (double) x[i] * x[i];
        }
        double[] envelope = new double[count];
        for (int k = 0; k < count; k++) {
            int from = Math.max(0, k * hop - half);
            int to = Math.min(x.length, k * hop + half);
            envelope[k] = to > from ? Math.sqrt((prefix[to] - prefix[from]) / (to - from)) : 0;
        }
        return envelope;
    }

    /**
     * The stack of the cycles between consecutive {@code onsets} on {@code envelope}.
     *
     * @param envelope the recording's envelope from {@link #envelope(AudioClip)}
     * @param onsets   S1 onsets in seconds, increasing
     */
    public static BeatStack of(double[] envelope, double[] onsets) {
        if (onsets.length < 2) {
            return EMPTY;
        }
        double[] lengths = new double[onsets.length - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = onsets[i + 1] - onsets[i];
            if (!(lengths[i] > 0)) {
                throw new IllegalArgumentException("S1 onsets must increase, got " + onsets[i] + " then "
                        + onsets[i + 1]);
            }
        }
        double span = Arrays.stream(lengths).max().orElseThrow();
        int spanSamples = (int) Math.round(span * ENVELOPE_RATE) + 1;
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            int from = (int) Math.round(onsets[i] * ENVELOPE_RATE);
            int to = Math.min(envelope.length, from + spanSamples);
            curves.add(from < to ? Arrays.copyOfRange(envelope, from, to) : new double[0]);
        }
        int medianSamples = (int) Math.round(median(lengths) * ENVELOPE_RATE);
        double[] median = pointwiseMedian(curves, medianSamples);
        double scale = Arrays.stream(median).max().orElse(0);
        if (!(scale > 0)) {
            scale = 1;
        }
        double norm = 0;
        for (double m : median) {
            norm += m * m;
        }
        List<Beat> beats = new ArrayList<>();
        int atypical = -1;
        for (int i = 0; i < curves.size(); i++) {
            double[] curve = curves.get(i);
            int common = Math.min(curve.length, median.length);
            double distance = Double.NaN;
            if (common > 0 && norm > 0) {
                double sum = 0;
                double reference = 0;
                for (int k = 0; k < common; k++) {
                    sum += (curve[k] - median[k]) * (curve[k] - median[k]);
                    reference += median[k] * median[k];
                }
                distance = Math.sqrt(sum / reference);
            }
            double[] scaled = new double[curve.length];
            for (int k = 0; k < curve.length; k++) {
                scaled[k] = curve[k] / scale;
            }
            beats.add(new Beat(onsets[i], lengths[i], scaled, distance));
            if (!Double.isNaN(distance) && (atypical < 0 || distance > beats.get(atypical).distance())) {
                atypical = i;
            }
        }
        double[] scaledMedian = new double[median.length];
        for (int k = 0; k < median.length; k++) {
            scaledMedian[k] = median[k] / scale;
        }
        return new BeatStack(beats, scaledMedian, beats.size() >= MIN_BEATS_FOR_ATYPICAL ? atypical : -1, span);
    }

    /** {@code m[k]} = the median of the curves that reach sample k, for k below {@code samples}. */
    private static double[] pointwiseMedian(List<double[]> curves, int samples) {
        double[] median = new double[samples];
        double[] column = new double[curves.size()];
        int used = samples;
        for (int k = 0; k < samples; k++) {
            int n = 0;
            for (double[] curve : curves) {
                if (k < curve.length) {
                    column[n++] = curve[k];
                }
            }
            if (n == 0) {
                used = k;
                break;
            }
            median[k] = median(Arrays.copyOf(column, n));
        }
        return used == samples ? median : Arrays.copyOf(median, used);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The index of the beat whose curve passes closest to {@code value} at {@code seconds} after S1, -1 when none. */
    public int nearestBeat(double seconds, double value) {
        int best = -1;
        double bestGap = Double.MAX_VALUE;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            if (seconds > beat.length()) {
                continue;
            }
            double v = beat.valueAt(seconds);
            if (!Double.isNaN(v) && Math.abs(v - value) < bestGap) {
                bestGap = Math.abs(v - value);
                best = i;
            }
        }
        return best;
    }
}
