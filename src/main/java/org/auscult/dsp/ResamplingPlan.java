package org.auscult.dsp;

import java.util.List;

/**
 * The filter stages that take one sample rate to another, designed once per (source, target) pair.
 *
 * <p>A single polyphase stage costs about {@code (A − 7.95) / (2.285 · 2π) · f_in / Δf} multiply-adds per output
 * sample, which grows with the input rate: 44100 → 4000 Hz needs ~550 per output. When the source rate is at
 * least four times the target, a cheap integer decimator by {@code M = ⌊f_in / (2 f_out)⌋} runs first. Its
 * output rate {@code f_1 = f_in / M} lies between 2 and 3 times the target, and it only has to keep the
 * frequencies that would fold into the final band, so its stop band starts at {@code f_1 − f_N} and its transition
 * is wide. The second stage then runs at the low rate {@code f_1} and carries the sharp transition. For 44100 →
 * 4000 Hz this is 44100 → 8820 (÷5, 47 taps) then 8820 → 4000 (× 200/441, ~111 taps per phase): ~2.5 times fewer
 * multiply-adds than one stage. Both stages use the same pass-band edge; the stop-band requirement (≥ A above the
 * target Nyquist) holds for the cascade because every frequency either folds into [0, f_N] in the first stage (and
 * is attenuated there) or reaches the second stage above f_N (and is attenuated there).
 */
final class ResamplingPlan {

    private final int sourceRate;
    private final int targetRate;
    private final long up;
    private final long down;
    private final List<PolyphaseStage> stages;

    private ResamplingPlan(int sourceRate, int targetRate, List<PolyphaseStage> stages) {
        this.sourceRate = sourceRate;
        this.targetRate = targetRate;
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
        int decimation = (int) (sourceRate / (2L * targetRate));
        if (decimation >= 2) {
            double intermediateRate = sourceRate / (double) decimation;
            PolyphaseStage decimator = stage(sourceRate, 1, decimation, passHz, intermediateRate - nyquist,
                    attenuationDb);
            long divisor = gcd((long) targetRate * decimation, sourceRate);
            PolyphaseStage sharp = stage(intermediateRate, Math.toIntExact(targetRate * (long) decimation / divisor),
                    Math.toIntExact(sourceRate / divisor), passHz, nyquist, attenuationDb);
            return new ResamplingPlan(sourceRate, targetRate, List.of(decimator, sharp));
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

    int sourceRate() {
        return sourceRate;
    }

    int targetRate() {
        return targetRate;
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
        // Walk back from the output to find which samples each stage must produce: the first stage also
        // produces the filter tails just outside the input (negative indices), so the cascade equals one filter.
        int count = stages.size();
        long[] starts = new long[count];
        int[] lengths = new int[count];
        starts[count - 1] = 0;
        lengths[count - 1] = outputLength;
        for (int s = count - 1; s > 0; s--) {
            PolyphaseStage stage = stages.get(s);
            long first = stage.firstInput(starts[s]);
            long last = stage.lastInput(starts[s] + lengths[s] - 1);
            starts[s - 1] = first;
            lengths[s - 1] = Math.toIntExact(last - first + 1);
        }
        float[] signal = x;
        long signalStart = 0;
        for (int s = 0; s < count; s++) {
            signal = stages.get(s).process(signal, signalStart, starts[s], lengths[s]);
            signalStart = starts[s];
        }
        return signal;
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
