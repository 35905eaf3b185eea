package org.auscult.analysis;

import java.util.Locale;
import org.auscult.dsp.Fft;
import org.auscult.dsp.ParameterException;
import org.auscult.dsp.Window;

/**
 * Measurements of one selection, a stretch of a recording between two times and two frequencies, as sound-analysis
 * tools report them for a box drawn on a spectrogram.
 *
 * <p>The stretch {@code x[n]}, {@code n = round(begin fs) .. round(end fs) - 1}, is cut into Hann-windowed frames of
 * {@code N} samples (the largest power of two up to {@value #MAX_FRAME} that fits the stretch, at least
 * {@value #MIN_FRAME}; a shorter stretch is zero-padded to it) with a hop of {@code N/2}. With
 * {@code P_m[k] = |X_m[k]|^2} the power spectrum of frame m, {@code w} the window and the band the bins
 * {@code k} with {@code low <= k fs / N <= high}:
 * <ul>
 *   <li>{@code peakFrequency = argmax_k sum_m P_m[k]} over the band, in Hz (resolution {@code fs / N});</li>
 *   <li>{@code centreFrequency}: the bin where the band's power, summed from {@code low} upwards, first reaches half
 *       its total;</li>
 *   <li>{@code peakTime}: the centre of the frame with the most power in the band, in seconds from the recording's
 *       start, from the same analysis with frames of about {@value #PEAK_TIME_FRAME_SECONDS} s (so the time is
 *       known to a few tens of milliseconds while the frequencies come from the long frames);</li>
 *   <li>{@code levelDbfs = 10 log10( mean_m [ 2 sum_{k in band} P_m[k] ] / (N sum_n w[n]^2) )}: the mean square of
 *       the band's part of the signal (Parseval's theorem for windowed frames; the factor 2 counts the negative
 *       frequencies), in dB relative to full scale as {@code RecordingInfo}'s RMS level. A sine of amplitude A
 *       inside the band reads {@code 20 log10(A / sqrt 2)}; over the whole band it reads the stretch's RMS
 *       level.</li>
 * </ul>
 *
 * @param beginSeconds    start of the stretch
 * @param endSeconds      end of the stretch
 * @param lowHz           lower frequency bound
 * @param highHz          upper frequency bound
 * @param peakFrequencyHz the band's loudest frequency
 * @param centreFrequencyHz the frequency that halves the band's power
 * @param peakTimeSeconds when the band is loudest
 * @param levelDbfs       the band's mean-square level, dBFS (-Infinity for silence)
 */
public record SelectionMeasurement(double beginSeconds, double endSeconds, double lowHz, double highHz,
                                   double peakFrequencyHz, double centreFrequencyHz, double peakTimeSeconds,
                                   double levelDbfs) {

    /** The longest analysis frame, in samples: at 4 kHz a 1 Hz resolution. */
    public static final int MAX_FRAME = 4096;
    /** The shortest analysis frame, in samples. */
    public static final int MIN_FRAME = 64;
    /** The frame length that times the peak, seconds (rounded down to a power of two of samples). */
    public static final double PEAK_TIME_FRAME_SECONDS = 0.032;

    /** The selection's duration, seconds. */
    public double durationSeconds() {
        return endSeconds - beginSeconds;
    }

    /**
     * Measures {@code [beginSeconds, endSeconds) x [lowHz, highHz]} of {@code samples} at {@code sampleRate}.
     *
     * @throws ParameterException when the stretch is empty or outside the recording, or the band is empty or
     *                            outside 0 .. sampleRate / 2
     */
    public static SelectionMeasurement measure(float[] samples, int sampleRate, double beginSeconds,
                                               double endSeconds, double lowHz, double highHz) {
        ParameterException.require(sampleRate > 0, "sample rate must be positive, got " + sampleRate);
        int from = (int) Math.round(beginSeconds * sampleRate);
        int to = (int) Math.min(samples.length, Math.round(endSeconds * sampleRate));
        ParameterException.require(from >= 0 && to > from, String.format(Locale.ROOT,
                "the selection %.3f-%.3f s holds no samples of a %.3f s recording", beginSeconds, endSeconds,
                samples.length / (double) sampleRate));
        double nyquist = sampleRate / 2.0;
        ParameterException.require(lowHz >= 0 && highHz <= nyquist + 1e-9 && highHz > lowHz, String.format(
                Locale.ROOT, "the band %.1f-%.1f Hz is empty or outside 0-%.1f Hz", lowHz, highHz, nyquist));
        int length = to - from;
        int fine = frameFor(length, MAX_FRAME);
        Spectra spectra = spectra(samples, from, to, fine, sampleRate, lowHz, highHz);
        int peakBin = spectra.lowBin;
        for (int k = spectra.lowBin; k <= spectra.highBin; k++) {
            if (spectra.summed[k] > spectra.summed[peakBin]) {
                peakBin = k;
            }
        }
        int centreBin = spectra.lowBin;
        double running = 0;
        for (int k = spectra.lowBin; k <= spectra.highBin; k++) {
            running += spectra.summed[k];
            if (running >= spectra.bandTotal / 2) {
                centreBin = k;
                break;
            }
        }
        // when: short frames, so the time is known to a few tens of milliseconds
        int shortFrame = frameFor(length, Integer.highestOneBit(Math.max(MIN_FRAME,
                (int) (PEAK_TIME_FRAME_SECONDS * sampleRate))));
        double peakTime = spectra(samples, from, to, shortFrame, sampleRate, lowHz, highHz).peakTime;
        double meanSquare = 2 * spectra.bandTotal / spectra.frames / (fine * spectra.windowEnergy);
        double binHz = sampleRate / (double) fine;
        return new SelectionMeasurement(from / (double) sampleRate, to / (double) sampleRate, lowHz, highHz,
                peakBin * binHz, centreBin * binHz, peakTime, 10 * Math.log10(meanSquare));
    }

    /** The frames' summed power spectrum over a band, their total band power and the centre of the loudest. */
    private record Spectra(int lowBin, int highBin, double[] summed, double bandTotal, int frames,
                           double windowEnergy, double peakTime) {
    }

    /** The largest power of two up to {@code limit} that fits {@code length}, at least {@value #MIN_FRAME}. */
    private static int frameFor(int length, int limit) {
        int frame = MIN_FRAME;
        while (frame * 2 <= Math.min(length, limit)) {
            frame *= 2;
        }
        return frame;
    }

    private static Spectra spectra(float[] samples, int from, int to, int frame, int sampleRate, double lowHz,
                                   double highHz) {
        int hop = frame / 2;
        double[] window = Window.HANN.coefficients(frame);
        double windowEnergy = 0;
        for (double w : window) {
            windowEnergy += w * w;
        }
        int lowBin = (int) Math.ceil(lowHz * frame / sampleRate - 1e-9);
        int highBin = (int) Math.floor(highHz * frame / sampleRate + 1e-9);
        ParameterException.require(highBin >= lowBin, String.format(Locale.ROOT,
                "the band %.1f-%.1f Hz is narrower than one frequency step (%.2f Hz)", lowHz, highHz,
                sampleRate / (double) frame));
        Fft fft = new Fft(frame);
        double[] input = new double[frame];
        double[] power = new double[frame / 2 + 1];
        double[] summed = new double[frame / 2 + 1];
        int length = to - from;
        int frames = Math.max(1, 1 + (length - frame + hop - 1) / hop);
        double bandTotal = 0;
        double loudest = -1;
        double peakTime = from / (double) sampleRate;
        for (int m = 0; m < frames; m++) {
            int start = from + m * hop;
            for (int n = 0; n < frame; n++) {
                int index = start + n;
                input[n] = index < to ? samples[index] * window[n] : 0;
            }
            fft.powerSpectrum(input, power);
            double band = 0;
            for (int k = lowBin; k <= highBin; k++) {
                summed[k] += power[k];
                band += power[k];
            }
            bandTotal += band;
            if (band > loudest) {
                loudest = band;
                peakTime = (start + Math.min(frame, to - start) / 2.0) / sampleRate;
            }
        }
        return new Spectra(lowBin, highBin, summed, bandTotal, frames, windowEnergy, peakTime);
    }
}
