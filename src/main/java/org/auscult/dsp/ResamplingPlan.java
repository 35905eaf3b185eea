package org.auscult.dsp;

import java.util.List;

/**
 * The filter stages that take one sample rate to another, designed once per (source, target) pair.
 *
 * <p>A single polyphase stage costs about {@code (A − 7.95) / (2.285 · 2π) · f_in / Δf} multiply-adds per output
 * sample, which grows with the input rate: 44100 → 4000 Hz in one stage needs ~580 per output. When the source
 * rate is at least four times the target, the work is split in two:
 * <ol>
 *   <li>{@code f_in → 2 f_out}, keeping only what would fold into the final band: its stop band starts at
 *       {@code 2 f_out − f_N = 1.5 f_out}, a wide transition and a short filter;</li>
 *   <li>{@code 2 f_out → f_out}, a decimation by two at a low rate that carries the sharp transition
 *       {@code 0.8 f_N … f_N}.</li>
 * </ol>
 * For 44100 → 4000 Hz this is 44100 → 8000 Hz (× 80/441, 53 taps per phase) and 8000 → 4000 Hz (÷ 2, 107 taps):
 * 213 multiply-adds per output instead of ~580, and every inner loop runs over hundreds of samples. Both stages
 * use the same pass-band edge. The stop-band requirement (≥ A above the target Nyquist frequency f_N) holds for the
 * cascade because every frequency either folds into [0, f_N] in the first stage, and is attenuated there, or
 * reaches the second stage above f_N, and is attenuated there.
 */
final class ResamplingPlan {

    private final long up;
    private final long down;
    private final List<PolyphaseStage> stages;

    private ResamplingPlan(int sourceRate, int targetRate, List<PolyphaseStage> stages) {
        long divisor = gcd(sourceRate, targetRate);
        this.up = targetRate / divisor;
        this.down = sourceRate / divisor;
        this.stages = List.copyOf(stages);
    }

    /**
     * Designs the stages.
     *
     * @param passFraction  pass-band edge as a fraction of the lower Nyquist frequency min(f_in, f_out)/2
     * @param attenuationDb the attenuation used in the Kaiser design of every stage
     */
    static ResamplingPlan design(int sourceRate, int targetRate, double passFraction, double attenuationDb) {
        double nyquist = Math.min(sourceRate, targetRate) / 2.0;
        double passHz = passFraction * nyquist;
        if (sourceRate >= 4L * targetRate) {
            int intermediateRate = 2 * targetRate;
            long divisor = gcd(intermediateRate, sourceRate);
            PolyphaseStage wide = stage(sourceRate, Math.toIntExact(intermediateRate / divisor),
                    Math.toIntExact(sourceRate / divisor), passHz, intermediateRate - nyquist, attenuationDb);
            PolyphaseStage sharp = stage(intermediateRate, 1, 2, passHz, nyquist, attenuationDb);
            return new ResamplingPlan(sourceRate, targetRate, List.of(wide, sharp));
        }
        long divisor = gcd(sourceRate, targetRate);
        return new ResamplingPlan(sourceRate, targetRate, List.of(stage(sourceRate,
                Math.toIntExact(targetRate / divisor), Math.toIntExact(sourceRate / divisor), passHz, nyquist,
                attenuationDb)));
    }

    private static PolyphaseStage stage(double inputRate, int up, int down, double passHz, double stopHz,
                                        double attenuationDb) {
        double upsampledRate = inputRate * up;
        KaiserLowPass prototype = KaiserLowPass.design(passHz / upsampledRate, stopHz / upsampledRate,
                attenuationDb, up);
        return new PolyphaseStage(up, down, inputRate, prototype);
    }

    List<PolyphaseStage> stages() {
        return stages;
    }

    /** Output length for n input samples: ⌈n · p / q⌉ (p/q = target/source reduced), the samples whose time lies
     *  in the input's span [0, n / f_in). */
    long outputLength(long inputLength) {
        return Math.floorDiv(Math.multiplyExact(inputLength, up) + down - 1, down);
    }

    /** Resamples x (its first sample at time 0). */
    float[] apply(float[] x) {
        int outputLength = Math.toIntExact(outputLength(x.length));
        if (outputLength == 0) {
            return new float[0];
        }
        // the first stage also produces the filter tails just outside the input (negative indices), so the cascade
        // equals one filter
        StageSpans spans = spans(0, outputLength);
        float[] signal = x;
        long signalStart = 0;
        for (int s = 0; s < stages.size(); s++) {
            signal = stages.get(s).process(signal, signalStart, spans.starts()[s], spans.lengths()[s]);
            signalStart = spans.starts()[s];
        }
        return signal;
    }

    /**
     * The samples each stage must produce for the last stage to give outputs {@code firstOutput … firstOutput +
     * count − 1}: walking back from the output, stage s needs its inputs {@code firstInput(start) …
     * lastInput(start + length − 1)} of stage s + 1's span.
     *
     * @param starts  index of the first sample of each stage's span, in that stage's output
     * @param lengths the number of samples of each stage's span
     */
    record StageSpans(long[] starts, int[] lengths) {
    }

    /** The {@link StageSpans} behind outputs {@code firstOutput … firstOutput + count − 1}. */
    StageSpans spans(long firstOutput, int count) {
        int stageCount = stages.size();
        long[] starts = new long[stageCount];
        int[] lengths = new int[stageCount];
        starts[stageCount - 1] = firstOutput;
        lengths[stageCount - 1] = count;
        for (int s = stageCount - 1; s > 0; s--) {
            PolyphaseStage stage = stages.get(s);
            long first = stage.firstInput(starts[s]);
            long last = stage.lastInput(starts[s] + lengths[s] - 1);
            starts[s - 1] = first;
            lengths[s - 1] = Math.toIntExact(last - first + 1);
        }
        return new StageSpans(starts, lengths);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return Math.abs(a);
    }
}
