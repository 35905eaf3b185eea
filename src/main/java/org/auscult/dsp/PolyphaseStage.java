package org.auscult.dsp;

import java.util.Arrays;

/**
 * One rational sample-rate change by {@code p/q}: conceptually, insert {@code p − 1} zeros between input samples,
 * low-pass with a {@link KaiserLowPass} prototype {@code h} of length {@code N = 2c + 1} at the up-sampled rate,
 * and keep every {@code q}-th sample. Computed in polyphase form, never touching the zeros:
 * <pre>
 *   y[m] = Σ_n x[n] · h[m q − n p + c]
 *        = Σ_{i=0}^{L−1} r_φ[i] · x[a − L + 1 + i],   t = m q + c,  a = ⌊t / p⌋,  φ = t − a p,
 *   r_φ[i] = h[φ + (L − 1 − i) p],                    L = ⌈N / p⌉ taps per phase.
 * </pre>
 * Output sample m sits at time {@code m / f_out} and input sample n at {@code n / f_in}; reading the prototype at
 * its centre {@code c} makes the stage exactly zero-phase. Samples outside the input are zero.
 *
 * <p>The loop order is transposed for speed: outputs {@code m} and {@code m + p} use the same phase filter with
 * the input shifted by exactly {@code q}, so the input is split into {@code q} polyphase streams
 * {@code X_s[j] = x[j q + s]} and every (output residue, tap) pair becomes one multiply-add over a contiguous
 * run of a stream. The run is copied to the start of a scratch array first: Java 17's JIT compiles
 * {@code acc[k] += w * run[k]} to SIMD instructions, but not the same loop reading {@code run[offset + k]}.
 *
 * <p>Immutable and thread-safe: the phase bank is built once; every call allocates its own work buffers.
 */
final class PolyphaseStage {

    /** Phase banks above this many taps (4 MB of floats) are not kept; their phases are computed on demand. */
    static final long MAX_BANK_TAPS = 1L << 20;

    /**
     * Input samples a block of the inner loop reads, at most (unless that would make blocks shorter than
     * {@link #MIN_BLOCK}): 128 K floats, 512 KB, stay in the level-2 cache while every phase reads them.
     */
    private static final int BLOCK_INPUT = 1 << 17;
    private static final int MIN_BLOCK = 256;
    private static final int MAX_BLOCK = 2048;

    private final int up;
    private final int down;
    private final double inputRate;
    private final KaiserLowPass prototype;
    private final int tapsPerPhase;
    private final float[] bank;
    /** Outputs per residue class computed together: long runs for the vectorised loop, small enough to cache. */
    private final int periodsPerBlock;

    /**
     * @param up        p, the up-sampling factor (coprime with q)
     * @param down      q, the down-sampling factor
     * @param inputRate input rate in Hz (may be fractional for an intermediate rate); documentation only
     * @param prototype the low-pass prototype at the up-sampled rate p · inputRate, with gain p
     */
    PolyphaseStage(int up, int down, double inputRate, KaiserLowPass prototype) {
        this.up = up;
        this.down = down;
        this.inputRate = inputRate;
        this.prototype = prototype;
        this.tapsPerPhase = Math.toIntExact((prototype.length() + up - 1) / up);
        this.periodsPerBlock = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, BLOCK_INPUT / down));
        long bankTaps = (long) up * tapsPerPhase;
        if (bankTaps <= MAX_BANK_TAPS) {
            float[] phases = new float[(int) bankTaps];
            for (int phase = 0; phase < up; phase++) {
                fillPhase(phase, phases, phase * tapsPerPhase);
            }
            this.bank = phases;
        } else {
            this.bank = null;
        }
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    double inputRate() {
        return inputRate;
    }

    double outputRate() {
        return inputRate * up / down;
    }

    KaiserLowPass prototype() {
        return prototype;
    }

    int tapsPerPhase() {
        return tapsPerPhase;
    }

    /** Whether the phase bank is kept (false: phases are computed for every call). */
    boolean bankKept() {
        return bank != null;
    }

    /** Index a of the last input sample that output m reads. */
    long lastInput(long m) {
        return Math.floorDiv(m * down + prototype.centre(), (long) up);
    }

    /** Index of the first input sample that output m reads. */
    long firstInput(long m) {
        return lastInput(m) - tapsPerPhase + 1;
    }

    /**
     * Computes outputs {@code outStart … outStart + outCount − 1} (indices may be negative: a later stage may
     * need the filter's tails) from the input {@code x}, whose first sample has index {@code xStart}.
     */
    float[] process(float[] x, long xStart, long outStart, int outCount) {
        return process(x, x.length, xStart, outStart, outCount);
    }

    /**
     * As {@link #process(float[], long, long, int)} with only {@code x[0 .. xLength)} as the input: samples of
     * {@code x} from {@code xLength} on are taken as zero, so a reused buffer can serve as the input.
     */
    float[] process(float[] x, int xLength, long xStart, long outStart, int outCount) {
        float[] y = new float[outCount];
        int periods = (int) ((outCount + (long) up - 1) / up);   // outputs per residue class, at most
        float[] coefficients = bank != null ? bank : new float[tapsPerPhase];
        float[] accumulator = new float[Math.min(periodsPerBlock, periods)];
        float[] run = new float[accumulator.length];
        // Blocks of periods keep the streams of the input they read small enough to stay in cache.
        for (int blockStart = 0; blockStart < periods; blockStart += periodsPerBlock) {
            int blockEnd = Math.min(periods, blockStart + periodsPerBlock);
            long firstOutput = outStart + (long) blockStart * up;
            long lastOutput = Math.min(outStart + outCount, outStart + (long) blockEnd * up) - 1;
            long streamOrigin = Math.floorDiv(firstInput(firstOutput), (long) down);
            int streamLength = Math.toIntExact(Math.floorDiv(lastInput(lastOutput), (long) down) - streamOrigin + 1);
            float[] streams = splitIntoStreams(x, xLength, xStart, streamOrigin, streamLength);

            for (int residue = 0; residue < up && residue < outCount; residue++) {
                int blockLength = (int) Math.min(blockEnd, (outCount - residue + (long) up - 1) / up) - blockStart;
                if (blockLength <= 0) {
                    continue;
                }
                long t = (firstOutput + residue) * down + prototype.centre();
                long a = Math.floorDiv(t, (long) up);
                int phase = (int) (t - a * up);
                int coefficientOffset = phase * tapsPerPhase;
                if (bank == null) {
                    fillPhase(phase, coefficients, 0);
                    coefficientOffset = 0;
                }
                long firstInput = a - tapsPerPhase + 1;
                int stream = (int) Math.floorMod(firstInput, (long) down);
                int position = (int) (Math.floorDiv(firstInput, (long) down) - streamOrigin);
                Arrays.fill(accumulator, 0, blockLength, 0f);
                for (int i = 0; i < tapsPerPhase; i++) {
                    // copying the run to the start of a buffer lets the JIT vectorise the multiply-add, which
                    // it does not do for a loop-invariant offset into the source array
                    System.arraycopy(streams, stream * streamLength + position, run, 0, blockLength);
                    multiplyAdd(accumulator, run, coefficients[coefficientOffset + i], blockLength);
                    if (++stream == down) {
                        stream = 0;
                        position++;
                    }
                }
                for (int k = 0, m = residue + blockStart * up; k < blockLength; k++, m += up) {
                    y[m] = accumulator[k];
                }
            }
        }
        return y;
    }

    /** acc[k] += w · run[k] for k &lt; length: the loop that takes the time, in a shape the JIT vectorises. */
    private static void multiplyAdd(float[] acc, float[] run, float w, int length) {
        for (int k = 0; k < length; k++) {
            acc[k] += w * run[k];
        }
    }

    /**
     * Splits the input into q streams laid end to end: stream s, element j holds x at global index
     * {@code (streamOrigin + j) q + s}, or 0 where that index is outside the input. The input is read in order,
     * one row of q samples at a time: for a large q, reading each stream with a stride of q would touch a
     * different cache line for every sample.
     */
    private float[] splitIntoStreams(float[] x, int xLength, long xStart, long streamOrigin, int streamLength) {
        float[] streams = new float[Math.multiplyExact(down, streamLength)];
        long rowStart = streamOrigin * down - xStart;   // index into x of row 0, stream 0
        long firstRow = Math.max(0, Math.floorDiv(-rowStart, (long) down));
        long lastRow = Math.min(streamLength - 1, Math.floorDiv(xLength - 1 - rowStart, (long) down));
        for (long row = firstRow; row <= lastRow; row++) {
            long from = rowStart + row * down;
            int target = (int) row;
            if (from >= 0 && from + down <= xLength) {
                int source = (int) from;
                for (int stream = 0; stream < down; stream++, target += streamLength) {
                    streams[target] = x[source + stream];
                }
            } else {
                // a row that straddles the start or the end of the input
                for (int stream = 0; stream < down; stream++, target += streamLength) {
                    long source = from + stream;
                    if (source >= 0 && source < xLength) {
                        streams[target] = x[(int) source];
                    }
                }
            }
        }
        return streams;
    }

    private void fillPhase(int phase, float[] target, int offset) {
        for (int i = 0; i < tapsPerPhase; i++) {
            target[offset + i] = (float) prototype.tap(phase + (long) (tapsPerPhase - 1 - i) * up);
        }
    }
}
