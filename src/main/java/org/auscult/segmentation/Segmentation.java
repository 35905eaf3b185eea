package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The heart cycle of one recording: consecutive segments in the states S1, systole, S2 and diastole, with the heart
 * rate, the beat times and the intervals between beats.
 *
 * @param segments                consecutive segments covering the analysed part of the recording, in time order
 * @param heartRateBpm            heart rate in beats per minute: {@code 60 / median RR} when there are at least two
 *                                RR intervals, otherwise the envelope-autocorrelation estimate
 * @param systolicIntervalSeconds the S1-to-S2 interval estimated from the envelope autocorrelation, seconds
 * @param qualityIndex            signal-quality index from 0 (no periodic heart sounds) to 1, see
 *                                {@link SignalQuality}
 * @param beatTimes               the beat times in seconds: the midpoints of the S1 segments that lie wholly inside the
 *                                recording (an S1 cut by the start or end has no reliable position)
 * @param rrIntervals             the differences of consecutive beat times, seconds
 */
public record Segmentation(List<Segment> segments, double heartRateBpm, double systolicIntervalSeconds,
                           double qualityIndex, double[] beatTimes, double[] rrIntervals) {

    public Segmentation {
        segments = List.copyOf(segments);
        beatTimes = beatTimes.clone();
        rrIntervals = rrIntervals.clone();
    }

    /**
     * A segmentation whose beat times and RR intervals are derived from {@code segments}; the heart rate is
     * {@code 60 / median RR} when there are two RR intervals or more, else {@code fallbackHeartRateBpm}.
     *
     * @param durationSeconds length of the recording, to recognise an S1 cut by its end
     */
    public static Segmentation of(List<Segment> segments, double durationSeconds, double fallbackHeartRateBpm,
                                  double systolicIntervalSeconds, double qualityIndex) {
        Objects.requireNonNull(segments, "segments");
        double edge = 1e-9;
        List<Double> beats = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.state() == CardiacState.S1 && segment.startSeconds() > edge
                    && segment.endSeconds() < durationSeconds - edge) {
                beats.add(segment.midSeconds());
            }
        }
        double[] beatTimes = beats.stream().mapToDouble(Double::doubleValue).toArray();
        double[] rr = new double[Math.max(0, beatTimes.length - 1)];
        Arrays.setAll(rr, i -> beatTimes[i + 1] - beatTimes[i]);
        double heartRate = rr.length >= 2 ? 60.0 / median(rr) : fallbackHeartRateBpm;
        return new Segmentation(segments, heartRate, systolicIntervalSeconds, qualityIndex, beatTimes, rr);
    }

    /** The midpoints of all segments in {@code state}, seconds: the events scored for S1 and S2 detection. */
    public double[] eventTimes(CardiacState state) {
        return eventTimes(segments, state);
    }

    /** The midpoints of the segments of {@code segments} in {@code state}. */
    public static double[] eventTimes(List<Segment> segments, CardiacState state) {
        return segments.stream().filter(s -> s.state() == state).mapToDouble(Segment::midSeconds).toArray();
    }

    /** The segments in {@code state}. */
    public List<Segment> segments(CardiacState state) {
        return segments.stream().filter(s -> s.state() == state).toList();
    }

    /** Rhythm measures of the beat times. */
    public Rhythm rhythm() {
        return Rhythm.of(beatTimes);
    }

    /** The median of {@code values} (the mean of the middle two for an even count); {@code values} is not changed. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@link #median(double[])} of a list. */
    public static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segmentation that && segments.equals(that.segments)
                && Double.compare(heartRateBpm, that.heartRateBpm) == 0
                && Double.compare(systolicIntervalSeconds, that.systolicIntervalSeconds) == 0
                && Double.compare(qualityIndex, that.qualityIndex) == 0
                && Arrays.equals(beatTimes, that.beatTimes) && Arrays.equals(rrIntervals, that.rrIntervals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments, heartRateBpm, systolicIntervalSeconds, qualityIndex,
                Arrays.hashCode(beatTimes), Arrays.hashCode(rrIntervals));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Segmentation[%d segments, %.1f bpm, %d beats, quality %.2f]",
                segments.size(), heartRateBpm, beatTimes.length, qualityIndex);
    }
}
