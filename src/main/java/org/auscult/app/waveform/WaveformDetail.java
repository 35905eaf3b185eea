package org.auscult.app.waveform;

import java.util.Objects;

/**
 * A stretch of a recording's samples at its file's own rate, read when the view is close enough to show what the
 * analysis-rate copy lost: a long recording is held at 4 kHz, but a click or a split sound up close is drawn from
 * the file at, say, 44.1 kHz ({@link DetailFollower}).
 *
 * @param firstSample index of {@code samples[0]} in the recording, at {@code sampleRate}
 * @param sampleRate  the file's own rate
 * @param samples     the stretch
 */
public record WaveformDetail(long firstSample, int sampleRate, float[] samples) {

    public WaveformDetail {
        Objects.requireNonNull(samples, "samples");
        if (firstSample < 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("a stretch from sample " + firstSample + " at " + sampleRate + " Hz");
        }
    }

    /** Whether every sample from {@code fromSeconds} to {@code toSeconds} is in the stretch (or past its end). */
    public boolean covers(double fromSeconds, double toSeconds, long recordingLength) {
        long from = (long) Math.floor(Math.max(0, fromSeconds) * sampleRate);
        long to = Math.min(recordingLength, (long) Math.ceil(toSeconds * sampleRate));
        return from >= firstSample && to <= firstSample + samples.length;
    }

    /**
     * The range of the samples under each of {@code min.length} columns, column p covering the seconds
     * {@code [fromSeconds + p s, fromSeconds + (p + 1) s)} for {@code s = secondsPerPixel}; a column narrower than a
     * sample shows the sample under it; columns outside the stretch get NaN.
     */
    public void envelope(double fromSeconds, double secondsPerPixel, float[] min, float[] max) {
        for (int p = 0; p < min.length; p++) {
            double from = (fromSeconds + p * secondsPerPixel) * sampleRate - firstSample;
            double to = from + secondsPerPixel * sampleRate;
            int first = (int) Math.floor(Math.max(0, from));
            int last = Math.min(samples.length, Math.max(first + 1, (int) Math.ceil(to)));
            if (to <= 0 || first >= samples.length) {
                min[p] = Float.NaN;
                max[p] = Float.NaN;
                continue;
            }
            float lo = samples[first];
            float hi = lo;
            for (int n = first + 1; n < last; n++) {
                lo = Math.min(lo, samples[n]);
                hi = Math.max(hi, samples[n]);
            }
            min[p] = lo;
            max[p] = hi;
        }
    }
}
