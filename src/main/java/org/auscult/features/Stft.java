package org.auscult.features;

import java.util.Objects;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.Fft;
import org.auscult.dsp.Window;

/**
 * Short-time Fourier analysis with librosa's framing. Frame t holds the samples {@code x[t*hop - pad + j]},
 * j = 0 .. n_fft-1, with {@code pad = n_fft/2} when centred (0 otherwise) and samples outside the recording read
 * through the {@link PadMode}. Each frame is multiplied by the window {@code w[j]} and transformed:
 * <pre>
 *   X[t, k] = sum_j w[j] x[t*hop - pad + j] exp(-2 pi i j k / n_fft),   k = 0 .. n_fft/2
 * </pre>
 * An instance owns an FFT and a frame buffer that it reuses for every frame and every recording, so it is
 * <b>not thread-safe</b>; use one per thread.
 */
public final class Stft {

    private final FeatureConfig config;
    private final Fft fft;
    private final double[] window;
    private final double[] frame;

    /** An analyser for the framing of {@code config} (frameSize, hopSize, window, center, padMode). */
    public Stft(FeatureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.fft = new Fft(config.frameSize());
        Window shape = config.window();
        this.window = shape.coefficients(config.frameSize());
        this.frame = new double[config.frameSize()];
    }

    /** The power and magnitude spectrogram of {@code clip}: {@code |X[t,k]|^2} and {@code |X[t,k]|}. */
    public Spectrogram compute(AudioClip clip) {
        float[] samples = clip.samples();
        int frameSize = config.frameSize();
        int binCount = config.binCount();
        int frameCount = config.frameCount(samples.length);
        long cells = (long) frameCount * binCount;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("recording of " + samples.length + " samples is too long for one "
                    + "spectrogram of " + frameCount + " frames x " + binCount + " bins; split it");
        }
        double[] power = new double[(int) cells];
        PadMode padMode = config.padMode();
        for (int t = 0; t < frameCount; t++) {
            int start = (int) config.frameStart(t);
            if (start >= 0 && start + frameSize <= samples.length) {
                for (int j = 0; j < frameSize; j++) {
                    frame[j] = samples[start + j] * window[j];
                }
            } else {
                for (int j = 0; j < frameSize; j++) {
                    frame[j] = padMode.sampleAt(samples, start + j) * window[j];
                }
            }
            fft.powerSpectrum(frame, 0, power, t * binCount);
        }
        return new Spectrogram(power, frameCount, binCount, frameSize, config.hopSize(), clip.sampleRate());
    }
}
