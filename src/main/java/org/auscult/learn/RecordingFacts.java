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
 */
public record RecordingFacts(int sampleRate, double durationSeconds, double rmsDbfs, double peakDbfs)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
