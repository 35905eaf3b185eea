package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResamplerTest {

    private static final Resampler RESAMPLER = new Resampler();

    /** Amplitude of the test sinusoids. */
    private static final double AMPLITUDE = 0.5;

    /** Float32 samples and float accumulation: ~1e-6 of full scale on top of the filter's own error. */
    private static final double ROUNDING = 2e-6;

    /** Stop-band amplitude gain that the specification promises: 10^(−80/20). */
    private static final double STOPBAND_GAIN = Math.pow(10, -Resampler.STOPBAND_ATTENUATION_DB / 20);

    static Stream<Arguments> ratios() {
        return Stream.of(
                Arguments.of(44100, 4000),
                Arguments.of(48000, 4000),
                Arguments.of(8000, 4000),
                Arguments.of(2000, 4000),
                Arguments.of(22050, 2000),
                Arguments.of(4000, 44100),
                Arguments.of(16000, 4000));
    }

    /** Pass-band frequencies to try, as fractions of the lower Nyquist frequency (0 is DC). */
    private static final double[] PASSBAND_FRACTIONS = {0, 0.01, 0.1, 0.25, 0.5, 0.7, 0.79, 0.8};

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @MethodSource("ratios")
    void passBandSineKeepsFrequencyAmplitudeAndPhase(int source, int target) {
        double nyquist = Math.min(source, target) / 2.0;
        for (double fraction : PASSBAND_FRACTIONS) {
            double frequency = fraction * nyquist;
            double phase = 0.3;
            float[] input = sine(source, 2.0, frequency, phase);
            float[] output = RESAMPLER.resample(new AudioClip(input, source), target).samples();

            // away from the ends (where the zero padding outside the clip rings), the output must be the same
            // sinusoid sampled at the new rate: same frequency, phase and amplitude within the pass-band ripple
            int from = target / 4;
            int to = output.length - target / 4;
            double worst = 0;
            for (int m = from; m < to; m++) {
                double expected = AMPLITUDE * Math.sin(2 * Math.PI * frequency * m / target + phase);
                worst = Math.max(worst, Math.abs(output[m] - expected));
            }
            double maxError = worst;
            assertTrue(maxError <= AMPLITUDE * Resampler.PASSBAND_RIPPLE + ROUNDING,
                    String.format("%d -> %d Hz, sine at %.1f Hz: max error %.3g exceeds %.3g", source, target,
                            frequency, maxError, AMPLITUDE * Resampler.PASSBAND_RIPPLE + ROUNDING));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @MethodSource("ratios")
    void frequenciesAboveTheLowerNyquistAreAttenuatedByTheStatedStopBand(int source, int target) {
        double nyquist = Math.min(source, target) / 2.0;
        for (double frequency : stopBandProbes(source, target)) {
            float[] input = sine(source, 2.0, frequency, 0.7);
            float[] output = RESAMPLER.resample(new AudioClip(input, source), target).samples();
            int from = target / 4;
            int to = output.length - target / 4;
            double leak;
            if (source > target) {
                // the sine cannot be represented: whatever remains is its alias
                leak = 0;
                for (int m = from; m < to; m++) {
                    leak = Math.max(leak, Math.abs(output[m]));
                }
            } else {
                // up-sampling: the probe lies in the transition band; its spectral image above the source
                // Nyquist (f_in − f) is what must be suppressed
                double image = source - frequency;
                SineFit fit = SineFit.fit(output, from, to, target, frequency, image);
                leak = fit.amplitude(1);
                assertTrue(fit.residualRms() < 1e-5, "residual " + fit.residualRms());
            }
            double limit = AMPLITUDE * STOPBAND_GAIN + ROUNDING;
            assertTrue(leak <= limit, String.format(
                    "%d -> %d Hz, sine at %.1f Hz (%.3f x Nyquist %.0f): leaked amplitude %.3g > %.3g (%.1f dB)",
                    source, target, frequency, frequency / nyquist, nyquist, leak, limit,
                    20 * Math.log10(leak / AMPLITUDE)));
        }
    }

    /**
     * Down-sampling: frequencies from the lower Nyquist to just below the source Nyquist, densest near the edge
     * where a Kaiser filter's largest stop-band lobe is. Up-sampling: frequencies in the transition band, whose
     * images fall just above the source Nyquist.
     */
    private static double[] stopBandProbes(int source, int target) {
        double nyquist = Math.min(source, target) / 2.0;
        List<Double> probes = new ArrayList<>();
        if (source > target) {
            for (double factor : new double[] {1.0, 1.001, 1.003, 1.01, 1.02, 1.05, 1.1, 1.3, 1.6, 2.0, 2.5, 3.3}) {
                probes.add(factor * nyquist);
            }
            for (double fraction : new double[] {0.6, 0.75, 0.9, 0.99}) {
                probes.add(fraction * source / 2.0);
            }
            probes.removeIf(f -> f >= source / 2.0);
        } else {
            for (double fraction : new double[] {0.8, 0.85, 0.9, 0.95, 0.99}) {
                probes.add(fraction * nyquist);
            }
        }
        return probes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @MethodSource("ratios")
    void aClickStaysAtTheSameTimeAndRingsSymmetrically(int source, int target) {
        float[] input = new float[2 * source];
        input[source] = 1;   // t = 1 s
        float[] output = RESAMPLER.resample(new AudioClip(input, source), target).samples();
        int peak = 0;
        for (int m = 1; m < output.length; m++) {
            if (Math.abs(output[m]) > Math.abs(output[peak])) {
                peak = m;
            }
        }
        assertEquals(target, peak, "the click at t = 1 s must peak at output sample " + target);
        assertTrue(output[peak] > 0);
        double tolerance = 1e-6 * output[peak];
        for (int d = 1; d < target / 4; d++) {
            assertEquals(output[peak - d], output[peak + d], tolerance, "asymmetric at distance " + d);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @MethodSource("ratios")
    void outputLengthIsTheCeilingOfNTimesPOverQ(int source, int target) {
        for (int n : new int[] {0, 1, 2, 3, 10, 440, 441, 442, 1000, 12_345}) {
            long expected = ceilDiv((long) n * target, source);
            AudioClip out = RESAMPLER.resample(new AudioClip(new float[n], source), target);
            assertEquals(expected, out.length(), "length for n = " + n);
            assertEquals(expected, Resampler.outputLength(n, source, target));
            assertEquals(target, out.sampleRate());
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @MethodSource("ratios")
    void veryShortClipsAreResampledWithoutError(int source, int target) {
        Random random = new Random(7);
        for (int n = 1; n < 40; n++) {
            float[] input = new float[n];
            for (int i = 0; i < n; i++) {
                input[i] = (float) (random.nextDouble() * 2 - 1);
            }
            float[] output = RESAMPLER.resample(new AudioClip(input, source), target).samples();
            for (float v : output) {
                assertTrue(Float.isFinite(v) && Math.abs(v) < 4, "n = " + n + ": " + v);
            }
        }
    }

    @Test
    void sameRateIsTheIdentity() {
        float[] samples = {0.1f, -0.2f, 0.3f};
        AudioClip clip = new AudioClip(samples, 4000);
        AudioClip result = RESAMPLER.resample(clip, 4000);
        assertSame(clip, result);
        assertSame(samples, result.samples());
    }

    @Test
    void resamplingIsLinear() {
        Random random = new Random(11);
        float[] a = new float[4410];
        float[] b = new float[4410];
        float[] sum = new float[4410];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian() * 0.1f;
            b[i] = (float) random.nextGaussian() * 0.1f;
            sum[i] = a[i] + b[i];
        }
        float[] ra = RESAMPLER.resample(new AudioClip(a, 44100), 4000).samples();
        float[] rb = RESAMPLER.resample(new AudioClip(b, 44100), 4000).samples();
        float[] rs = RESAMPLER.resample(new AudioClip(sum, 44100), 4000).samples();
        for (int m = 0; m < rs.length; m++) {
            assertEquals(ra[m] + rb[m], rs[m], 1e-6);
        }
    }

    @Test
    void filterBankIsDesignedOncePerRatePairAndReused() {
        assertSame(Resampler.plan(44100, 4000), Resampler.plan(44100, 4000));
        List<ResamplingPlan> fromThreads = DoubleStream.iterate(0, i -> i + 1).limit(8).parallel()
                .mapToObj(i -> Resampler.plan(11025, 4000)).toList();
        fromThreads.forEach(plan -> assertSame(fromThreads.get(0), plan));
    }

    @Test
    void largeDownSamplingRatiosGoThroughTwiceTheTargetRate() {
        List<PolyphaseStage> stages = Resampler.plan(44100, 4000).stages();
        assertEquals(2, stages.size());
        assertEquals(80, stages.get(0).up());
        assertEquals(441, stages.get(0).down());
        assertEquals(8000, stages.get(0).outputRate(), 1e-9);
        assertEquals(1, stages.get(1).up());
        assertEquals(2, stages.get(1).down());
        assertEquals(1, Resampler.plan(8000, 4000).stages().size());
        assertEquals(1, Resampler.plan(15999, 4000).stages().size());
        assertEquals(2, Resampler.plan(16000, 4000).stages().size());
        assertEquals(1, Resampler.plan(2000, 4000).stages().size());
    }

    @Test
    void ratiosTooFineToKeepComputeTheirPhasesOnDemandToTheSameSpecification() {
        // 44101 -> 44100 Hz has 44100 phases, ~2.3 million taps in all
        PolyphaseStage stage = Resampler.plan(44101, 44100).stages().get(0);
        assertEquals(44100, stage.up());
        assertTrue(!stage.bankKept());
        float[] input = sine(44101, 0.3, 3000, 0.2);
        float[] output = RESAMPLER.resample(new AudioClip(input, 44101), 44100).samples();
        for (int m = 2000; m < output.length - 2000; m++) {
            double expected = AMPLITUDE * Math.sin(2 * Math.PI * 3000 * m / 44100 + 0.2);
            assertEquals(expected, output[m], AMPLITUDE * Resampler.PASSBAND_RIPPLE + ROUNDING);
        }
    }

    @Test
    void resamplingTwiceAroundAgreesWithTheOriginalInThePassBand() {
        // 4000 -> 44100 -> 4000 keeps a band-limited signal (below 0.8 x 2000 Hz) unchanged
        float[] input = new float[8000];
        Random random = new Random(3);
        double[] frequencies = {50, 180, 430, 900, 1450};
        double[] phases = random.doubles(frequencies.length, 0, 2 * Math.PI).toArray();
        for (int n = 0; n < input.length; n++) {
            double v = 0;
            for (int k = 0; k < frequencies.length; k++) {
                v += 0.1 * Math.sin(2 * Math.PI * frequencies[k] * n / 4000 + phases[k]);
            }
            input[n] = (float) v;
        }
        AudioClip up = RESAMPLER.resample(new AudioClip(input, 4000), 44100);
        float[] back = RESAMPLER.resample(up, 4000).samples();
        assertEquals(input.length, back.length);
        float[] middleIn = java.util.Arrays.copyOfRange(input, 1000, 7000);
        float[] middleBack = java.util.Arrays.copyOfRange(back, 1000, 7000);
        assertArrayEquals(middleIn, middleBack, (float) (0.5 * 2 * Resampler.PASSBAND_RIPPLE + 1e-5));
    }

    @Test
    void invalidTargetRatesAreRefusedWithTheirValue() {
        AudioClip clip = new AudioClip(new float[10], 4000);
        ParameterException zero = assertThrows(ParameterException.class, () -> RESAMPLER.resample(clip, 0));
        assertTrue(zero.getMessage().contains("target sample rate") && zero.getMessage().contains("got 0"),
                zero.getMessage());
        assertThrows(ParameterException.class, () -> RESAMPLER.resample(clip, -4000));
        assertThrows(ParameterException.class, () -> RESAMPLER.resample(clip, Resampler.MAX_RATE + 1));
    }

    @Test
    void anOutputTooLongForAnArrayIsRefusedBeforeAnyWork() {
        // 20 M samples at 1000 Hz up-sampled to 1 MHz would need 20 G samples
        AudioClip clip = new AudioClip(new float[20_000_000], 1000);
        ParameterException e = assertThrows(ParameterException.class,
                () -> RESAMPLER.resample(clip, Resampler.MAX_RATE));
        assertTrue(e.getMessage().contains("would give 20000000000 samples"), e.getMessage());
    }

    static float[] sine(int rate, double seconds, double frequency, double phase) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * frequency * n / rate + phase));
        }
        return x;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
