package org.auscult.segmentation;

import java.util.Arrays;

/**
 * The rhythm of a run of beats: RR intervals, their spread, and premature beats.
 *
 * <p>For each interval {@code RR_i} the <i>local reference</i> {@code ref_i} is the median of its neighbours
 * {@code RR_{i-2}, RR_{i-1}, RR_{i+1}, RR_{i+2}} (those that exist; a five-second recording has about five
 * intervals, so the window is short on purpose). The <i>premature ratio</i> is {@code RR_i / ref_i}; beat i+1 is
 * counted as <i>premature</i> when {@code RR_i < 0.8 ref_i} and the next interval is a compensatory pause,
 * {@code RR_{i+1} > 1.1 ref_i}. The thresholds follow the clinical description of a premature beat with a
 * compensatory pause (the coupling interval clearly short, the pause clearly long); a missed S1 makes one interval
 * about twice the reference and an extra S1 splits one interval into two short ones, neither of which matches the
 * short-then-long pattern.
 *
 * @param rrIntervals      the RR intervals, seconds
 * @param meanRr           mean RR interval, seconds (NaN without intervals)
 * @param sdRr             standard deviation of the RR intervals (population), seconds (NaN without intervals)
 * @param rmssd            root mean square of successive RR differences, seconds (NaN with fewer than two)
 * @param minPrematureRatio smallest {@code RR_i / ref_i} over intervals that have neighbours (NaN with fewer than
 *                         two intervals): 1 for a steady rhythm, about 0.6-0.8 for a premature beat
 * @param prematureBeats   number of intervals that are short ({@code < 0.8 ref}) and followed by a compensatory
 *                         pause ({@code > 1.1 ref})
 */
public record Rhythm(double[] rrIntervals, double meanRr, double sdRr, double rmssd, double minPrematureRatio,
                     int prematureBeats) {

    /** An interval shorter than this fraction of its local reference is premature. */
    public static final double PREMATURE_FRACTION = 0.8;
    /** The interval after a premature one is a compensatory pause when longer than this fraction of the reference. */
    public static final double PAUSE_FRACTION = 1.1;
    /** Neighbours on each side that form the local reference of an interval. */
    public static final int REFERENCE_NEIGHBOURS = 2;

    public Rhythm {
        rrIntervals = rrIntervals.clone();
    }

    /** The rhythm of beats at {@code beatTimes} (seconds, increasing). */
    public static Rhythm of(double[] beatTimes) {
        double[] rr = new double[Math.max(0, beatTimes.length - 1)];
        Arrays.setAll(rr, i -> beatTimes[i + 1] - beatTimes[i]);
        return ofIntervals(rr);
    }

    /** The rhythm of the RR intervals {@code rr} (seconds). */
    public static Rhythm ofIntervals(double[] rr) {
        int n = rr.length;
        double mean = Double.NaN;
        double sd = Double.NaN;
        if (n > 0) {
            mean = Arrays.stream(rr).average().orElseThrow();
            double squares = 0;
            for (double r : rr) {
                squares += (r - mean) * (r - mean);
            }
            sd = Math.sqrt(squares / n);
        }
        double rmssd = Double.NaN;
        if (n >= 2) {
            double sum = 0;
            for (int i = 1; i < n; i++) {
                sum += (rr[i] - rr[i - 1]) * (rr[i] - rr[i - 1]);
            }
            rmssd = Math.sqrt(sum / (n - 1));
        }
        double minRatio = Double.NaN;
        int premature = 0;
        for (int i = 0; i < n; i++) {
            double reference = localReference(rr, i);
            if (Double.isNaN(reference)) {
                continue;
            }
            double ratio = rr[i] / reference;
            minRatio = Double.isNaN(minRatio) ? ratio : Math.min(minRatio, ratio);
            if (ratio < PREMATURE_FRACTION && i + 1 < n && rr[i + 1] > PAUSE_FRACTION * reference) {
                premature++;
            }
        }
        return new Rhythm(rr, mean, sd, rmssd, minRatio, premature);
    }

    /** The median of up to {@link #REFERENCE_NEIGHBOURS} intervals on each side of interval i, NaN when none. */
    static double localReference(double[] rr, int i) {
        int from = Math.max(0, i - REFERENCE_NEIGHBOURS);
        int to = Math.min(rr.length - 1, i + REFERENCE_NEIGHBOURS);
        double[] neighbours = new double[to - from];
        int k = 0;
        for (int j = from; j <= to; j++) {
            if (j != i) {
                neighbours[k++] = rr[j];
            }
        }
        return k == 0 ? Double.NaN : Segmentation.median(neighbours);
    }

    /** Heart rate from the mean RR interval, beats per minute (NaN without intervals). */
    public double meanHeartRateBpm() {
        return 60.0 / meanRr;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rhythm that && Arrays.equals(rrIntervals, that.rrIntervals)
                && prematureBeats == that.prematureBeats;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rrIntervals) * 31 + prematureBeats;
    }
}
