package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.Arrays;

/**
 * The chroma filterbank of {@code librosa.filters.chroma} (after Dan Ellis' chromagram_E): it maps the power of
 * each FFT bin onto {@code nChroma} pitch classes, starting at C.
 *
 * <p>For FFT bin k &gt;= 1 at {@code f_k = k * sampleRate / nFft} Hz, its position in chroma bins is
 * <pre>
 *   b_k = nChroma * log2(f_k / (A440 / 16)),   A440 = 440 * 2^(tuning / nChroma)
 * </pre>
 * and bin 0 is placed 1.5 octaves below bin 1: {@code b_0 = b_1 - 1.5 nChroma}. Its width is
 * {@code d_k = max(b_{k+1} - b_k, 1)}. The weight of bin k for pitch class c is a Gaussian bump on the circular
 * distance {@code D = ((b_k - c + nChroma/2 + 10 nChroma) mod nChroma) - nChroma/2}:
 * <pre>
 *   W[c,k] = exp(-0.5 (2 D / d_k)^2)
 * </pre>
 * each bin's column then normalised to unit Euclidean length over c (norm = 2), multiplied by an octave weighting
 * centred on octave ctroct = 5 with width octwidth = 2: {@code exp(-0.5 ((b_k / nChroma - 5) / 2)^2)}, and the rows
 * rotated so that row 0 is C (base_c = True). Columns are computed for all nFft bins and the first nFft/2 + 1 kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChromaFilterbank {

    private static final double CENTER_OCTAVE = 5.0;
    private static final double OCTAVE_WIDTH = 2.0;

    private final int nChroma;
    private final int binCount;
    /** Row-major [chroma * binCount + bin]. */
    private final double[] weights;

    private ChromaFilterbank(int nChroma, int binCount, double[] weights) {
        this.nChroma = nChroma;
        this.binCount = binCount;
        this.weights = weights;
    }

    /** The chroma filterbank for FFT frames of {@code nFft} samples at {@code sampleRate}. */
    public static ChromaFilterbank create(int sampleRate, int nFft, int nChroma, double tuning) {
        ParameterException.require(sampleRate > 0, "sampleRate must be > 0, got " + sampleRate);
        ParameterException.require(nFft >= 2, "nFft must be >= 2, got " + nFft);
        ParameterException.require(nChroma >= 1, "nChroma must be >= 1, got " + nChroma);
        double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
        double[] binPosition = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double frequency = k * ((double) sampleRate / nFft); // numpy linspace(0, sr, nFft, endpoint=False)
            binPosition[k] = nChroma * log2(frequency / (a440 / 16.0));
        }
        binPosition[0] = binPosition[1] - 1.5 * nChroma;
        double[] binWidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            binWidth[k] = Math.max(binPosition[k + 1] - binPosition[k], 1.0);
        }
        binWidth[nFft - 1] = 1.0;

        double halfChroma = Math.rint(nChroma / 2.0);
        double[][] bank = new double[nChroma][nFft];
        for (int k = 0; k < nFft; k++) {
            double columnSumSquares = 0.0;
            for (int c = 0; c < nChroma; c++) {
                double distance = ((binPosition[k] - c + halfChroma + 10.0 * nChroma) % nChroma) - halfChroma;
                double z = 2.0 * distance / binWidth[k];
                bank[c][k] = Math.exp(-0.5 * z * z);
                columnSumSquares += bank[c][k] * bank[c][k];
            }
            double columnNorm = Math.sqrt(columnSumSquares);
            double octaveWeight = Math.exp(-0.5 * square((binPosition[k] / nChroma - CENTER_OCTAVE) / OCTAVE_WIDTH));
            for (int c = 0; c < nChroma; c++) {
                double normalised = columnNorm < Double.MIN_NORMAL ? bank[c][k] : bank[c][k] / columnNorm;
                bank[c][k] = normalised * octaveWeight;
            }
        }
        // base_c: the bank above starts at A; rotate rows so that row 0 is C (3 semitones above A).
        int shift = 3 * (nChroma / 12);
        int binCount = nFft / 2 + 1;
        double[] weights = new double[nChroma * binCount];
        for (int c = 0; c < nChroma; c++) {
            double[] source = bank[Math.floorMod(c + shift, nChroma)];
            System.arraycopy(source, 0, weights, c * binCount, binCount);
        }
        return new ChromaFilterbank(nChroma, binCount, weights);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    private static double square(double x) {
        return x * x;
    }

    public int chromaCount() {
        return nChroma;
    }

    public int binCount() {
        return binCount;
    }

    /** The weight matrix [chroma][bin], row 0 = C (a new array). */
    public double[][] weights() {
        double[][] dense = new double[nChroma][];
        Arrays.setAll(dense, c -> Arrays.copyOfRange(weights, c * binCount, (c + 1) * binCount));
        return dense;
    }

    /** Raw chroma energies of one power spectrum: {@code out[c] = sum_k W[c,k] * power[offset + k]}. */
    public void apply(double[] power, int offset, double[] out, int outOffset) {
        for (int c = 0; c < nChroma; c++) {
            int row = c * binCount;
            double sum = 0.0;
            for (int k = 0; k < binCount; k++) {
                sum += weights[row + k] * power[offset + k];
            }
            out[outOffset + c] = sum;
        }
    }
}
