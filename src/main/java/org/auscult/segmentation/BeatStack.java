package org.auscult.segmentation;

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
 * <p><b>Alignment.</b> Each complete S1 band is anchored on its loudest envelope value (the S1 peak, found to
 * 5 ms; the bands themselves lie on the segmentation's 20 ms grid, which would smear the stack by up to 20 ms).
 *
 * <p><b>Cycles.</b> Cycle i runs from S1 peak i to S1 peak i+1, in absolute time (seconds after S1, not stretched
 * to a common length): a premature beat shows as a cycle that ends early, an extra sound as a bump where the other
 * cycles are silent. Each curve starts {@value #LEAD_SECONDS} s before its S1 peak, so S1 is seen whole, and runs
 * to {@code span} = the longest cycle after it (or to the end of the recording); the view draws each curve up to
 * its own next S1 peak.
 *
 * <p><b>Atypicality.</b> The median cycle is the pointwise median over the cycles, {@code m[k] = median_i e_i[k]},
 * over one median cycle length {@code K} samples. The distance of cycle i is the relative RMS difference
 * {@code d_i = sqrt(sum_k (e_i[k] − m[k])² / sum_k m[k]²)}, k over the first {@code K} samples it has. The cycle
 * with the largest {@code d_i} is the most atypical; it is marked when there are at least
 * {@value #MIN_BEATS_FOR_ATYPICAL} cycles (with two, the median is their mean and both are equally far). A cycle
 * ending in a premature beat is the atypical one of its pair: its window holds the early S1, the next one's does not.
 *
 * <p>Curves are scaled so that the median cycle's peak is 1. Samples before the start of the recording are NaN.
 *
 * @param beats        the cycles in time order
 * @param median       the median cycle, {@link #ENVELOPE_RATE} values per second from {@value #LEAD_SECONDS} s
 *                     before S1
 * @param mostAtypical index into {@code beats} of the cycle farthest from the median, -1 when not defined
 * @param span         the longest cycle: every curve covers -{@value #LEAD_SECONDS} s to {@code span} s around its
 *                     S1 peak (when the recording lasts long enough)
 */
public record BeatStack(List<Beat> beats, double[] median, int mostAtypical, double span) {

    /** The rate the recording is brought to before its envelope is taken, Hz. */
    public static final int WORKING_RATE = 1000;
    /** Envelope values per second (a 5 ms hop). */
    public static final int ENVELOPE_RATE = 200;
    /** RMS window of the envelope, seconds. */
    public static final double WINDOW_SECONDS = 0.010;
    /** Each curve starts this long before its S1 peak, seconds. */
    public static final double LEAD_SECONDS = 0.1;
    /** The fewest cycles for which a most atypical one is marked. */
    public static final int MIN_BEATS_FOR_ATYPICAL = 3;

    private static final BandPassFilter BAND = BandPassFilter.butterworth(25, 400, 4, WORKING_RATE);

    /** An empty stack (fewer than two complete S1). */
    public static final BeatStack EMPTY = new BeatStack(List.of(), new double[0], -1, 0);

    /**
     * One heart cycle.
     *
     * @param s1Time   its S1 peak, seconds from the start of the recording
     * @param length   seconds to the next S1 peak
     * @param envelope the envelope from {@value #LEAD_SECONDS} s before the S1 peak, {@link #ENVELOPE_RATE} values
     *                 per second, scaled (NaN before the start of the recording)
     * @param distance relative RMS distance to the median cycle (NaN when it has no samples in common)
     */
    public record Beat(double s1Time, double length, double[] envelope, double distance) {
        public Beat {
            envelope = envelope.clone();
        }

        @Override
        public double[] envelope() {
            return envelope.clone();
        }

        /** The envelope value {@code seconds} after the S1 peak (negative: before), NaN outside the curve. */
        public double valueAt(double seconds) {
            int k = (int) Math.round((seconds + LEAD_SECONDS) * ENVELOPE_RATE);
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

    /** The time of the loudest envelope value inside {@code band} (the first of equal maxima), seconds. */
    static double peakTime(double[] envelope, Segment band) {
        int from = Math.max(0, (int) Math.floor(band.startSeconds() * ENVELOPE_RATE));
        int to = Math.min(envelope.length - 1, (int) Math.ceil(band.endSeconds() * ENVELOPE_RATE));
        int best = Math.min(from, envelope.length - 1);
        for (int k = from; k <= to; k++) {
            if (envelope[k] > envelope[best]) {
                best = k;
            }
        }
        return best / (double) ENVELOPE_RATE;
    }

    /**
     * The stack of the cycles between consecutive complete S1 bands.
     *
     * @param envelope the recording's envelope from {@link #envelope(AudioClip)}
     * @param s1       the complete S1 bands, in time order
     */
    public static BeatStack of(double[] envelope, List<Segment> s1) {
        if (s1.size() < 2 || envelope.length == 0) {
            return EMPTY;
        }
        double[] peaks = s1.stream().mapToDouble(band -> peakTime(envelope, band)).toArray();
        double[] lengths = new double[peaks.length - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = peaks[i + 1] - peaks[i];
            if (!(lengths[i] > 0)) {
                throw new IllegalArgumentException("S1 bands must follow each other: S1 at " + s1.get(i).startSeconds()
                        + "-" + s1.get(i).endSeconds() + " s and at " + s1.get(i + 1).startSeconds() + "-" + s1.get(i + 1).endSeconds()
                        + " s have their peaks at " + peaks[i] + " and " + peaks[i + 1] + " s");
            }
        }
        double span = Arrays.stream(lengths).max().orElseThrow();
        int lead = (int) Math.round(LEAD_SECONDS * ENVELOPE_RATE);
        int spanSamples = (int) Math.round((span + LEAD_SECONDS) * ENVELOPE_RATE) + 1;
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            int from = (int) Math.round(peaks[i] * ENVELOPE_RATE) - lead;
            int to = Math.min(envelope.length, from + spanSamples);
            double[] curve = new double[Math.max(0, to - from)];
            Arrays.setAll(curve, k -> from + k < 0 ? Double.NaN : envelope[from + k]);
            curves.add(curve);
        }
        int medianSamples = (int) Math.round(Segmentation.median(lengths) * ENVELOPE_RATE);
        double[] median = pointwiseMedian(curves, medianSamples);
        double scale = Arrays.stream(median).filter(Double::isFinite).max().orElse(0);
        if (!(scale > 0)) {
            scale = 1;
        }
        List<Beat> beats = new ArrayList<>();
        int atypical = -1;
        for (int i = 0; i < curves.size(); i++) {
            double[] curve = curves.get(i);
            int common = Math.min(curve.length, median.length);
            double sum = 0;
            double reference = 0;
            for (int k = 0; k < common; k++) {
                if (Double.isFinite(curve[k]) && Double.isFinite(median[k])) {
                    sum += (curve[k] - median[k]) * (curve[k] - median[k]);
                    reference += median[k] * median[k];
                }
            }
            double distance = reference > 0 ? Math.sqrt(sum / reference) : Double.NaN;
            double[] scaled = new double[curve.length];
            for (int k = 0; k < curve.length; k++) {
                scaled[k] = curve[k] / scale;
            }
            beats.add(new Beat(peaks[i], lengths[i], scaled, distance));
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

    /**
     * {@code m[k]} = the median of the curves that have a value at sample k, for k below {@code samples} (NaN where
     * none has; the median stops where every curve has ended).
     */
    private static double[] pointwiseMedian(List<double[]> curves, int samples) {
        double[] median = new double[samples];
        double[] column = new double[curves.size()];
        int used = samples;
        for (int k = 0; k < samples; k++) {
            int n = 0;
            boolean reached = false;
            for (double[] curve : curves) {
                if (k < curve.length) {
                    reached = true;
                    if (Double.isFinite(curve[k])) {
                        column[n++] = curve[k];
                    }
                }
            }
            if (!reached) {
                used = k;
                break;
            }
            median[k] = n == 0 ? Double.NaN : Segmentation.median(Arrays.copyOf(column, n));
        }
        return used == samples ? median : Arrays.copyOf(median, used);
    }

    /**
     * The index of the beat whose curve passes closest to {@code value} at {@code seconds} after its S1 peak (within
     * the beat, up to its next S1), -1 when none.
     */
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
