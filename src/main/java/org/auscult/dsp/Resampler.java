package org.auscult.dsp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.auscult.audio.AudioClip;

/**
 * Band-limited, zero-phase sample-rate conversion by a rational factor {@code p/q = f_out / f_in} reduced by their
 * greatest common divisor (44100 → 4000 Hz is 40/441), with polyphase Kaiser-windowed-sinc filters.
 *
 * <h2>Specification</h2>
 * With {@code f_N = min(f_in, f_out) / 2}, the lower of the two Nyquist frequencies:
 * <ul>
 *   <li>pass band {@code 0 … 0.8 f_N} ({@link #PASSBAND_EDGE_FRACTION}); amplitude ripple at most
 *       {@link #PASSBAND_RIPPLE} (±0.0026 dB);</li>
 *   <li>stop band {@code f_N} and above: attenuated by at least {@link #STOPBAND_ATTENUATION_DB} = 80 dB, so
 *       nothing above the new Nyquist frequency aliases into the output (down-sampling) and no spectral image
 *       appears above the old one (up-sampling);</li>
 *   <li>transition width {@code Δf = 0.2 f_N} (1600 … 2000 Hz for a 4 kHz output), −6 dB at {@code 0.9 f_N}.</li>
 * </ul>
 * Each stage is designed with Kaiser's formulas (see {@link KaiserLowPass}) for {@code A = 80 + 3 dB}: the
 * estimate {@code N − 1 = (A − 7.95) / (2.285 Δω)}, {@code β = 0.1102 (A − 8.7)} can fall up to ~1.5 dB short of
 * A, and a two-stage cascade adds the pass-band ripples of both stages. The length at the up-sampled rate
 * {@code U = p f_in} is {@code N ≈ (A − 7.95) U / (2.285 · 2π Δf)}; each output sample costs {@code N / p}
 * multiply-adds. Large down-sampling ratios run as two stages ({@link ResamplingPlan}).
 *
 * <h2>Timing and length</h2>
 * Output sample m is the band-limited signal at time {@code m / f_out}, input sample n is at {@code n / f_in}:
 * there is no delay and no phase shift, so a click at time t stays at time t. The output has
 * {@code ⌈n p / q⌉} samples, those whose time lies in the input's span {@code [0, n / f_in)}. Outside the clip the
 * signal is taken as zero (as scipy's {@code resample_poly}); a recording with a DC offset therefore rings for a
 * few milliseconds at its ends.
 *
 * <p>The filters for each (source, target) pair are designed once and cached (up to {@value #MAX_CACHED_PLANS}
 * pairs); the cache and this class are thread-safe.
 */
public final class Resampler {

    /** Minimum attenuation above the lower Nyquist frequency, in dB. */
    public static final double STOPBAND_ATTENUATION_DB = 80;

    /** Pass-band edge as a fraction of the lower Nyquist frequency. */
    public static final double PASSBAND_EDGE_FRACTION = 0.8;

    /** Largest deviation of the pass-band amplitude gain from 1 (a linear factor: ±0.0026 dB). */
    public static final double PASSBAND_RIPPLE = 3e-4;

    /** Kaiser's length estimate can fall ~1.5 dB short and two stages add their ripples: design with a margin. */
    static final double DESIGN_MARGIN_DB = 3;

    /** Highest sample rate accepted, in Hz: well above any audio format, low enough for exact index arithmetic. */
    public static final int MAX_RATE = 1_000_000;

    /** Longest output: the largest array the JVM reliably allocates. */
    static final long MAX_OUTPUT_LENGTH = Integer.MAX_VALUE - 8;

    private static final ConcurrentMap<Long, ResamplingPlan> PLANS = new ConcurrentHashMap<>();

    /** Resamples {@code clip} to {@code targetRate}; returns {@code clip} itself (the same array) when the rate
     *  already matches. */
    public AudioClip resample(AudioClip clip, int targetRate) {
        requireRate("target sample rate", targetRate);
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        requireRate("source sample rate", clip.sampleRate());
        long length = outputLength(clip.length(), clip.sampleRate(), targetRate);
        ParameterException.require(length <= MAX_OUTPUT_LENGTH, "resampling " + clip.length() + " samples from "
                + clip.sampleRate() + " to " + targetRate + " Hz would give " + length
                + " samples, more than an array holds (" + MAX_OUTPUT_LENGTH + ")");
        return new AudioClip(plan(clip.sampleRate(), targetRate).apply(clip.samples()), targetRate);
    }

    /** Number of samples {@link #resample} produces from {@code inputLength} samples: ⌈n · p / q⌉. */
    public static long outputLength(long inputLength, int sourceRate, int targetRate) {
        requireRate("source sample rate", sourceRate);
        requireRate("target sample rate", targetRate);
        long divisor = ResamplingPlan.gcd(sourceRate, targetRate);
        long up = targetRate / divisor;
        long down = sourceRate / divisor;
        return Math.floorDiv(Math.multiplyExact(inputLength, up) + down - 1, down);
    }

    /**
     * Most plans kept: each can hold a phase bank of up to 4 MB, and a batch of files with many different odd
     * sample rates must not grow the cache without bound.
     */
    static final int MAX_CACHED_PLANS = 32;

    /** The (cached) filter stages from {@code sourceRate} to {@code targetRate}. */
    static ResamplingPlan plan(int sourceRate, int targetRate) {
        long key = ((long) sourceRate << 32) | targetRate;
        ResamplingPlan plan = PLANS.get(key);
        if (plan != null) {
            return plan;
        }
        if (PLANS.size() >= MAX_CACHED_PLANS) {
            PLANS.clear();   // rare: only unusual rates get here; the common pairs are designed again on next use
        }
        return PLANS.computeIfAbsent(key, k -> ResamplingPlan.design(sourceRate, targetRate,
                PASSBAND_EDGE_FRACTION, STOPBAND_ATTENUATION_DB + DESIGN_MARGIN_DB));
    }

    private static void requireRate(String name, int rate) {
        ParameterException.require(rate > 0 && rate <= MAX_RATE,
                name + " must be between 1 and " + MAX_RATE + " Hz, got " + rate);
    }
}
