package org.auscult.dsp;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@link Resampler} for a signal that arrives in blocks: the input is pushed in order and only the stretch of it
 * that the next outputs read is kept, so a recording never has to exist as one array at its own rate. An hour at
 * 44.1 kHz (159 M samples, 635 MB as floats) becomes 14.4 M samples at 4 kHz while at most about a second of input
 * is held.
 *
 * <p>The output is the same, sample for sample and bit for bit, as {@link Resampler#resample} of the whole input:
 * each output sample {@code y[m] = Σ_i r_φ[i] · x[a − L + 1 + i]} is a sum over the same taps in the same order
 * whichever block it is computed in (see {@link PolyphaseStage}), and samples outside {@code [0, n)} are zero in
 * both. Outputs are computed in runs of up to {@value #CHUNK} once the input they read has arrived: output m of the
 * cascade reads input samples {@code first(m) … last(m)}, where {@code first} and {@code last} compose the stages'
 * {@link PolyphaseStage#firstInput}/{@link PolyphaseStage#lastInput} from the last stage back to the first; for a
 * two-stage plan the intermediate samples a run needs are recomputed for each run (about 107 of them, against
 * tens of thousands per run).
 *
 * <p>Not thread-safe: one instance resamples one signal (a long run is shared out between processors inside
 * {@link #accept}, which returns once it is done).
 */
public final class StreamingResampler {

    /** Outputs computed in one run: 8 s at 4 kHz, long enough for the vectorised inner loops. */
    static final int CHUNK = 1 << 15;
    /** Processors a run is shared between, at most. */
    private static final int PARALLELISM = Math.min(4, Runtime.getRuntime().availableProcessors());
    /**
     * Inputs at least this long share their runs between processors: a long recording opened in the window waits
     * for its resampling, while a collection of short ones keeps every processor busy with a recording each.
     */
    static final int SHARED_FROM_SECONDS = 60;
    /** The shortest part of a run worth handing to another thread: 1 s at 4 kHz. */
    private static final int MIN_PART = 4096;

    private final ResamplingPlan plan;
    private final List<PolyphaseStage> stages;
    private final long inputLength;
    private final float[] output;
    /** Work arrays of each part of a run ({@link #computeRun}), for each stage. */
    private final PolyphaseStage.Workspace[][] workspaces;
    private long nextOutput;
    /** Input samples bufferStart … bufferStart + bufferLength − 1 are held in buffer[0 … bufferLength). */
    private float[] buffer = new float[0];
    private long bufferStart;
    private int bufferLength;
    private long received;

    /**
     * Prepares to resample {@code inputLength} samples from {@code sourceRate} to {@code targetRate}, allocating the
     * whole output ({@link Resampler#outputLength} samples).
     *
     * @throws ParameterException when a rate is out of range or the output would not fit an array
     */
    public StreamingResampler(int sourceRate, int targetRate, long inputLength) {
        this(sourceRate, targetRate, inputLength,
                inputLength >= (long) SHARED_FROM_SECONDS * sourceRate ? PARALLELISM : 1);
    }

    /** As the public constructor, with runs shared between at most {@code parallelism} threads. */
    StreamingResampler(int sourceRate, int targetRate, long inputLength, int parallelism) {
        ParameterException.require(inputLength >= 0, "input length must be >= 0, got " + inputLength);
        long length = Resampler.outputLength(inputLength, sourceRate, targetRate);
        ParameterException.require(length <= Resampler.MAX_OUTPUT_LENGTH, "resampling " + inputLength
                + " samples from " + sourceRate + " to " + targetRate + " Hz would give " + length
                + " samples, more than an array holds (" + Resampler.MAX_OUTPUT_LENGTH + ")");
        this.plan = Resampler.plan(sourceRate, targetRate);
        this.stages = plan.stages();
        this.inputLength = inputLength;
        this.output = new float[(int) length];
        ParameterException.require(parallelism >= 1, "parallelism must be >= 1, got " + parallelism);
        this.workspaces = new PolyphaseStage.Workspace[parallelism][stages.size()];
        for (PolyphaseStage.Workspace[] part : workspaces) {
            Arrays.setAll(part, s -> new PolyphaseStage.Workspace());
        }
    }

    /**
     * Bytes this resampler holds besides its output, at most, for blocks of up to {@code blockLength} samples: the
     * input buffer (a block plus the span one run of outputs reads) and the work arrays of one run.
     */
    public static long workingBytes(int sourceRate, int targetRate, int blockLength) {
        double ratio = sourceRate / (double) targetRate;
        long runInput = (long) Math.ceil(CHUNK * ratio) + 4096;
        // buffer (block + run span, doubled when it grows) + the stage-0 polyphase streams + stage outputs
        return Float.BYTES * (2L * (blockLength + runInput) + runInput + 4L * CHUNK + 65_536);
    }

    /** Appends {@code samples[0 .. count)} to the input and computes every output it completes. */
    public void accept(float[] samples, int count) {
        if (count < 0 || count > samples.length) {
            throw new IllegalArgumentException("count " + count + " outside 0 .. " + samples.length);
        }
        if (received + count > inputLength) {
            throw new IllegalStateException("more than the " + inputLength + " input samples announced");
        }
        discardConsumedInput();
        if (bufferLength + count > buffer.length) {
            float[] larger = new float[Math.max(bufferLength + count, 2 * buffer.length)];
            System.arraycopy(buffer, 0, larger, 0, bufferLength);
            buffer = larger;
        }
        System.arraycopy(samples, 0, buffer, bufferLength, count);
        bufferLength += count;
        received += count;
        drain();
    }

    /**
     * The resampled signal, once every input sample announced has been {@linkplain #accept accepted}.
     *
     * @throws IllegalStateException when input is missing
     */
    public float[] finish() {
        if (received != inputLength) {
            throw new IllegalStateException("received " + received + " of " + inputLength + " input samples");
        }
        drain();
        buffer = new float[0];
        bufferLength = 0;
        return output;
    }

    /** Computes outputs while the input they read has arrived (or lies beyond the end of the input). */
    private void drain() {
        while (nextOutput < output.length) {
            int count = (int) Math.min(CHUNK, output.length - nextOutput);
            if (received < inputLength && lastInput(nextOutput + count - 1) >= received) {
                // the largest run whose last output reads only input that has arrived
                int low = 0;
                int high = count - 1;
                while (low < high) {
                    int middle = (low + high + 1) >>> 1;
                    if (lastInput(nextOutput + middle - 1) < received) {
                        low = middle;
                    } else {
                        high = middle - 1;
                    }
                }
                count = low;
                if (count == 0) {
                    return;
                }
            }
            computeRun(nextOutput, count);
            nextOutput += count;
        }
    }

    /**
     * Outputs m0 … m0 + count − 1 into the output array. For a long input, a run is cut into one part per
     * processor, computed side by side in the common fork-join pool (the calling thread takes a part too): every
     * part reads the same input buffer, which nothing changes meanwhile, and writes its own stretch of the output,
     * so the samples are the same as one thread's.
     */
    private void computeRun(long m0, int count) {
        int parts = Math.min(workspaces.length, count / MIN_PART);
        if (parts <= 1) {
            computeSpan(0, m0, count);
            return;
        }
        int part = (count + parts - 1) / parts;
        IntStream.range(0, parts).parallel().forEach(p -> {
            int from = p * part;
            int length = Math.min(part, count - from);
            if (length > 0) {
                computeSpan(p, m0 + from, length);
            }
        });
    }

    /**
     * Outputs m0 … m0 + count − 1 into the output array, over the stage spans the plan gives for them, with the
     * work arrays of part {@code part} of a run.
     */
    private void computeSpan(int part, long m0, int count) {
        PolyphaseStage.Workspace[] work = workspaces[part];
        int stageCount = stages.size();
        ResamplingPlan.StageSpans spans = plan.spans(m0, count);
        long[] starts = spans.starts();
        int[] lengths = spans.lengths();
        // each stage's outputs live in its workspace, read at once by the next stage
        float[] signal = stages.get(0).process(work[0], buffer, bufferLength, bufferStart, starts[0], lengths[0]);
        for (int s = 1; s < stageCount; s++) {
            signal = stages.get(s).process(work[s], signal, lengths[s - 1], starts[s - 1], starts[s], lengths[s]);
        }
        System.arraycopy(signal, 0, output, (int) m0, count);
    }

    /** Drops the input before the first sample the next output reads. */
    private void discardConsumedInput() {
        if (nextOutput >= output.length) {
            bufferStart += bufferLength;
            bufferLength = 0;
            return;
        }
        long keepFrom = Math.max(bufferStart, firstInput(nextOutput));
        int drop = (int) Math.min(bufferLength, keepFrom - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
            bufferLength -= drop;
            bufferStart += drop;
        }
    }

    /** The last input sample output m of the cascade reads. */
    private long lastInput(long m) {
        long index = m;
        for (int s = stages.size() - 1; s >= 0; s--) {
            index = stages.get(s).lastInput(index);
        }
        return index;
    }

    /** The first input sample output m of the cascade reads. */
    private long firstInput(long m) {
        long index = m;
        for (int s = stages.size() - 1; s >= 0; s--) {
            index = stages.get(s).firstInput(index);
        }
        return index;
    }
}
