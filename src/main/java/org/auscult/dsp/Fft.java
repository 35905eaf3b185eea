package org.auscult.dsp;

import java.util.Arrays;


/**
 * Forward FFT of a real signal whose length is a power of two, in double precision.
 *
 * <p>Computes the unnormalised discrete Fourier transform of real input {@code x[0..N-1]} for the non-negative
 * frequencies only (the others are complex conjugates):
 * <pre>
 *   X[k] = sum_{n=0}^{N-1} x[n] exp(-2 pi i k n / N),   k = 0 .. N/2
 * </pre>
 * Bin {@code k} lies at {@code k * sampleRate / N} Hz. This is numpy's {@code rfft}, which librosa's STFT uses.
 *
 * <p>Algorithm: the N real samples are packed into N/2 complex ones {@code z[m] = x[2m] + i x[2m+1]}, transformed by
 * an iterative radix-2 decimation-in-time FFT of size M = N/2, and split into the spectra of the even and odd
 * samples: {@code E[k] = (Z[k] + conj Z[M-k]) / 2}, {@code O[k] = (Z[k] - conj Z[M-k]) / 2i},
 * {@code X[k] = E[k] + exp(-2 pi i k / N) O[k]}. Twiddle factors and the bit-reversal permutation are computed once
 * in the constructor. Cost: (N/4) log2(N/2) butterflies plus N/2 split steps.
 *
 * <p>Only powers of two are supported (see docs/decisions/fft.md): every frame size the feature engine uses is one,
 * and a size that is not is refused with a {@link ParameterException} rather than silently padded.
 *
 * <p><b>Not thread-safe:</b> an instance owns scratch buffers that every call reuses, so a transform allocates
 * nothing. Use one instance per thread.
 */
public final class Fft {

    /** Largest supported transform size (2^24 samples). */
    public static final int MAX_SIZE = 1 << 24;

    private final int size;
    private final int half;
    /**
     * Twiddles of the complex FFT of size M = N/2, stage by stage: the stage that combines blocks of length
     * {@code span} into blocks of 2 span uses exp(-2 pi i j / (2 span)), j = 0 .. span-1, stored contiguously from
     * index span - 1 so that the inner loops read them in order.
     */
    private final double[] stageCos;
    private final double[] stageSin;
    /** cos / sin of -2 pi k / N for k <= N/2: twiddles of the real-to-complex split. */
    private final double[] splitCos;
    private final double[] splitSin;
    private final int[] bitReversed;
    private final double[] zRe;
    private final double[] zIm;
    private final double[] binRe;
    private final double[] binIm;

    /**
     * Prepares a transform of {@code size} real samples.
     *
     * @throws ParameterException when size is not a power of two between 2 and {@link #MAX_SIZE}
     */
    public Fft(int size) {
        ParameterException.require(isPowerOfTwo(size) && size >= 2 && size <= MAX_SIZE,
                "FFT size must be a power of two between 2 and " + MAX_SIZE + ", got " + size);
        this.size = size;
        this.half = size / 2;
        stageCos = new double[Math.max(1, half)];
        stageSin = new double[Math.max(1, half)];
        for (int span = 1; span < half; span <<= 1) {
            for (int j = 0; j < span; j++) {
                double angle = -Math.PI * j / span;
                stageCos[span - 1 + j] = Math.cos(angle);
                stageSin[span - 1 + j] = Math.sin(angle);
            }
        }
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double angle = -2.0 * Math.PI * k / size;
            splitCos[k] = Math.cos(angle);
            splitSin[k] = Math.sin(angle);
        }
        bitReversed = bitReversalPermutation(half);
        zRe = new double[half];
        zIm = new double[half];
        binRe = new double[half + 1];
        binIm = new double[half + 1];
    }

    /** True when {@code n} is a positive power of two. */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** Number of real input samples N. */
    public int size() {
        return size;
    }

    /** Number of output bins, N/2 + 1. */
    public int binCount() {
        return half + 1;
    }

    /**
     * Transforms {@code input[offset .. offset+N-1]} into {@code re[k]}, {@code im[k]} for k = 0 .. N/2.
     * The input is not modified.
     */
    public void forward(double[] input, int offset, double[] re, double[] im) {
        checkLengths(input, offset, re.length, im.length);
        transformPacked(input, offset);
        splitSpectrum(re, im);
    }

    /** Transforms {@code input[0 .. N-1]}; see {@link #forward(double[], int, double[], double[])}. */
    public void forward(double[] input, double[] re, double[] im) {
        forward(input, 0, re, im);
    }

    /**
     * Power spectrum {@code |X[k]|^2} of {@code input[inputOffset .. inputOffset+N-1]} into
     * {@code power[powerOffset .. powerOffset+N/2]}.
     */
    public void powerSpectrum(double[] input, int inputOffset, double[] power, int powerOffset) {
        if (powerOffset < 0 || power.length - powerOffset < half + 1) {
            throw new IllegalArgumentException("FFT of size " + size + " writes " + (half + 1) + " bins from offset "
                    + powerOffset + ", the output array holds " + power.length);
        }
        checkLengths(input, inputOffset, binRe.length, binIm.length);
        transformPacked(input, inputOffset);
        splitSpectrum(binRe, binIm);
        for (int k = 0; k <= half; k++) {
            power[powerOffset + k] = binRe[k] * binRe[k] + binIm[k] * binIm[k];
        }
    }

    /** Power spectrum of {@code input[0 .. N-1]} into {@code power[0 .. N/2]}. */
    public void powerSpectrum(double[] input, double[] power) {
        powerSpectrum(input, 0, power, 0);
    }

    private void checkLengths(double[] input, int offset, int reLength, int imLength) {
        if (offset < 0 || input.length - offset < size) {
            throw new IllegalArgumentException("FFT of size " + size + " needs " + size + " input samples from offset "
                    + offset + ", the array holds " + input.length);
        }
        if (reLength < half + 1 || imLength < half + 1) {
            throw new IllegalArgumentException("FFT of size " + size + " writes " + (half + 1) + " bins, output arrays hold "
                    + Math.min(reLength, imLength));
        }
    }

    /** X[k] for k = 0 .. N/2 from the packed half-size spectrum Z (see the class comment). */
    private void splitSpectrum(double[] re, double[] im) {
        // k = 0 and k = N/2: E = Re Z[0], O = Im Z[0], and the twiddle is 1 or -1.
        re[0] = zRe[0] + zIm[0];
        im[0] = 0.0;
        re[half] = zRe[0] - zIm[0];
        im[half] = 0.0;
        for (int k = 1; k < half; k++) {
            int mirror = half - k;
            double evenRe = 0.5 * (zRe[k] + zRe[mirror]);
            double evenIm = 0.5 * (zIm[k] - zIm[mirror]);
            // O = (Z[k] - conj Z[M-k]) / 2i
            double oddRe = 0.5 * (zIm[k] + zIm[mirror]);
            double oddIm = -0.5 * (zRe[k] - zRe[mirror]);
            re[k] = evenRe + splitCos[k] * oddRe - splitSin[k] * oddIm;
            im[k] = evenIm + splitCos[k] * oddIm + splitSin[k] * oddRe;
        }
    }

    /** Packs pairs of real samples into complex ones (in bit-reversed order) and runs the radix-2 FFT on them. */
    private void transformPacked(double[] input, int offset) {
        if (half == 1) {
            zRe[0] = input[offset];
            zIm[0] = input[offset + 1];
            return;
        }
        // The first stage (blocks of 1 into blocks of 2) has the twiddle 1: fuse it with the bit-reversed load.
        for (int m = 0; m < half; m += 2) {
            int first = offset + 2 * bitReversed[m];
            int second = offset + 2 * bitReversed[m + 1];
            double aRe = input[first];
            double aIm = input[first + 1];
            double bRe = input[second];
            double bIm = input[second + 1];
            zRe[m] = aRe + bRe;
            zIm[m] = aIm + bIm;
            zRe[m + 1] = aRe - bRe;
            zIm[m + 1] = aIm - bIm;
        }
        for (int span = 2; span < half; span <<= 1) {
            int twiddles = span - 1;
            for (int start = 0; start < half; start += 2 * span) {
                for (int j = 0; j < span; j++) {
                    double wRe = stageCos[twiddles + j];
                    double wIm = stageSin[twiddles + j];
                    int top = start + j;
                    int bottom = top + span;
                    double tRe = wRe * zRe[bottom] - wIm * zIm[bottom];
                    double tIm = wRe * zIm[bottom] + wIm * zRe[bottom];
                    zRe[bottom] = zRe[top] - tRe;
                    zIm[bottom] = zIm[top] - tIm;
                    zRe[top] += tRe;
                    zIm[top] += tIm;
                }
            }
        }
    }

    private static int[] bitReversalPermutation(int n) {
        int[] permutation = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        Arrays.setAll(permutation, i -> bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits));
        return permutation;
    }
}
