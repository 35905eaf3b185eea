package org.auscult.features;

import org.auscult.dsp.ParameterException;

/**
 * The orthonormal DCT-II as a precomputed matrix, keeping the first {@code outputCount} coefficients of an input of
 * length N ({@code scipy.fftpack.dct(x, type=2, norm='ortho')[:outputCount]}):
 * <pre>
 *   y[k] = s_k sum_{n=0}^{N-1} x[n] cos(pi k (2n + 1) / (2N)),   s_0 = sqrt(1/N),  s_k = sqrt(2/N) for k &gt; 0
 * </pre>
 * The full N x N matrix is orthogonal. Immutable and thread-safe.
 */
public final class DctMatrix {

    private final int outputCount;
    private final int inputLength;
    /** Row-major [k * inputLength + n]. */
    private final double[] basis;

    private DctMatrix(int outputCount, int inputLength, double[] basis) {
        this.outputCount = outputCount;
        this.inputLength = inputLength;
        this.basis = basis;
    }

    /** The first {@code outputCount} rows of the orthonormal DCT-II of length {@code inputLength}. */
    public static DctMatrix orthonormal(int outputCount, int inputLength) {
        ParameterException.require(inputLength >= 1, "DCT input length must be >= 1, got " + inputLength);
        ParameterException.require(outputCount >= 1 && outputCount <= inputLength,
                "DCT output count must be from 1 to " + inputLength + ", got " + outputCount);
        double[] basis = new double[outputCount * inputLength];
        for (int k = 0; k < outputCount; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / inputLength);
            for (int n = 0; n < inputLength; n++) {
                basis[k * inputLength + n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * inputLength));
            }
        }
        return new DctMatrix(outputCount, inputLength, basis);
    }

    public int outputCount() {
        return outputCount;
    }

    public int inputLength() {
        return inputLength;
    }

    /** {@code out[outOffset + k] = sum_n B[k,n] input[offset + n]} for k &lt; outputCount. */
    public void apply(double[] input, int offset, double[] out, int outOffset) {
        for (int k = 0; k < outputCount; k++) {
            int row = k * inputLength;
            double sum = 0.0;
            for (int n = 0; n < inputLength; n++) {
                sum += basis[row + n] * input[offset + n];
            }
            out[outOffset + k] = sum;
        }
    }
}
