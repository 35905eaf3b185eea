package org.auscult.features;

import org.auscult.dsp.ParameterException;

/**
 * A Slaney-style mel filterbank with area normalisation, as {@code librosa.filters.mel(htk=False,
 * norm='slaney')} builds it.
 *
 * <p><b>Mel scale</b> (Slaney's Auditory Toolbox): linear below 1000 Hz, logarithmic above:
 * <pre>
 *   mel(f) = f / (200/3)                               for f &lt; 1000 Hz
 *   mel(f) = 15 + ln(f / 1000) / (ln(6.4) / 27)        for f &gt;= 1000 Hz
 * </pre>
 * <b>Filters</b>: {@code nMels + 2} points {@code hz[0..nMels+1]} equally spaced in mel from fmin to fmax. Filter
 * i is a triangle over the FFT bin frequencies {@code f_k = k * sampleRate / nFft} rising from {@code hz[i]} to a
 * peak at {@code hz[i+1]} and falling to {@code hz[i+2]}, scaled to unit area by the Slaney norm:
 * <pre>
 *   W[i,k] = 2 / (hz[i+2] - hz[i]) * max(0, min((f_k - hz[i]) / (hz[i+1] - hz[i]), (hz[i+2] - f_k) / (hz[i+2] - hz[i+1])))
 * </pre>
 * A filter narrower than the bin spacing can contain no bin: its weights are then exactly zero (librosa warns
 * about this; its band power is 0, which the dB conversion floors at -100 dB).
 *
 * <p>Each filter is stored as its run of non-zero weights, so applying the bank costs about two multiply-adds per
 * FFT bin. Immutable and thread-safe.
 */
public final class MelFilterbank {

    private static final double LINEAR_HZ_PER_MEL = 200.0 / 3.0;
    private static final double LOG_REGION_START_HZ = 1000.0;
    private static final double LOG_REGION_START_MEL = LOG_REGION_START_HZ / LINEAR_HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int sampleRate;
    private final int nFft;
    private final double[] bandEdgesHz;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(int sampleRate, int nFft, double[] bandEdgesHz, int[] firstBin, double[][] weights) {
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.bandEdgesHz = bandEdgesHz;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /**
     * The Slaney filterbank of {@code nMels} filters between {@code fmin} and {@code fmax} Hz for FFT frames of
     * {@code nFft} samples at {@code sampleRate}. As in librosa, fmax may exceed the Nyquist frequency (filters above
     * it are then empty); {@link FeatureConfig#melUpperFrequency(int)} refuses that for feature extraction.
     */
    public static MelFilterbank slaney(int sampleRate, int nFft, int nMels, double fmin, double fmax) {
        ParameterException.require(sampleRate > 0, "sampleRate must be > 0, got " + sampleRate);
        ParameterException.require(nFft >= 2, "nFft must be >= 2, got " + nFft);
        ParameterException.require(nMels >= 1, "nMels must be >= 1, got " + nMels);
        ParameterException.require(fmin >= 0 && fmax > fmin && Double.isFinite(fmax),
                "mel range must satisfy 0 <= fmin < fmax, got fmin " + fmin + ", fmax " + fmax);
        double[] hz = melFrequencies(nMels + 2, fmin, fmax);
        int binCount = nFft / 2 + 1;
        int[] firstBin = new int[nMels];
        double[][] weights = new double[nMels][];
        double[] row = new double[binCount];
        for (int i = 0; i < nMels; i++) {
            double lowerWidth = hz[i + 1] - hz[i];
            double upperWidth = hz[i + 2] - hz[i + 1];
            double areaNorm = 2.0 / (hz[i + 2] - hz[i]);
            int first = -1;
            int last = -1;
            for (int k = 0; k < binCount; k++) {
                double f = Spectrogram.binFrequency(k, sampleRate, nFft);
                double rising = (f - hz[i]) / lowerWidth;
                double falling = (hz[i + 2] - f) / upperWidth;
                double w = Math.max(0.0, Math.min(rising, falling));
                row[k] = w * areaNorm;
                if (row[k] != 0.0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                firstBin[i] = 0;
                weights[i] = new double[0];
            } else {
                firstBin[i] = first;
                weights[i] = java.util.Arrays.copyOfRange(row, first, last + 1);
            }
        }
        return new MelFilterbank(sampleRate, nFft, hz, firstBin, weights);
    }

    /** Slaney mel value of a frequency in Hz (see the class comment). */
    public static double hzToMel(double hz) {
        if (hz >= LOG_REGION_START_HZ) {
            return LOG_REGION_START_MEL + Math.log(hz / LOG_REGION_START_HZ) / LOG_STEP;
        }
        return hz / LINEAR_HZ_PER_MEL;
    }

    /** Frequency in Hz of a Slaney mel value; the inverse of {@link #hzToMel(double)}. */
    public static double melToHz(double mel) {
        if (mel >= LOG_REGION_START_MEL) {
            return LOG_REGION_START_HZ * Math.exp(LOG_STEP * (mel - LOG_REGION_START_MEL));
        }
        return LINEAR_HZ_PER_MEL * mel;
    }

    /**
     * {@code count} frequencies equally spaced on the Slaney mel scale from fmin to fmax inclusive
     * ({@code librosa.mel_frequencies(count, fmin=fmin, fmax=fmax, htk=False)}): mel point i is
     * {@code mel(fmin) + i * (mel(fmax) - mel(fmin)) / (count - 1)}, the last exactly mel(fmax), as numpy's linspace.
     */
    public static double[] melFrequencies(int count, double fmin, double fmax) {
        ParameterException.require(count >= 1, "count must be >= 1, got " + count);
        double lowMel = hzToMel(fmin);
        double highMel = hzToMel(fmax);
        double[] hz = new double[count];
        double step = count > 1 ? (highMel - lowMel) / (count - 1) : 0.0;
        for (int i = 0; i < count; i++) {
            double mel = i == count - 1 && count > 1 ? highMel : i * step + lowMel;
            hz[i] = melToHz(mel);
        }
        return hz;
    }

    public int melCount() {
        return weights.length;
    }

    public int binCount() {
        return nFft / 2 + 1;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The nMels + 2 band edges in Hz: filter i spans edge i .. edge i+2 and peaks at edge i+1 (a new array). */
    public double[] bandEdgesHz() {
        return bandEdgesHz.clone();
    }

    /** Centre (peak) frequency of each filter in Hz (a new array). */
    public double[] centerFrequenciesHz() {
        return java.util.Arrays.copyOfRange(bandEdgesHz, 1, bandEdgesHz.length - 1);
    }

    /** True when filter {@code mel} contains no FFT bin, so all of its weights are zero. */
    public boolean isEmpty(int mel) {
        return weights[mel].length == 0;
    }

    /** The full weight matrix [mel][bin] (a new array). */
    public double[][] weights() {
        double[][] dense = new double[weights.length][binCount()];
        for (int i = 0; i < weights.length; i++) {
            System.arraycopy(weights[i], 0, dense[i], firstBin[i], weights[i].length);
        }
        return dense;
    }

    /**
     * Mel band powers of one power spectrum: {@code out[i] = sum_k W[i,k] * power[offset + k]}.
     */
    public void apply(double[] power, int offset, double[] out, int outOffset) {
        for (int i = 0; i < weights.length; i++) {
            double[] w = weights[i];
            int base = offset + firstBin[i];
            double sum = 0.0;
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * power[base + j];
            }
            out[outOffset + i] = sum;
        }
    }
}
