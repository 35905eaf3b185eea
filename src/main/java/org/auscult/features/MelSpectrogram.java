package org.auscult.features;

import org.auscult.dsp.ParameterException;
import org.auscult.audio.AudioClip;

/**
 * The mel spectrogram of a recording, in power and in decibels: the input of the MFCC and a picture for the user.
 * With {@code P[t,k]} the power spectrogram and {@code W} the {@link MelFilterbank}:
 * <pre>
 *   M[t,i]  = sum_k W[i,k] P[t,k]                                 (librosa.feature.melspectrogram, power = 2)
 *   L[t,i]  = 10 log10(max(1e-10, M[t,i]))                         (librosa.power_to_db, ref = 1, amin = 1e-10)
 *   dB[t,i] = max(L[t,i], max_{t',i'} L[t',i'] - topDb)           (top_db clip against the whole recording)
 * </pre>
 * The clip threshold is the loudest value of the entire recording, not of each frame, so a frame's values depend on
 * the loudest moment of the recording (exactly as in librosa). No other floor or epsilon is applied: an empty
 * filter gives power 0, hence -100 dB before clipping. Immutable.
 */
public final class MelSpectrogram {

    /** Power floor before the logarithm (librosa's amin). */
    public static final double AMIN = 1e-10;

    private final double[] power;
    private final double[] decibels;
    private final int frameCount;
    private final int melCount;
    private final double maxDecibels;
    private final double topDb;
    private final double[] centerFrequenciesHz;

    private MelSpectrogram(double[] power, double[] decibels, int frameCount, int melCount, double maxDecibels,
                           double topDb, double[] centerFrequenciesHz) {
        this.power = power;
        this.decibels = decibels;
        this.frameCount = frameCount;
        this.melCount = melCount;
        this.maxDecibels = maxDecibels;
        this.topDb = topDb;
        this.centerFrequenciesHz = centerFrequenciesHz;
    }

    /**
     * The mel spectrogram of {@code clip} under {@code config} (frameSize, hopSize, window, center, padMode, nMels,
     * fmin, fmax, topDb): for a picture of a recording without extracting its features.
     */
    public static MelSpectrogram compute(AudioClip clip, FeatureConfig config) {
        return AnalysisContext.of(clip, config).melSpectrogram();
    }

    /**
     * Applies {@code filterbank} to every frame of {@code spectrogram} and converts to decibels with a dynamic range
     * of {@code topDb} (Infinity: no clipping).
     */
    public static MelSpectrogram compute(Spectrogram spectrogram, MelFilterbank filterbank, double topDb) {
        if (filterbank.binCount() != spectrogram.binCount()) {
            throw new IllegalArgumentException("mel filterbank expects " + filterbank.binCount()
                    + " FFT bins, the spectrogram has " + spectrogram.binCount());
        }
        ParameterException.require(topDb > 0, "topDb must be > 0, got " + topDb);
        int frames = spectrogram.frameCount();
        int mels = filterbank.melCount();
        int bins = spectrogram.binCount();
        double[] spectrum = spectrogram.powers();
        double[] power = new double[frames * mels];
        double[] decibels = new double[frames * mels];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < frames; t++) {
            filterbank.apply(spectrum, t * bins, power, t * mels);
            for (int i = t * mels; i < (t + 1) * mels; i++) {
                double db = 10.0 * Math.log10(Math.max(AMIN, power[i]));
                decibels[i] = db;
                max = Math.max(max, db);
            }
        }
        if (!Double.isInfinite(topDb)) {
            double floor = max - topDb;
            for (int i = 0; i < decibels.length; i++) {
                decibels[i] = Math.max(decibels[i], floor);
            }
        }
        return new MelSpectrogram(power, decibels, frames, mels, max, topDb, filterbank.centerFrequenciesHz());
    }

    public int frameCount() {
        return frameCount;
    }

    public int melCount() {
        return melCount;
    }

    /** The loudest value of the recording in dB (before clipping); -Infinity when there are no frames. */
    public double maxDecibels() {
        return maxDecibels;
    }

    /** The dynamic range applied: values are at least maxDecibels - topDb. */
    public double topDb() {
        return topDb;
    }

    /** Peak frequency of each mel band in Hz (a new array). */
    public double[] centerFrequenciesHz() {
        return centerFrequenciesHz.clone();
    }

    /** Band power {@code M[frame, mel]}. */
    public double power(int frame, int mel) {
        return power[index(frame, mel)];
    }

    /** Clipped log power {@code dB[frame, mel]}. */
    public double decibels(int frame, int mel) {
        return decibels[index(frame, mel)];
    }

    /** The band powers of one frame (a new array). */
    public double[] powerFrame(int frame) {
        double[] row = new double[melCount];
        System.arraycopy(power, index(frame, 0), row, 0, melCount);
        return row;
    }

    /** The clipped log powers of one frame in dB (a new array). */
    public double[] decibelFrame(int frame) {
        double[] row = new double[melCount];
        System.arraycopy(decibels, index(frame, 0), row, 0, melCount);
        return row;
    }

    /** Decibels, row-major [frame * melCount + mel]; shared inside the package, never modified. */
    double[] decibelArray() {
        return decibels;
    }

    private int index(int frame, int mel) {
        if (frame < 0 || frame >= frameCount || mel < 0 || mel >= melCount) {
            throw new IndexOutOfBoundsException("frame " + frame + ", mel " + mel + " outside " + frameCount
                    + " frames x " + melCount + " bands");
        }
        return frame * melCount + mel;
    }
}
