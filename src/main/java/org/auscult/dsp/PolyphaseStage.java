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
 * <p>Immutable and thread-safe: the phase bank is built once; the work arrays are the caller's
 * ({@link Workspace}), or allocated per call.
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
    /**
     * Rows of q input samples transposed together into the streams: 16 floats, one cache line, of every stream are
     * written at once, while the tile's rows (16 q floats) stay in the level-1 cache.
     */
    private static final int TILE_ROWS = 16;

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

    double outputRate() {
        return inputRate * up / down;
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
        return process(new Workspace(), x, xLength, xStart, outStart, outCount, new float[outCount]);
    }

    /**
     * As {@link #process(float[], int, long, long, int)}, with the work arrays of {@code workspace} and into its
     * output array: the first {@code outCount} samples of the array returned are the outputs, valid until the
     * workspace's next use. For a caller that copies them on at once (a streaming resampler), so an hour does
     * not allocate its work and outputs afresh for every run.
     */
    float[] process(Workspace workspace, float[] x, int xLength, long xStart, long outStart, int outCount) {
        workspace.output = Workspace.atLeast(workspace.output, outCount);
        return process(workspace, x, xLength, xStart, outStart, outCount, workspace.output);
    }

    private float[] process(Workspace workspace, float[] x, int xLength, long xStart, long outStart, int outCount,
                            float[] y) {
        int periods = (int) ((outCount + (long) up - 1) / up);   // outputs per residue class, at most
        float[] coefficients = bank != null ? bank : new float[tapsPerPhase];
        int blockPeriods = Math.min(periodsPerBlock, periods);
        float[] accumulator = workspace.accumulator = Workspace.atLeast(workspace.accumulator, blockPeriods);
        float[] run = workspace.run = Workspace.atLeast(workspace.run, blockPeriods);
        // Blocks of periods keep the streams of the input they read small enough to stay in cache.
        for (int blockStart = 0; blockStart < periods; blockStart += periodsPerBlock) {
            int blockEnd = Math.min(periods, blockStart + periodsPerBlock);
            long firstOutput = outStart + (long) blockStart * up;
            long lastOutput = Math.min(outStart + outCount, outStart + (long) blockEnd * up) - 1;
            long streamOrigin = Math.floorDiv(firstInput(firstOutput), (long) down);
            int streamLength = Math.toIntExact(Math.floorDiv(lastInput(lastOutput), (long) down) - streamOrigin + 1);
            float[] streams = splitIntoStreams(workspace, x, xLength, xStart, streamOrigin, streamLength);

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
     * {@code (streamOrigin + j) q + s}, or 0 where that index is outside the input. This is a transpose of the
     * input seen as rows of q samples, done a tile of {@link #TILE_ROWS} rows at a time: for a large q (441 from
     * 44.1 kHz), copying one whole row at a time writes every sample to a different cache line.
     */
    private float[] splitIntoStreams(Workspace workspace, float[] x, int xLength, long xStart,
                                     long streamOrigin, int streamLength) {
        float[] streams = workspace.streams = Workspace.atLeast(workspace.streams, Math.multiplyExact(down, streamLength));
        long rowStart = streamOrigin * down - xStart;   // index into x of row 0, stream 0
        // rows wholly inside the input, transposed a tile of rows at a time
        int fullFrom = (int) Math.max(0, Math.min(streamLength, Math.floorDiv(-rowStart + down - 1, (long) down)));
        int fullTo = (int) Math.min(streamLength - 1, Math.floorDiv(xLength - down - rowStart, (long) down));
        for (int tile = fullFrom; tile <= fullTo; tile += TILE_ROWS) {
            int rows = Math.min(TILE_ROWS, fullTo - tile + 1);
            int source = (int) (rowStart + (long) tile * down);
            for (int stream = 0, target = tile; stream < down; stream++, target += streamLength) {
                for (int r = 0, from = source + stream; r < rows; r++, from += down) {
                    streams[target + r] = x[from];
                }
            }
        }
        // rows that reach before the start or past the end of the input: zero there (the buffer is reused)
        for (int row = 0; row < streamLength; row++) {
            if (row >= fullFrom && row <= fullTo) {
                row = fullTo;
                continue;
            }
            long from = rowStart + (long) row * down;
            for (int stream = 0, target = row; stream < down; stream++, target += streamLength) {
                long source = from + stream;
                streams[target] = source >= 0 && source < xLength ? x[(int) source] : 0f;
            }
        }
        return streams;
    }

    /**
     * The work arrays of a stage, reused from call to call by one caller at a time, so an hour at 44.1 kHz does not
     * allocate (and the system does not page in) its 636 MB of streams afresh. They grow to the largest call's
     * need: about 0.6 MB for 44.1 kHz input.
     */
    static final class Workspace {
        float[] streams = new float[0];
        float[] accumulator = new float[0];
        float[] run = new float[0];
        float[] output = new float[0];

        /** {@code array}, or a new one with room to spare when it is shorter than {@code length}. */
        static float[] atLeast(float[] array, int length) {
            return array.length >= length ? array : new float[length + length / 8];
        }
    }

    private void fillPhase(int phase, float[] target, int offset) {
        for (int i = 0; i < tapsPerPhase; i++) {
            target[offset + i] = (float) prototype.tap(phase + (long) (tapsPerPhase - 1 - i) * up);
        }
    }
}
