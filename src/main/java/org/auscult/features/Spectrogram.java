package org.auscult.features;

import org.auscult.audio.AudioClip;

/**
 * The short-time spectrum of a recording, computed once and read by every spectral feature: the power
 * {@code |X[t,k]|^2} and magnitude {@code |X[t,k]|} of frame t at bin k, which lies at {@code k * sampleRate /
 * frameSize} Hz (see {@link Stft} for the framing). Immutable.
 *
 * <p>Memory: 8 bytes per bin per frame (at the defaults, 4 kHz audio: 129 bins every 16 ms, about 65 kB per second
 * of audio). Only the power is stored; a magnitude is {@code Math.sqrt} of it when read, exactly the value a stored
 * magnitude array held, so an hour of audio needs 232 MB less.
 */
public final class Spectrogram {

    private final double[] power;
    private final int frameCount;
    private final int binCount;
    private final int frameSize;
    private final int hopSize;
    private final int sampleRate;

    Spectrogram(double[] power, int frameCount, int binCount, int frameSize, int hopSize,
                int sampleRate) {
        this.power = power;
        this.frameCount = frameCount;
        this.binCount = binCount;
        this.frameSize = frameSize;
        this.hopSize = hopSize;
        this.sampleRate = sampleRate;
    }

    /** The spectrogram of {@code clip} under the framing of {@code config}. */
    public static Spectrogram compute(AudioClip clip, FeatureConfig config) {
        return new Stft(config).compute(clip);
    }

    public int frameCount() {
        return frameCount;
    }

    /** Bins per frame: frameSize / 2 + 1. */
    public int binCount() {
        return binCount;
    }

    public int frameSize() {
        return frameSize;
    }

    public int hopSize() {
        return hopSize;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Centre frequency of bin {@code bin} in Hz: bin * sampleRate / frameSize. */
    public double binFrequency(int bin) {
        return binFrequency(bin, sampleRate, frameSize);
    }

    /**
     * Centre frequency in Hz of FFT bin {@code bin} for frames of {@code frameSize} samples at {@code sampleRate}:
     * {@code bin * sampleRate / frameSize}, evaluated as numpy's {@code rfftfreq} does
     * ({@code bin * (1 / (frameSize * (1 / sampleRate)))}) so that bins land on filter edges exactly as in librosa.
     */
    public static double binFrequency(int bin, int sampleRate, int frameSize) {
        return bin * (1.0 / (frameSize * (1.0 / sampleRate)));
    }

    /** {@code |X[frame, bin]|^2}. */
    public double power(int frame, int bin) {
        return power[index(frame, bin)];
    }

    /** {@code |X[frame, bin]|}. */
    public double magnitude(int frame, int bin) {
        return Math.sqrt(power[index(frame, bin)]);
    }

    /** The power spectrum of one frame (a new array). */
    public double[] powerFrame(int frame) {
        double[] row = new double[binCount];
        System.arraycopy(power, index(frame, 0), row, 0, binCount);
        return row;
    }

    /** Powers, row-major [frame * binCount + bin]; shared for speed inside the package, never modified. */
    double[] powers() {
        return power;
    }

    private int index(int frame, int bin) {
        if (frame < 0 || frame >= frameCount || bin < 0 || bin >= binCount) {
            throw new IndexOutOfBoundsException("frame " + frame + ", bin " + bin + " outside " + frameCount
                    + " frames x " + binCount + " bins");
        }
        return frame * binCount + bin;
    }
}
