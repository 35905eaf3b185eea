package org.auscult.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a recording is and what is wrong with it, for people: format, duration, level, DC offset, clipping, and a
 * list of problems (the decoder's warnings followed by findings about the signal).
 *
 * <p>Measures over the N mono samples x[n] (the downmix, so clipping in only one of several channels is diluted):
 * <ul>
 *   <li>peak level {@code 20 log10(max |x[n]|)} dBFS; RMS level {@code 20 log10(sqrt(sum x[n]^2 / N))} dBFS
 *       (a full-scale sine reads -3.01 dBFS RMS; silence reads -infinity);</li>
 *   <li>DC offset: the mean {@code sum x[n] / N}, in full-scale units;</li>
 *   <li>clipped fraction: the share of samples with {@code |x[n]| >= (2^(b-1) - 1) / 2^(b-1)}, the largest code
 *       of b valid bits (for float files {@code |x[n]| >= 1}).</li>
 * </ul>
 *
 * <p>Problem thresholds, chosen on the 832 PASCAL and 16 CirCor recordings (see docs/decisions/recording-info.md):
 * peak below {@value #SILENT_PEAK_DBFS} dBFS is "silent", below {@value #QUIET_PEAK_DBFS} dBFS "quiet"; at least
 * {@value #CLIPPED_FRACTION_LIMIT} of samples at full scale is "clipped"; a DC offset of at least
 * {@value #DC_OFFSET_LIMIT} of full scale is "large"; under {@value #MIN_DURATION_SECONDS} s is "short"; a float
 * file whose peak exceeds full scale is "over full scale".
 *
 * @param file            the recording
 * @param format          the format description, e.g. "PCM 16-bit, 1 channel, 4000 Hz"
 * @param sampleRate      samples per second
 * @param channels        channels in the file (the analysis uses their mean)
 * @param frames          samples per channel
 * @param durationSeconds frames / sampleRate
 * @param peakDbfs        peak level in dBFS, -infinity for all-zero audio
 * @param rmsDbfs         RMS level in dBFS, -infinity for all-zero audio
 * @param dcOffset        mean sample value, full scale = 1
 * @param clippedFraction share of samples at full scale, 0 to 1
 * @param problems        decoder warnings and findings, as sentences; empty when nothing is wrong
 * @param audioFingerprint {@link SignalLevels#fingerprint()} of the mono samples: the same for the same recording
 *                        under any name; 0 when unknown
 */
public record RecordingInfo(
        Path file,
        String format,
        int sampleRate,
        int channels,
        long frames,
        double durationSeconds,
        double peakDbfs,
        double rmsDbfs,
        double dcOffset,
        double clippedFraction,
        List<String> problems,
        long audioFingerprint) {

    /** A peak level below this (dBFS) is reported as silent: 33 steps of 16 bits. */
    public static final double SILENT_PEAK_DBFS = -60;
    /** A peak level below this (dBFS) is reported as quiet. */
    public static final double QUIET_PEAK_DBFS = -30;
    /** At least this share of samples at full scale is reported as clipped (0.1 %). */
    public static final double CLIPPED_FRACTION_LIMIT = 0.001;
    /** A DC offset of at least this (full scale = 1) is reported as large (1 %, -40 dBFS). */
    public static final double DC_OFFSET_LIMIT = 0.01;
    /** A recording shorter than this (seconds) holds at most one heart cycle at a resting rate. */
    public static final double MIN_DURATION_SECONDS = 1.0;

    public RecordingInfo {
        Objects.requireNonNull(format, "format");
        problems = List.copyOf(problems);
    }

    /** A recording whose samples were not fingerprinted ({@link #audioFingerprint()} 0: unknown). */
    public RecordingInfo(Path file, String format, int sampleRate, int channels, long frames, double durationSeconds,
                         double peakDbfs, double rmsDbfs, double dcOffset, double clippedFraction,
                         List<String> problems) {
        this(file, format, sampleRate, channels, frames, durationSeconds, peakDbfs, rmsDbfs, dcOffset,
                clippedFraction, problems, 0);
    }

    /** Measures a decoded recording and lists its problems. */
    public static RecordingInfo of(Path file, DecodedAudio audio) {
        return of(file, audio.format(), audio.warnings(), audio.levels());
    }

    /**
     * Measures a recording that was {@linkplain WavDecoder#stream streamed} rather than decoded: the same result,
     * without the recording ever being held in memory.
     */
    public static RecordingInfo of(Path file, WavDecoder.Streamed audio) {
        return of(file, audio.format(), audio.warnings(), audio.levels());
    }

    /**
     * Reads {@code file} block by block and measures it: what {@code info} shows, in constant memory for a WAV (a
     * FLAC or MP3 recording is decoded into memory first).
     */
    public static RecordingInfo read(RecordingDecoder decoder, Path file) throws UnreadableAudioException {
        return of(file, decoder.stream(file, new WavDecoder.BlockSink() {
            @Override
            public void start(WavFormat format) {
                // nothing to size: only the levels are gathered
            }

            @Override
            public void accept(float[] samples, int count) {
                // the levels are gathered by the decoder
            }
        }));
    }

    private static RecordingInfo of(Path file, WavFormat format, List<String> warnings, SignalLevels levels) {
        long n = levels.count();
        double sum = levels.sum();
        double peak = levels.peak();
        double mean = n == 0 ? 0 : sum / n;
        double rms = n == 0 ? 0 : Math.sqrt(levels.sumOfSquares() / n);
        double peakDbfs = 20 * Math.log10(peak);
        double rmsDbfs = 20 * Math.log10(rms);
        double clippedFraction = n == 0 ? 0 : levels.clipped() / (double) n;
        double duration = n / (double) format.sampleRate();

        List<String> problems = new ArrayList<>(warnings);
        if (peak == 0) {
            problems.add("silent: every sample is zero");
        } else if (peakDbfs < SILENT_PEAK_DBFS) {
            problems.add(String.format(Locale.ROOT, "silent: peak level %.1f dBFS, below %.0f dBFS", peakDbfs,
                    SILENT_PEAK_DBFS));
        } else if (peakDbfs < QUIET_PEAK_DBFS) {
            problems.add(String.format(Locale.ROOT, "quiet: peak level %.1f dBFS, below %.0f dBFS", peakDbfs,
                    QUIET_PEAK_DBFS));
        }
        if (clippedFraction >= CLIPPED_FRACTION_LIMIT) {
            problems.add(String.format(Locale.ROOT, "clipped: %.1f %% of samples at full scale",
                    100 * clippedFraction));
        }
        if (peak > 1) {
            problems.add(String.format(Locale.ROOT, "over full scale: peak level %+.1f dBFS", peakDbfs));
        }
        if (Math.abs(mean) >= DC_OFFSET_LIMIT) {
            problems.add(String.format(Locale.ROOT, "large DC offset: mean %.4f (%.1f %% of full scale)", mean,
                    100 * Math.abs(mean)));
        }
        if (duration < MIN_DURATION_SECONDS) {
            problems.add(String.format(Locale.ROOT, "shorter than 1 s: %.3f s", duration));
        }
        return new RecordingInfo(file, format.describe(), format.sampleRate(), format.channels(), n, duration,
                peakDbfs, rmsDbfs, mean, clippedFraction, problems, levels.fingerprint());
    }

    /** One line for people: "PCM 16-bit, 4000 Hz, mono, 20.1 s, peak -6.0 dBFS, RMS -19.3 dBFS". */
    public String summary() {
        return String.format(Locale.ROOT, "%s, %.1f s, peak %.1f dBFS, RMS %.1f dBFS", format, durationSeconds,
                peakDbfs, rmsDbfs);
    }

    /** A few labelled lines for people, as the info command prints them. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("file:      ").append(file).append('\n');
        text.append("format:    ").append(format).append('\n');
        text.append(String.format(Locale.ROOT, "duration:  %.3f s (%d frames)\n", durationSeconds, frames));
        text.append(String.format(Locale.ROOT, "level:     peak %s, RMS %s\n", dbfs(peakDbfs), dbfs(rmsDbfs)));
        text.append(String.format(Locale.ROOT, "DC offset: %.6f\n", dcOffset));
        text.append(String.format(Locale.ROOT, "clipping:  %.3f %% of samples at full scale\n", 100 * clippedFraction));
        if (problems.isEmpty()) {
            text.append("problems:  none\n");
        } else {
            text.append("problems:\n");
            for (String problem : problems) {
                text.append("  - ").append(problem).append('\n');
            }
        }
        return text.toString();
    }

    private static String dbfs(double level) {
        return Double.isInfinite(level) ? "-inf dBFS" : String.format(Locale.ROOT, "%.1f dBFS", level);
    }
}
