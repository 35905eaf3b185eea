package org.auscult.learn;

import java.io.Serializable;

/**
 * What a training recording was like before analysis, so a model can later tell whether a new recording resembles
 * its training data.
 *
 * @param sampleRate      the recording's native sample rate, Hz (before resampling to the analysis rate)
 * @param durationSeconds its duration, seconds
 * @param rmsDbfs         its RMS level, dB relative to full scale (-Infinity when silent)
 * @param peakDbfs        its peak level, dB relative to full scale (-Infinity when silent)
 * @param audioFingerprint the fingerprint of its samples ({@code SignalLevels#fingerprint()}), 0 when unknown
 */
public record RecordingFacts(int sampleRate, double durationSeconds, double rmsDbfs, double peakDbfs,
                             long audioFingerprint) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Facts without the samples' fingerprint (0: unknown). */
    public RecordingFacts(int sampleRate, double durationSeconds, double rmsDbfs, double peakDbfs) {
        this(sampleRate, durationSeconds, rmsDbfs, peakDbfs, 0);
    }
}
