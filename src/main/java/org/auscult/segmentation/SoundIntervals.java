package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rhythm of the heart <i>sounds</i>, read from envelope peaks without the segmentation's cycle model.
 *
 * <p>The segmentation's model expects S1, systole, S2, diastole in turn, so it tends to smooth over exactly what
 * marks an extrasystole: a sound where none is due ("lub-lub dub") or a pause where one is due. Here every sound is
 * a peak of the Hilbert envelope e (50 values per second, standardised; {@link Envelopes#hilbert()}) whose
 * prominence, its height above the higher of the lowest points between it and a higher peak on either side, is at
 * least {@value #PROMINENCE_SHARE} times {@code P95(e) − median(e)}, after dropping the lower of any two local
 * maxima closer than {@value #MIN_SEPARATION_SECONDS} s. In a regular recording the intervals I between
 * successive sounds take two values, systole and diastole, in turn. With {@code l = ln I}, two centres
 * {@code c_short <= c_long} are found by two-means on l (started at its quartiles, each centre the median of its
 * members), and each interval's <i>deviation</i> is {@code d = min_k |l − c_k|}:
 * <ul>
 *   <li>{@link #largestDeviation()} and {@link #secondDeviation()}: the largest two d; an extra or a missing sound
 *       makes an interval that is neither a systole nor a diastole ({@code d = 0.4} is 50 % off);</li>
 *   <li>{@link #shortestRatio()} {@code = exp(min l − c_short)}: the shortest interval against the typical short
 *       one, small for a sound coming early;</li>
 *   <li>{@link #repeats()}: the share of successive interval pairs in the same cluster, 0 for a strict
 *       short-long alternation.</li>
 * </ul>
 * With fewer than {@value #MIN_INTERVALS} intervals nothing is measured, and the values of a steady rhythm stand in
 * (deviations 0, ratio 1, repeats 0).
 *
 * @param intervals        the intervals between successive sounds, seconds
 * @param largestDeviation largest d
 * @param secondDeviation  second largest d
 * @param shortestRatio    shortest interval over the typical short one
 * @param repeats          share of successive intervals in the same cluster
 */
public record SoundIntervals(double[] intervals, double largestDeviation, double secondDeviation,
                             double shortestRatio, double repeats) {

    public static final double PROMINENCE_SHARE = 0.25;
    public static final double MIN_SEPARATION_SECONDS = 0.08;
    public static final int MIN_INTERVALS = 4;
    private static final int CLUSTER_ITERATIONS = 20;

    public SoundIntervals {
        intervals = intervals.clone();
    }

    @Override
    public double[] intervals() {
        return intervals.clone();
    }

    /** The intervals between the sounds found in {@code envelope}, sampled at {@code rate} values per second. */
    public static SoundIntervals of(double[] envelope, int rate) {
        int[] peaks = soundPeaks(envelope, rate);
        double[] intervals = new double[Math.max(0, peaks.length - 1)];
        Arrays.setAll(intervals, i -> (peaks[i + 1] - peaks[i]) / (double) rate);
        return ofIntervals(intervals);
    }

    /** The measures of {@code intervals} (seconds, all positive). */
    static SoundIntervals ofIntervals(double[] intervals) {
        int n = intervals.length;
        if (n < MIN_INTERVALS) {
            return new SoundIntervals(intervals, 0, 0, 1, 0);
        }
        double[] log = Arrays.stream(intervals).map(Math::log).toArray();
        double[] centres = {quantile(log, 0.25), quantile(log, 0.75)};
        int[] cluster = new int[n];
        for (int iteration = 0; iteration < CLUSTER_ITERATIONS; iteration++) {
            for (int i = 0; i < n; i++) {
                cluster[i] = Math.abs(log[i] - centres[0]) <= Math.abs(log[i] - centres[1]) ? 0 : 1;
            }
            double[] updated = centres.clone();
            for (int k = 0; k < 2; k++) {
                int kk = k;
                double[] members = java.util.stream.IntStream.range(0, n).filter(i -> cluster[i] == kk)
                        .mapToDouble(i -> log[i]).toArray();
                if (members.length > 0) {
                    updated[k] = Segmentation.median(members);
                }
            }
            if (Arrays.equals(updated, centres)) {
                break;
            }
            centres = updated;
        }
        double shortCentre = Math.min(centres[0], centres[1]);
        double[] deviations = new double[n];
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.min(Math.abs(log[i] - centres[0]), Math.abs(log[i] - centres[1]));
            shortest = Math.min(shortest, log[i]);
        }
        long repeated = IntStream.range(1, n).filter(i -> cluster[i] == cluster[i - 1]).count();
        double[] sorted = deviations.clone();
        Arrays.sort(sorted);
        return new SoundIntervals(intervals, sorted[n - 1], sorted[n - 2], Math.exp(shortest - shortCentre),
                repeated / (double) (n - 1));
    }

    /**
     * Indices of the sound peaks: local maxima thinned to one per {@link #MIN_SEPARATION_SECONDS} (the higher kept),
     * then those of prominence at least {@link #PROMINENCE_SHARE} times {@code P95 − median} of the envelope (the
     * order of scipy's {@code find_peaks} with {@code distance} and {@code prominence}).
     */
    static int[] soundPeaks(double[] envelope, int rate) {
        int n = envelope.length;
        if (n < 3) {
            return new int[0];
        }
        double minProminence = PROMINENCE_SHARE * (quantile(envelope, 0.95) - quantile(envelope, 0.5));
        List<Integer> maxima = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (envelope[i] > envelope[i - 1]) {
                // a plateau counts once, at its middle
                int end = i;
                while (end + 1 < n && envelope[end + 1] == envelope[i]) {
                    end++;
                }
                if (end + 1 < n && envelope[end + 1] < envelope[i]) {
                    maxima.add((i + end) / 2);
                }
                i = end;
            }
        }
        // thin by height first (the highest peaks claim their neighbourhood), then keep the prominent ones
        int separation = Math.max(1, (int) Math.round(MIN_SEPARATION_SECONDS * rate));
        Integer[] byHeight = maxima.toArray(new Integer[0]);
        Arrays.sort(byHeight, (a, b) -> Double.compare(envelope[b], envelope[a]));
        boolean[] removed = new boolean[n];
        boolean[] kept = new boolean[n];
        for (int peak : byHeight) {
            if (removed[peak]) {
                continue;
            }
            kept[peak] = minProminence > 0 && prominence(envelope, peak) >= minProminence;
            for (int j = Math.max(0, peak - separation + 1); j < Math.min(n, peak + separation); j++) {
                if (j != peak) {
                    removed[j] = true;
                }
            }
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> kept[i]).toArray();
    }

    /**
     * The prominence of the peak at {@code peak}: its height above the higher of the two lowest points between it
     * and the nearest higher value on either side (or the end of the signal).
     */
    static double prominence(double[] x, int peak) {
        double leftMin = x[peak];
        for (int i = peak - 1; i >= 0 && x[i] <= x[peak]; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = x[peak];
        for (int i = peak + 1; i < x.length && x[i] <= x[peak]; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return x[peak] - Math.max(leftMin, rightMin);
    }

    /** Linear-interpolation quantile (numpy's default) of {@code values}. */
    static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i) : sorted[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SoundIntervals that && Arrays.equals(intervals, that.intervals);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(intervals);
    }
}
