package org.auscult.dsp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.WavDecoder;
import org.auscult.audio.WavFormat;

/**
 * What happens to a recording before any feature sees it: resampling to the analysis rate ({@link Resampler}),
 * then an optional zero-phase Butterworth band-pass ({@link BandPassFilter}). Recorded with every feature table
 * and model ({@link #toProperties()}), so that a model is only ever applied to audio conditioned the same way.
 *
 * <p>The defaults, 4000 Hz and a 25–900 Hz band-pass of order 4, were chosen by measurement on the PASCAL 2011
 * recordings: see docs/decisions/analysis-rate-and-filter.md.
 *
 * @param analysisRate rate every recording is resampled to, in Hz (1000 … 192000), or 0 to keep each recording's
 *                     own rate
 * @param bandLowHz    lower cut-off of the band-pass, Hz (−3 dB one pass, −6 dB forward-backward)
 * @param bandHighHz   upper cut-off, below the Nyquist frequency of the analysis rate
 * @param filterOrder  Butterworth order 1 … {@link BandPassFilter#MAX_ORDER}, or 0 for no band-pass; with 0 the
 *                     band is irrelevant and is stored as 0–0 Hz, so equal settings compare equal
 */
public record SignalConditioning(int analysisRate, double bandLowHz, double bandHighHz, int filterOrder) {

    /** Property key of {@link #analysisRate()}: an integer in Hz, or {@value #NATIVE} for 0. */
    public static final String ANALYSIS_RATE = "analysis.rate";
    /** Property key of {@link #bandLowHz()}. */
    public static final String BANDPASS_LOW = "bandpass.low";
    /** Property key of {@link #bandHighHz()}. */
    public static final String BANDPASS_HIGH = "bandpass.high";
    /** Property key of {@link #filterOrder()}. */
    public static final String BANDPASS_ORDER = "bandpass.order";
    /** Property value of an analysis rate of 0: keep each recording's own rate. */
    public static final String NATIVE = "native";

    public static final int MIN_ANALYSIS_RATE = 1000;
    public static final int MAX_ANALYSIS_RATE = 192_000;

    private static final Resampler RESAMPLER = new Resampler();

    public SignalConditioning {
        ParameterException.require(analysisRate == 0
                        || (analysisRate >= MIN_ANALYSIS_RATE && analysisRate <= MAX_ANALYSIS_RATE),
                ANALYSIS_RATE + " (analysisRate) must be 0 (keep each recording's rate) or between "
                        + MIN_ANALYSIS_RATE + " and " + MAX_ANALYSIS_RATE + " Hz, got " + analysisRate);
        ParameterException.require(filterOrder >= 0 && filterOrder <= BandPassFilter.MAX_ORDER,
                BANDPASS_ORDER + " (filterOrder) must be 0 (no band-pass) or between 1 and "
                        + BandPassFilter.MAX_ORDER + ", got " + filterOrder);
        if (filterOrder == 0) {
            bandLowHz = 0;
            bandHighHz = 0;
        } else {
            ParameterException.require(Double.isFinite(bandLowHz) && bandLowHz > 0,
                    BANDPASS_LOW + " (bandLowHz) must be a number > 0 Hz, got " + bandLowHz);
            ParameterException.require(Double.isFinite(bandHighHz) && bandHighHz > bandLowHz,
                    BANDPASS_HIGH + " (bandHighHz) must be a number above " + BANDPASS_LOW + " (" + bandLowHz
                            + " Hz), got " + bandHighHz);
            ParameterException.require(analysisRate == 0 || bandHighHz < analysisRate / 2.0,
                    BANDPASS_HIGH + " (bandHighHz) must be below the Nyquist frequency of " + ANALYSIS_RATE
                            + " (" + analysisRate / 2.0 + " Hz at " + analysisRate + " Hz), got " + bandHighHz);
        }
    }

    /** 4000 Hz, band-pass 25–900 Hz of order 4 (see the class comment). */
    public static SignalConditioning defaults() {
        return new SignalConditioning(4000, 25, 900, 4);
    }

    /** Nothing at all: each recording at its own rate, unfiltered. */
    public static SignalConditioning none() {
        return new SignalConditioning(0, 0, 0, 0);
    }

    /** The same band-pass at another analysis rate (0: native). */
    public SignalConditioning withAnalysisRate(int rate) {
        return new SignalConditioning(rate, bandLowHz, bandHighHz, filterOrder);
    }

    /** The same analysis rate with another band-pass. */
    public SignalConditioning withBandPass(double lowHz, double highHz, int order) {
        return new SignalConditioning(analysisRate, lowHz, highHz, order);
    }

    /** The same analysis rate without a band-pass. */
    public SignalConditioning withoutBandPass() {
        return new SignalConditioning(analysisRate, 0, 0, 0);
    }

    /** Whether a band-pass is applied. */
    public boolean filters() {
        return filterOrder > 0;
    }

    /**
     * Resamples {@code clip} to the analysis rate (unless it is 0 or already matches), then band-passes it:
     * {@code bandPass(resample(clip))}.
     *
     * @throws ParameterException when the analysis rate is native and the band reaches the clip's Nyquist frequency
     */
    public AudioClip apply(AudioClip clip) {
        return bandPass(resample(clip));
    }

    /** {@code clip} at the analysis rate, not yet band-passed: the first half of {@link #apply}. */
    public AudioClip resample(AudioClip clip) {
        return analysisRate == 0 ? clip : RESAMPLER.resample(clip, analysisRate);
    }

    /**
     * {@code resampled} (a clip at the analysis rate, from {@link #resample}) band-passed: the second half of
     * {@link #apply}.
     *
     * @throws ParameterException when the analysis rate is native and the band reaches the clip's Nyquist frequency
     */
    public AudioClip bandPass(AudioClip resampled) {
        if (!filters()) {
            return resampled;
        }
        int rate = resampled.sampleRate();
        ParameterException.require(bandHighHz < rate / 2.0, BANDPASS_HIGH + " = " + bandHighHz
                + " Hz must be below the Nyquist frequency (" + rate / 2.0 + " Hz) of a " + rate
                + " Hz recording; set " + ANALYSIS_RATE + " or lower " + BANDPASS_HIGH);
        return BandPassFilter.butterworth(bandLowHz, bandHighHz, filterOrder, rate).apply(resampled);
    }

    /**
     * Decodes {@code file} straight to the analysis rate, without the band-pass: the WAV data chunk is read in
     * blocks, each block downmixed and pushed through a {@link StreamingResampler}, so the recording at its own rate
     * never exists as one array. Peak memory is the analysis-rate clip plus about a second of input
     * ({@link #decodeBytes}): an hour at 44.1 kHz takes 58 MB at 4 kHz instead of 635 MB at its own rate. The clip
     * is bit for bit what {@code apply}'s resampling of a full {@link WavDecoder#decode} gives, and the levels are
     * measured on the samples at the file's rate as they stream past; {@link #apply} then only band-passes.
     *
     * <p>With an analysis rate of 0, or one the file already has, this is a plain {@link WavDecoder#decode}. A FLAC or
     * MP3 recording is decoded whole at its own rate first ({@link RecordingDecoder#stream}), then resampled the same
     * way.
     *
     * @throws UnreadableAudioException naming the file, when it cannot be decoded or its clip at the analysis rate
     *                                  cannot exist in this JVM
     */
    public DecodedAudio decode(RecordingDecoder decoder, Path file) throws UnreadableAudioException {
        if (analysisRate == 0) {
            return decoder.decode(file);
        }
        StreamingResampler[] resampler = new StreamingResampler[1];
        float[][] direct = new float[1][];
        int[] filled = new int[1];
        WavDecoder.Streamed streamed = decoder.stream(file, new WavDecoder.BlockSink() {
            @Override
            public void start(WavFormat format) throws UnreadableAudioException {
                long length = analysisLength(format);
                if (length > Resampler.MAX_OUTPUT_LENGTH) {
                    throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the recording is too long:"
                            + " %d samples at %d Hz, more than one array holds (%d); split it into shorter files",
                            length, analysisRate, Resampler.MAX_OUTPUT_LENGTH));
                }
                try {
                    if (format.sampleRate() == analysisRate) {
                        direct[0] = new float[(int) length];
                    } else {
                        resampler[0] = new StreamingResampler(format.sampleRate(), analysisRate, format.frameCount());
                    }
                } catch (OutOfMemoryError e) {
                    // Safe to recover: the one large allocation failed as a whole, nothing was left half-built.
                    throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the recording is too long to"
                            + " analyse in memory: %.0f s at %d Hz need %d MB, the Java heap allows %d MB in all"
                            + " (raise it with -Xmx, or split the recording)", format.durationSeconds(), analysisRate,
                            decodeBytes(format) >> 20, Runtime.getRuntime().maxMemory() >> 20));
                }
            }

            @Override
            public void accept(float[] samples, int count) {
                if (resampler[0] != null) {
                    resampler[0].accept(samples, count);
                } else {
                    System.arraycopy(samples, 0, direct[0], filled[0], count);
                    filled[0] += count;
                }
            }
        });
        float[] samples = resampler[0] != null ? resampler[0].finish() : direct[0];
        return new DecodedAudio(new AudioClip(samples, analysisRate), streamed.format(), streamed.warnings(),
                streamed.levels());
    }

    /** Samples of a recording of {@code format} at the analysis rate (its own rate when that is 0). */
    public long analysisLength(WavFormat format) {
        return analysisRate == 0 || analysisRate == format.sampleRate() ? format.frameCount()
                : Resampler.outputLength(format.frameCount(), format.sampleRate(), analysisRate);
    }

    /** The analysis rate a recording of {@code format} is analysed at. */
    public int analysisRate(WavFormat format) {
        return analysisRate == 0 ? format.sampleRate() : analysisRate;
    }

    /**
     * Bytes {@link #decode} followed by {@link #apply} hold at their peak for a recording of {@code format}: the
     * clip at the analysis rate, the band-passed copy and the band-pass's double-precision work array (both 
     * padded by at most a second), and the streaming buffers; for an analysis rate of 0, the clip at the file's
     * own rate plus one read block instead of the streaming buffers. A FLAC or MP3 recording is decoded whole at its
     * own rate before it streams on, so its samples at that rate are added.
     */
    public long decodeBytes(WavFormat format) {
        long samples = analysisLength(format);
        int rate = analysisRate(format);
        long filtered = filters() ? (long) Float.BYTES * samples + (long) Double.BYTES * (samples + 2L * rate) : 0;
        long working = analysisRate == 0 || analysisRate == format.sampleRate()
                ? 4L << 20
                : StreamingResampler.workingBytes(format.sampleRate(), analysisRate,
                        (int) Math.min(Integer.MAX_VALUE, format.frameCount()));
        long whole = format.container() == WavFormat.Container.WAV || analysisRate == 0 ? 0
                : (long) Float.BYTES * format.frameCount();
        return (long) Float.BYTES * samples + filtered + Math.min(working, 64L << 20) + whole;
    }

    /** The four settings as text, keyed {@value #ANALYSIS_RATE}, {@value #BANDPASS_LOW}, {@value #BANDPASS_HIGH},
     *  {@value #BANDPASS_ORDER}; numbers in Java's round-trip notation. */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ANALYSIS_RATE, analysisRate == 0 ? NATIVE : Integer.toString(analysisRate));
        properties.put(BANDPASS_LOW, Double.toString(bandLowHz));
        properties.put(BANDPASS_HIGH, Double.toString(bandHighHz));
        properties.put(BANDPASS_ORDER, Integer.toString(filterOrder));
        return properties;
    }

    /**
     * Reads the settings written by {@link #toProperties()}. Other keys are ignored (the map may hold a whole
     * feature configuration); a missing key takes its value from {@link #defaults()}.
     *
     * @throws ParameterException naming the key when a value is not a number or out of range
     */
    public static SignalConditioning of(Map<String, String> properties) {
        SignalConditioning defaults = defaults();
        String rateText = properties.get(ANALYSIS_RATE);
        int rate = rateText == null ? defaults.analysisRate()
                : NATIVE.equalsIgnoreCase(rateText.trim()) ? 0 : parseInt(ANALYSIS_RATE, rateText);
        int order = properties.containsKey(BANDPASS_ORDER)
                ? parseInt(BANDPASS_ORDER, properties.get(BANDPASS_ORDER)) : defaults.filterOrder();
        double low = properties.containsKey(BANDPASS_LOW)
                ? parseDouble(BANDPASS_LOW, properties.get(BANDPASS_LOW)) : defaults.bandLowHz();
        double high = properties.containsKey(BANDPASS_HIGH)
                ? parseDouble(BANDPASS_HIGH, properties.get(BANDPASS_HIGH)) : defaults.bandHighHz();
        return new SignalConditioning(rate, low, high, order);
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(key + " must be an integer" + (key.equals(ANALYSIS_RATE)
                    ? " number of Hz or '" + NATIVE + "'" : "") + ", got '" + text + "'");
        }
    }

    private static double parseDouble(String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(key + " must be a number of Hz, got '" + text + "'");
        }
    }
}
