package org.auscult.audio;

import java.util.Objects;

/**
 * Mono audio at a known sample rate: the unit every analysis step consumes and produces.
 *
 * <p>Samples are full-scale floats in [-1, 1] for decoded PCM (an int16 value v becomes v / 32768, exactly as
 * librosa and most audio tools do). The array is shared, not copied: treat it as read-only.
 *
 * @param samples    mono samples, never null, every value finite
 * @param sampleRate samples per second, positive
 */
public record AudioClip(float[] samples, int sampleRate) {

    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Duration in seconds: length / sampleRate. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
