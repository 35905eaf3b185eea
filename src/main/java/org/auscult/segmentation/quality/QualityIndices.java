package org.auscult.segmentation.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.AnalyticSignal;
import org.auscult.dsp.BandPassFilter;
import org.auscult.dsp.Fft;
import org.auscult.dsp.Resampler;
import org.auscult.segmentation.Envelopes;

/**
 * Signal-quality indices of each second of a phonocardiogram, after the indices Springer et al. (2014, "Automated
 * signal quality assessment of mobile phone-recorded heart sound signals"), Tang et al. (2021, "Automated heart sound
 * quality assessment") and the pyPCG toolbox validated on whole recordings, computed here on one second each (the
 * periodicity and the sample entropy on a short window around it, because a heart cycle lasts up to 1.5 s).
 *
 * <p>The recording is resampled to {@code R = min(}{@value #WORKING_RATE}{@code , fs)} Hz; {@code b} is its
 * 25-400 Hz band (zero-phase Butterworth, order 4) and {@code e[k]} the mean of the Hilbert envelope {@code |b + iH{b}|}
 * over 20 ms blocks (50 values per second). Second {@code i} covers {@code [i, i+1)} s; its context window {@code W}
 * covers {@code [i-2, i+3)} s clipped to the recording. The indices, in the order of {@link #NAMES}:
 * <ol>
 *   <li><b>periodicity</b>: {@code max_L ρ(L)} over lags L of 0.4-1.5 s (40-150 bpm) of the Pearson correlation
 *       between {@code e[t]} and {@code e[t+L]} within W. A synthetic click train gives above 0.8 and white noise below
 *       0.45; on CirCor the annotated seconds have a median of 0.46 (0.23-0.75 for the middle 80 %), the unannotated
 *       ones 0.33. Springer's "degree of periodicity", on a 5 s window.</li>
 *   <li><b>sample entropy</b> {@code SampEn(m=2, r=0.2·sd) = −ln(A/B)} of {@code e} within W, B the pairs of
 *       2-value templates and A of 3-value templates within r (Chebyshev distance), self-matches excluded; capped
 *       at {@value #MAX_ENTROPY} when no 3-value template matches. Regular beats are predictable (low); noise is not.</li>
 *   <li><b>kurtosis</b> {@code ln(m4 / m2²)} of {@code b} within the second (m the central moments): 3 (ln 1.10) for
 *       Gaussian noise, 1.5 (ln 0.41) for a sine, far above 3 for short heart sounds over quiet gaps.</li>
 *   <li><b>envelope spread</b> {@code ln((P90(e) + ε) / (P10(e) + ε))} over the 50 envelope values of the second, ε =
 *       1e-9: sounds standing out of quiet gaps give a wide spread, stationary noise a narrow one.</li>
 *   <li><b>low/high band ratio</b> {@code ln(E[25,100] / E[100,400])} from the Hann-windowed power spectrum of the
 *       second: S1 and S2 hold most of their energy below 100 Hz; murmurs, speech and friction sit higher.</li>
 *   <li><b>out-of-band ratio</b> {@code ln(E[400, min(800, 0.4·R)] / E[25,400])}: speech, hiss and rubbing reach far
 *       above the heart-sound band (800 Hz is where the resampler's pass band ends at 2 kHz; for R = 1 kHz the band
 *       is empty and the ratio very low).</li>
 *   <li><b>infrasound ratio</b> {@code ln(E[0,25] / E[25,400])}: stethoscope movement and breathing thumps are mostly
 *       below 25 Hz.</li>
 *   <li><b>clipping</b>: the fraction of the second's samples (at the original rate) that lie in runs of at least
 *       {@value #CLIP_RUN} consecutive samples with {@code |x| ≥ 0.98·max|x|} over the recording: a clipped
 *       waveform has flat tops at its extreme; a clean recording reaches its maximum only at a few isolated samples.</li>
 *   <li><b>relative level</b> {@code ln(rms_i(b) / median_j rms_j(b))}: a second far louder than the recording's
 *       median (a bump, a cough) or far quieter (the stethoscope lifted).</li>
 *   <li><b>absolute level</b> {@code 20·log10(rms_i(b))} dBFS, floored at −120.</li>
 *   <li><b>silence</b>: the fraction of the second's 20 ms blocks whose band RMS is below {@value #SILENCE_RMS}
 *       (one quantisation step of 16-bit audio): digital silence or a disconnected microphone.</li>
 * </ol>
 * An index that cannot be measured (a flat envelope has no correlation) takes the value of no evidence noted at its
 * computation, never NaN. Stateless and thread-safe.
 */
public final class QualityIndices {

    /** Rate at which the indices are computed, Hz (lower for recordings sampled below it). */
    public static final int WORKING_RATE = 2000;
    /** Envelope values per second. */
    public static final int ENVELOPE_RATE = 50;
    /** Seconds of context before a second for the periodicity and the entropy. */
    public static final int CONTEXT_BEFORE = 2;
    /** Seconds of context after the start of a second. */
    public static final int CONTEXT_AFTER = 3;
    public static final double MIN_CYCLE_SECONDS = 0.4;
    public static final double MAX_CYCLE_SECONDS = 1.5;
    /** Sample entropy when no longer template matches: about ln(250²), the most a 5 s window can show. */
    public static final double MAX_ENTROPY = 4;
    /** Coefficient of variation under which an envelope is flat (no beats). */
    public static final double FLAT_ENVELOPE = 0.1;
    /** Shortest run of near-extreme samples counted as clipping. */
    public static final int CLIP_RUN = 3;
    public static final double CLIP_FRACTION_OF_PEAK = 0.98;
    /** Band RMS under which a 20 ms block is silent: 1 / 32768. */
    public static final double SILENCE_RMS = 1.0 / 32768;

    public static final List<String> NAMES = List.of("periodicity", "sample_entropy", "kurtosis", "envelope_spread",
            "low_high_ratio", "out_of_band_ratio", "infrasound_ratio", "clipping", "relative_level", "absolute_level",
            "silence");
    public static final int PERIODICITY = 0;
    public static final int SAMPLE_ENTROPY = 1;
    public static final int KURTOSIS = 2;
    public static final int ENVELOPE_SPREAD = 3;
    public static final int LOW_HIGH_RATIO = 4;
    public static final int OUT_OF_BAND_RATIO = 5;
    public static final int INFRASOUND_RATIO = 6;
    public static final int CLIPPING = 7;
    public static final int RELATIVE_LEVEL = 8;
    public static final int ABSOLUTE_LEVEL = 9;
    public static final int SILENCE = 10;

    private static final double TINY = 1e-20;
    private static final Resampler RESAMPLER = new Resampler();
    private static final Map<Integer, BandPassFilter> BANDS = new ConcurrentHashMap<>();

    private QualityIndices() {
    }

    /**
     * The indices of each whole second of {@code clip}: {@code result[i][j]} is index j ({@link #NAMES}) of second i.
     * A recording shorter than one second has none; a last part shorter than a second is not measured.
     */
    public static double[][] of(AudioClip clip) {
        return of(clip, clip);
    }

    /**
     * As {@link #of(AudioClip)}, given also {@code resampled}: {@code clip} already resampled, which serves when it
     * is at the working rate ({@value #WORKING_RATE} Hz, or {@code clip}'s own rate when lower) instead of resampling
     * {@code clip} again. The analysis has it at hand ({@code SignalConditioning.resample}, the same resampler).
     */
    public static double[][] of(AudioClip clip, AudioClip resampled) {
        Objects.requireNonNull(clip, "clip");
        int seconds = (int) Math.floor(clip.durationSeconds());
        if (seconds == 0) {
            return new double[0][];
        }
        int rate = Math.min(WORKING_RATE, clip.sampleRate());
        AudioClip working = clip.sampleRate() == rate ? clip
                : resampled.sampleRate() == rate ? resampled : RESAMPLER.resample(clip, rate);
        BandPassFilter band = BANDS.computeIfAbsent(rate,
                r -> BandPassFilter.butterworth(25, Math.min(400, 0.45 * r), 4, r));
        float[] raw = working.samples();
        float[] filtered = band.filter(raw);
        double[] b = new double[filtered.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = filtered[i];
        }
        double[] envelope = Envelopes.blockMean(AnalyticSignal.magnitude(b), rate / ENVELOPE_RATE);
        double[] clipping = clippingPerSecond(clip, seconds);
        double[] rms = new double[seconds];
        Arrays.setAll(rms, s -> Math.sqrt(meanSquare(b, s * rate, (s + 1) * rate)));
        double medianRms = median(rms);
        int fftSize = Integer.highestOneBit(rate - 1) << 1;
        Fft fft = new Fft(fftSize);
        double[] hann = hann(rate);
        double[] frame = new double[fftSize];
        double[] power = new double[fftSize / 2 + 1];
        double[][] out = new double[seconds][];
        for (int s = 0; s < seconds; s++) {
            double[] v = new double[NAMES.size()];
            int from = Math.max(0, s - CONTEXT_BEFORE) * ENVELOPE_RATE;
            int to = Math.min(envelope.length, (s + CONTEXT_AFTER) * ENVELOPE_RATE);
            double[] context = Arrays.copyOfRange(envelope, from, Math.max(from, to));
            double[] own = Arrays.copyOfRange(envelope, Math.min(envelope.length, s * ENVELOPE_RATE),
                    Math.min(envelope.length, (s + 1) * ENVELOPE_RATE));
            v[PERIODICITY] = periodicity(context, ENVELOPE_RATE);
            v[SAMPLE_ENTROPY] = sampleEntropy(context, 2, 0.2);
            v[KURTOSIS] = Math.log(kurtosis(b, s * rate, (s + 1) * rate));
            v[ENVELOPE_SPREAD] = Math.log((percentile(own, 0.9) + 1e-9) / (percentile(own, 0.1) + 1e-9));
            Arrays.fill(frame, 0);
            double mean = 0;
            for (int i = 0; i < rate; i++) {
                mean += raw[s * rate + i];
            }
            mean /= rate;
            for (int i = 0; i < rate; i++) {
                frame[i] = (raw[s * rate + i] - mean) * hann[i];
            }
            fft.powerSpectrum(frame, power);
            double hz = rate / (double) fftSize;
            double infra = bandEnergy(power, hz, 0, 25);
            double low = bandEnergy(power, hz, 25, 100);
            double high = bandEnergy(power, hz, 100, 400);
            double outside = bandEnergy(power, hz, 400, Math.min(800, 0.4 * rate));
            v[LOW_HIGH_RATIO] = Math.log((low + TINY) / (high + TINY));
            v[OUT_OF_BAND_RATIO] = Math.log((outside + TINY) / (low + high + TINY));
            v[INFRASOUND_RATIO] = Math.log((infra + TINY) / (low + high + TINY));
            v[CLIPPING] = clipping[s];
            v[RELATIVE_LEVEL] = Math.log((rms[s] + 1e-12) / (medianRms + 1e-12));
            v[ABSOLUTE_LEVEL] = Math.max(-120, 20 * Math.log10(rms[s] + 1e-12));
            v[SILENCE] = silence(b, s * rate, rate);
            out[s] = v;
        }
        return out;
    }

    /**
     * {@code max ρ(L)} for L in [0.4 s, 1.5 s] (lags with at least one second of overlap), ρ the Pearson correlation of
     * the overlapping parts; 0 when no lag fits or the envelope is flat.
     */
    static double periodicity(double[] e, int rate) {
        int n = e.length;
        int minLag = (int) Math.round(MIN_CYCLE_SECONDS * rate);
        int maxLag = Math.min((int) Math.round(MAX_CYCLE_SECONDS * rate), n - rate);
        double sum = 0;
        double squares = 0;
        for (double v : e) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / Math.max(1, n);
        double sd = Math.sqrt(Math.max(0, squares / Math.max(1, n) - mean * mean));
        if (!(sd >= FLAT_ENVELOPE * mean) || mean <= 0) {
            return 0;
        }
        double best = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            int m = n - lag;
            double sa = 0;
            double sb = 0;
            for (int t = 0; t < m; t++) {
                sa += e[t];
                sb += e[t + lag];
            }
            double ma = sa / m;
            double mb = sb / m;
            double cov = 0;
            double va = 0;
            double vb = 0;
            for (int t = 0; t < m; t++) {
                double a = e[t] - ma;
                double b = e[t + lag] - mb;
                cov += a * b;
                va += a * a;
                vb += b * b;
            }
            if (va > 0 && vb > 0) {
                best = Math.max(best, cov / Math.sqrt(va * vb));
            }
        }
        return best;
    }

    /**
     * {@code SampEn(m, r·sd) = −ln(A / B)}; 0 for a flat series (perfectly predictable) and {@value #MAX_ENTROPY}
     * when B or A is zero.
     */
    static double sampleEntropy(double[] x, int m, double rFraction) {
        int n = x.length;
        if (n <= m + 1) {
            return MAX_ENTROPY;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n);
        if (sd == 0) {
            return 0;
        }
        double r = rFraction * sd;
        long b = 0;
        long a = 0;
        int templates = n - m; // the same number of m- and (m+1)-templates, as in Richman and Moorman
        for (int i = 0; i < templates; i++) {
            for (int j = i + 1; j < templates; j++) {
                boolean match = true;
                for (int k = 0; k < m && match; k++) {
                    match = Math.abs(x[i + k] - x[j + k]) <= r;
                }
                if (match) {
                    b++;
                    if (Math.abs(x[i + m] - x[j + m]) <= r) {
                        a++;
                    }
                }
            }
        }
        if (a == 0 || b == 0) {
            return MAX_ENTROPY;
        }
        return Math.min(MAX_ENTROPY, -Math.log(a / (double) b));
    }

    /** {@code m4 / m2²} of {@code x[from, to)}; 1 (the least possible) for a constant stretch. */
    static double kurtosis(double[] x, int from, int to) {
        int n = to - from;
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (int i = from; i < to; i++) {
            double d = (x[i] - mean) * (x[i] - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= n;
        m4 /= n;
        return m2 > 0 ? m4 / (m2 * m2) : 1;
    }

    /** The fraction of {@code clip}'s samples in each whole second that belong to a flat top at the extreme. */
    static double[] clippingPerSecond(AudioClip clip, int seconds) {
        float[] x = clip.samples();
        int fs = clip.sampleRate();
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        double[] fraction = new double[seconds];
        if (peak == 0) {
            return fraction;
        }
        double level = CLIP_FRACTION_OF_PEAK * peak;
        int n = Math.min(x.length, seconds * fs);
        int runStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean high = i < n && Math.abs(x[i]) >= level;
            if (high && runStart < 0) {
                runStart = i;
            } else if (!high && runStart >= 0) {
                if (i - runStart >= CLIP_RUN) {
                    for (int k = runStart; k < i; k++) {
                        fraction[k / fs] += 1.0 / fs;
                    }
                }
                runStart = -1;
            }
        }
        return fraction;
    }

    private static double silence(double[] b, int from, int rate) {
        int block = rate / ENVELOPE_RATE;
        long silent = IntStream.range(0, ENVELOPE_RATE)
                .filter(k -> Math.sqrt(meanSquare(b, from + k * block, from + (k + 1) * block)) < SILENCE_RMS).count();
        return silent / (double) ENVELOPE_RATE;
    }

    private static double meanSquare(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return to > from ? sum / (to - from) : 0;
    }

    private static double bandEnergy(double[] power, double hzPerBin, double lowHz, double highHz) {
        double sum = 0;
        int from = (int) Math.ceil(lowHz / hzPerBin);
        int to = Math.min(power.length - 1, (int) Math.floor(highHz / hzPerBin));
        for (int k = from; k <= to; k++) {
            if (k * hzPerBin < highHz || k == from) {
                sum += power[k];
            }
        }
        return sum;
    }

    private static double[] hann(int n) {
        double[] w = new double[n];
        Arrays.setAll(w, i -> 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
        return w;
    }

    /** Linear-interpolated quantile q of {@code x}; 0 for an empty array. */
    public static double percentile(double[] x, double q) {
        if (x.length == 0) {
            return 0;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    static double median(double[] x) {
        return percentile(x, 0.5);
    }
}
