package org.auscult.segmentation;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.AnalyticSignal;
import org.auscult.dsp.BandPassFilter;
import org.auscult.dsp.Resampler;

/**
 * The envelopes of a phonocardiogram that the segmentation reads, after Springer et al. (2016): the signal is
 * resampled to {@value #WORKING_RATE} Hz and band-passed to {@value #BAND_LOW_HZ}-{@value #BAND_HIGH_HZ} Hz
 * (zero-phase Butterworth, order 4), then
 * <ul>
 *   <li>the <b>Hilbert envelope</b> {@code a(t) = |x(t) + i H{x}(t)|}, the magnitude of the analytic signal;</li>
 *   <li>the <b>homomorphic envelope</b> {@code h(t) = exp(LPF_8Hz(ln a(t)))}, the Hilbert envelope with its fast
 *       (multiplicative) fluctuations removed by a zero-phase second-order Butterworth low-pass at 8 Hz in the log
 *       domain;</li>
 *   <li>the <b>Shannon energy</b> {@code s(t) = -y² ln y²} of {@code y = x / max|x|}, averaged over 20 ms, which
 *       emphasises medium intensities over the loudest peaks.</li>
 * </ul>
 * Each is averaged over blocks of 20 ms, giving {@value #ENVELOPE_RATE} values per second (value k covers
 * {@code [k/50, (k+1)/50)} s), and standardised to zero mean and unit variance over the recording.
 */
public final class Envelopes {

    /** Rate at which the envelopes are computed, Hz. */
    public static final int WORKING_RATE = 1000;
    /** Envelope values per second. */
    public static final int ENVELOPE_RATE = 50;
    public static final double BAND_LOW_HZ = 25;
    public static final double BAND_HIGH_HZ = 400;
    static final double HOMOMORPHIC_CUTOFF_HZ = 8;
    private static final int BLOCK = WORKING_RATE / ENVELOPE_RATE;
    private static final Resampler RESAMPLER = new Resampler();
    private static final BandPassFilter BAND = BandPassFilter.butterworth(BAND_LOW_HZ, BAND_HIGH_HZ, 4, WORKING_RATE);
    /** Split between the low and the high part of the band for {@link #pitch()}, Hz. */
    static final double PITCH_SPLIT_HZ = 100;
    private static final BandPassFilter LOW_PART = BandPassFilter.butterworth(BAND_LOW_HZ, PITCH_SPLIT_HZ, 2,
            WORKING_RATE);
    private static final BandPassFilter HIGH_PART = BandPassFilter.butterworth(PITCH_SPLIT_HZ, BAND_HIGH_HZ, 2,
            WORKING_RATE);

    private final double[] hilbert;
    private final double[] homomorphic;
    private final double[] shannon;
    private final double[] pitch;

    private Envelopes(double[] hilbert, double[] homomorphic, double[] shannon, double[] pitch) {
        this.pitch = pitch;
        this.hilbert = hilbert;
        this.homomorphic = homomorphic;
        this.shannon = shannon;
    }

    /** The envelopes of {@code clip}, at any sample rate of at least 1 kHz. */
    public static Envelopes of(AudioClip clip) {
        AudioClip working = clip.sampleRate() == WORKING_RATE ? clip : RESAMPLER.resample(clip, WORKING_RATE);
        float[] filtered = BAND.filter(working.samples());
        int n = filtered.length;
        double[] x = new double[n];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            x[i] = filtered[i];
            peak = Math.max(peak, Math.abs(x[i]));
        }
        if (peak == 0) {
            // silence has no envelope to standardise: all zero, which the heart-rate estimate reads as "no rhythm"
            int blocks = n / BLOCK;
            return new Envelopes(new double[blocks], new double[blocks], new double[blocks], new double[blocks]);
        }
        double[] analytic = AnalyticSignal.magnitude(x);
        double floor = 1e-12 + 1e-6 * peak;
        double[] logEnvelope = new double[n];
        for (int i = 0; i < n; i++) {
            logEnvelope[i] = Math.log(analytic[i] + floor);
        }
        double[] smoothLog = lowPassZeroPhase(logEnvelope, HOMOMORPHIC_CUTOFF_HZ, WORKING_RATE);
        double[] homomorphic = new double[n];
        double[] shannon = new double[n];
        for (int i = 0; i < n; i++) {
            homomorphic[i] = Math.exp(smoothLog[i]);
            double y = peak > 0 ? x[i] / peak : 0;
            double y2 = y * y;
            shannon[i] = y2 > 0 ? -y2 * Math.log(y2) : 0;
        }
        double[] hilbertEnvelope = standardise(blockMean(analytic, BLOCK));
        double[] homomorphicEnvelope = standardise(blockMean(homomorphic, BLOCK));
        double[] shannonEnergy = standardise(blockMean(shannon, BLOCK));
        double[] pitch = pitch(working.samples(), hilbertEnvelope, homomorphicEnvelope, shannonEnergy);
        return new Envelopes(hilbertEnvelope, homomorphicEnvelope, shannonEnergy, pitch);
    }

    /** Standardised Hilbert envelope, {@value #ENVELOPE_RATE} Hz. */
    public double[] hilbert() {
        return hilbert.clone();
    }

    /** Standardised homomorphic envelope, {@value #ENVELOPE_RATE} Hz. */
    public double[] homomorphic() {
        return homomorphic.clone();
    }

    /** Standardised Shannon energy, {@value #ENVELOPE_RATE} Hz. */
    public double[] shannon() {
        return shannon.clone();
    }

    /** Number of envelope values. */
    public int length() {
        return homomorphic.length;
    }

    /**
     * How much each envelope value looks like a heart sound: the mean of the three standardised envelopes,
     * {@code e = (a + h + s) / 3}.
     */
    public double[] soundScore() {
        double[] score = new double[length()];
        for (int i = 0; i < score.length; i++) {
            score[i] = (hilbert[i] + homomorphic[i] + shannon[i]) / 3;
        }
        return score;
    }

    /**
     * The pitch of each 20 ms block: {@code p = ln(E_high / E_low)}, the log ratio of the energies of the
     * {@value #PITCH_SPLIT_HZ}-400 Hz and 25-{@value #PITCH_SPLIT_HZ} Hz parts, standardised with the mean and standard
     * deviation over the blocks that sound like a heart sound (mean sound score above 0.5), so that within the
     * sounds a positive value is a higher-pitched sound (S2 is higher than S1).
     */
    private static double[] pitch(float[] working, double[] a, double[] h, double[] s) {
        double[] low = square(LOW_PART.filter(working));
        double[] high = square(HIGH_PART.filter(working));
        double[] lowEnergy = blockMean(low, BLOCK);
        double[] highEnergy = blockMean(high, BLOCK);
        int n = Math.min(a.length, lowEnergy.length);
        double[] ratio = new double[n];
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            ratio[i] = Math.log((highEnergy[i] + 1e-20) / (lowEnergy[i] + 1e-20));
            if ((a[i] + h[i] + s[i]) / 3 > 0.5) {
                sum += ratio[i];
                squares += ratio[i] * ratio[i];
                count++;
            }
        }
        if (count < 2) {
            return new double[n];
        }
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(1e-12, squares / count - mean * mean));
        for (int i = 0; i < n; i++) {
            ratio[i] = (ratio[i] - mean) / sd;
        }
        return ratio;
    }

    private static double[] square(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (double) x[i] * x[i];
        }
        return out;
    }

    /** Standardised pitch of each block within the heart sounds (see {@link #pitch(float[], double[], double[], double[])}). */
    public double[] pitch() {
        return pitch.clone();
    }

    /** The mean of each whole block of {@code block} values of {@code x}; a last, partial block is left out. */
    public static double[] blockMean(double[] x, int block) {
        double[] out = new double[x.length / block];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                sum += x[i];
            }
            out[b] = sum / block;
        }
        return out;
    }

    static double[] standardise(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, x.length));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
        return out;
    }

    /**
     * Zero-phase second-order Butterworth low-pass (bilinear design, {@code K = tan(π fc / fs)}), run forward and
     * backward over the signal extended by its edge values for three time constants on each side.
     */
    static double[] lowPassZeroPhase(double[] x, double cutoffHz, double sampleRate) {
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        double k = Math.tan(Math.PI * cutoffHz / sampleRate);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        double b0 = k * k * norm;
        double b1 = 2 * b0;
        double a1 = 2 * (k * k - 1) * norm;
        double a2 = (1 - Math.sqrt(2) * k + k * k) * norm;
        int pad = (int) Math.ceil(3 * sampleRate / cutoffHz);
        double[] work = new double[n + 2 * pad];
        for (int i = 0; i < work.length; i++) {
            work[i] = x[Math.min(n - 1, Math.max(0, i - pad))];
        }
        biquad(work, b0, b1, b0, a1, a2);
        reverse(work);
        biquad(work, b0, b1, b0, a1, a2);
        reverse(work);
        double[] out = new double[n];
        System.arraycopy(work, pad, out, 0, n);
        return out;
    }

    /** Direct form II transposed, starting from the steady state of a constant input equal to the first sample. */
    private static void biquad(double[] x, double b0, double b1, double b2, double a1, double a2) {
        double first = x[0];
        // steady state for constant input c with unity DC gain: output c, z1 = c - b0 c, z2 = b2 c - a2 c
        double z2 = (b2 - a2) * first;
        double z1 = first - b0 * first;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = b0 * in + z1;
            z1 = b1 * in - a1 * out + z2;
            z2 = b2 * in - a2 * out;
            x[i] = out;
        }
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
