package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.auscult.dsp.Fft;
import org.auscult.dsp.Window;

/**
 * Every parameter of the frame-level feature analysis, in one vocabulary shared by all features (librosa's
 * {@code n_fft, hop_length, window, center, pad_mode, n_mfcc, n_mels, fmin, fmax, top_db, roll_percent, n_chroma,
 * tuning}). Validated when constructed: an invalid value throws a {@link ParameterException} that names the
 * parameter, the value and the valid range. The sample rate is not part of it: it is the rate of the audio given
 * to the {@link FeatureEngine} (the analysis rate, chosen by signal conditioning).
 *
 * <p>{@link #toProperties()} and {@link #of(Map)} convert to and from a flat string map whose keys are the component
 * names, so a feature table, a saved model and the command line record the same thing.
 *
 * @param frameSize      samples per analysis frame, the FFT size (n_fft): a power of two, 16 .. 65536
 * @param hopSize        samples between the starts of consecutive frames: 1 .. frameSize
 * @param window         analysis window applied to each STFT frame
 * @param center         true: frame t is centred on sample t*hopSize (the signal is padded by frameSize/2 on each
 *                       side, and there are {@code 1 + length/hopSize} frames); false: frame t starts at sample
 *                       t*hopSize (and there are {@code 1 + (length-frameSize)/hopSize} frames, none when the
 *                       recording is shorter than a frame)
 * @param padMode        padding of centred STFT frames; the zero-crossing rate always pads with {@link PadMode#EDGE}
 * @param nMfcc          MFCC coefficients kept: 1 .. nMels
 * @param nMels          mel bands: 1 .. 1024
 * @param fmin           lowest mel frequency in Hz: >= 0
 * @param fmax           highest mel frequency in Hz: > fmin, or 0 for the Nyquist frequency of the audio
 * @param topDb          dynamic range of the log-mel spectrogram in dB below its maximum over the recording: > 0,
 *                       or infinity for no clipping
 * @param rolloffPercent fraction of the spectral magnitude below the roll-off frequency: strictly between 0 and 1
 * @param nChroma        chroma bins per octave: 1 .. 120
 * @param tuning         tuning deviation from A440 in fractions of a chroma bin: -0.5 .. 0.5
 * @param features       names of the enabled features in output order (see {@link FeatureRegistry}); at least one,
 *                       no duplicates
 * @param statistics     statistics of each per-frame column in the summary vector; at least one, no duplicates
 * @param spectralNorm   per-recording normalisation of the power spectrogram before the spectral features read it
 *                       (see {@link SpectralNormalisation} for the formulas); {@code none} by default
 * @param cycleEmission  the emission of the segmentation that the heart-cycle feature groups measure within (see
 *                       {@link CycleEmission}); {@code hand-set} by default, and when a configuration does not name it
 */
public record FeatureConfig(
        int frameSize,
        int hopSize,
        Window window,
        boolean center,
        PadMode padMode,
        int nMfcc,
        int nMels,
        double fmin,
        double fmax,
        double topDb,
        double rolloffPercent,
        int nChroma,
        double tuning,
        List<String> features,
        List<SummaryStatistic> statistics,
        SpectralNormalisation spectralNorm,
        CycleEmission cycleEmission) {

    public static final int MIN_FRAME_SIZE = 16;
    public static final int MAX_FRAME_SIZE = 65536;
    public static final int MAX_MELS = 1024;
    public static final int MAX_CHROMA = 120;

    /** The built-in frame-level features, in their usual order. */
    public static final List<String> STANDARD_FEATURES =
            List.of("mfcc", "zcr", "spectral_centroid", "spectral_rolloff", "chroma");

    /** Property keys, in the order {@link #toProperties()} writes them. */
    public static final List<String> KEYS = List.of("frameSize", "hopSize", "window", "center", "padMode", "nMfcc",
            "nMels", "fmin", "fmax", "topDb", "rolloffPercent", "nChroma", "tuning", "features", "statistics",
            "spectralNorm", "cycleEmission");

    public FeatureConfig {
        ParameterException.require(frameSize >= MIN_FRAME_SIZE && frameSize <= MAX_FRAME_SIZE && Fft.isPowerOfTwo(frameSize),
                "frameSize must be a power of two from " + MIN_FRAME_SIZE + " to " + MAX_FRAME_SIZE + ", got " + frameSize);
        ParameterException.require(hopSize >= 1 && hopSize <= frameSize,
                "hopSize must be from 1 to frameSize (" + frameSize + "), got " + hopSize);
        ParameterException.require(window != null, "window must be given (one of hann, hamming, blackman, rectangular)");
        ParameterException.require(padMode != null, "padMode must be given (one of constant, edge, reflect)");
        ParameterException.require(nMels >= 1 && nMels <= MAX_MELS, "nMels must be from 1 to " + MAX_MELS + ", got " + nMels);
        ParameterException.require(nMfcc >= 1 && nMfcc <= nMels, "nMfcc must be from 1 to nMels (" + nMels + "), got " + nMfcc);
        ParameterException.require(Double.isFinite(fmin) && fmin >= 0, "fmin must be a finite frequency >= 0 Hz, got " + fmin);
        ParameterException.require(fmax == 0 || (Double.isFinite(fmax) && fmax > fmin),
                "fmax must be above fmin (" + fmin + " Hz), or 0 for the Nyquist frequency, got " + fmax);
        ParameterException.require(topDb > 0 && !Double.isNaN(topDb),
                "topDb must be > 0 dB (Infinity for no clipping), got " + topDb);
        ParameterException.require(rolloffPercent > 0 && rolloffPercent < 1,
                "rolloffPercent must be strictly between 0 and 1, got " + rolloffPercent);
        ParameterException.require(nChroma >= 1 && nChroma <= MAX_CHROMA,
                "nChroma must be from 1 to " + MAX_CHROMA + ", got " + nChroma);
        ParameterException.require(tuning >= -0.5 && tuning <= 0.5, "tuning must be from -0.5 to 0.5 chroma bins, got " + tuning);
        ParameterException.require(features != null && !features.isEmpty(), "features must name at least one feature, got none");
        Set<String> seenFeatures = new HashSet<>();
        for (String feature : features) {
            ParameterException.require(feature != null, "features: a feature name is missing in " + features);
            ParameterException.require(seenFeatures.add(feature), "features: '" + feature + "' is listed twice");
            ParameterException.require(FeatureRegistry.contains(feature),
                    "features: unknown feature '" + feature + "', known: " + FeatureRegistry.names());
        }
        features = List.copyOf(features);
        ParameterException.require(statistics != null && !statistics.isEmpty(),
                "statistics must name at least one of " + Arrays.toString(SummaryStatistic.values()) + ", got none");
        Set<SummaryStatistic> seenStatistics = new HashSet<>();
        for (SummaryStatistic statistic : statistics) {
            ParameterException.require(statistic != null, "statistics: a statistic is missing in " + statistics);
            ParameterException.require(seenStatistics.add(statistic),
                    "statistics: '" + statistic.suffix() + "' is listed twice");
        }
        statistics = List.copyOf(statistics);
        ParameterException.require(spectralNorm != null,
                "spectralNorm must be given (one of none, level, mean-log-spectrum)");
        ParameterException.require(cycleEmission != null,
                "cycleEmission must be given (one of hand-set, trained, network)");
    }

    /**
     * A configuration without spectral normalisation ({@link SpectralNormalisation#NONE}), its heart cycles
     * segmented with the {@link CycleEmission#HAND_SET hand-set} emission.
     */
    public FeatureConfig(int frameSize, int hopSize, Window window, boolean center, PadMode padMode, int nMfcc,
                         int nMels, double fmin, double fmax, double topDb, double rolloffPercent, int nChroma,
                         double tuning, List<String> features, List<SummaryStatistic> statistics) {
        this(frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb, rolloffPercent, nChroma,
                tuning, features, statistics, SpectralNormalisation.NONE, CycleEmission.HAND_SET);
    }

    /** The same configuration with another per-recording spectral normalisation. */
    public FeatureConfig withSpectralNorm(SpectralNormalisation newSpectralNorm) {
        return new FeatureConfig(frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb,
                rolloffPercent, nChroma, tuning, features, statistics, newSpectralNorm, cycleEmission);
    }

    /** The same configuration with the heart cycles segmented by another emission. */
    public FeatureConfig withCycleEmission(CycleEmission newCycleEmission) {
        return new FeatureConfig(frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb,
                rolloffPercent, nChroma, tuning, features, statistics, spectralNorm, newCycleEmission);
    }

    /**
     * The defaults for heart sounds at the 4 kHz analysis rate (see docs/decisions/feature-defaults.md): frames of
     * 256 samples (64 ms, 15.6 Hz bins) every 64 samples (16 ms), periodic Hann, centred with zero padding; 13 MFCC
     * from 40 Slaney mel bands over 25 .. 2000 Hz with an 80 dB range; roll-off at 85 %; 12 chroma bins at A440;
     * features mfcc, zcr, spectral_centroid, spectral_rolloff, chroma summarised by mean and standard deviation.
     * These are the librosa reference parameters "P2", so the defaults themselves are parity-tested.
     */
    public static FeatureConfig defaults() {
        return heart();
    }

    /**
     * The heart-sound reference parameters (librosa parity set "P2"): n_fft 256, hop 64, Hann, centred with zero
     * padding, 13 MFCC, 40 mels, fmin 25 Hz, fmax 2000 Hz, top_db 80, roll_percent 0.85, 12 chroma bins, tuning 0.
     */
    public static FeatureConfig heart() {
        return new FeatureConfig(256, 64, Window.HANN, true, PadMode.CONSTANT, 13, 40, 25.0, 2000.0, 80.0, 0.85, 12, 0.0,
                STANDARD_FEATURES, List.of(SummaryStatistic.MEAN, SummaryStatistic.STD));
    }

    /**
     * librosa's own defaults (parity set "P1"): n_fft 2048, hop 512, Hann, centred with zero padding, 40 MFCC from
     * 128 mels over 0 Hz .. Nyquist (fmax = 0), top_db 80, roll_percent 0.85, 12 chroma bins, tuning 0.
     * (librosa's {@code mfcc} defaults to 20 coefficients; the reference uses 40.)
     */
    public static FeatureConfig librosaDefaults() {
        return new FeatureConfig(2048, 512, Window.HANN, true, PadMode.CONSTANT, 40, 128, 0.0, 0.0, 80.0, 0.85, 12, 0.0,
                STANDARD_FEATURES, List.of(SummaryStatistic.MEAN, SummaryStatistic.STD));
    }

    /**
     * The upper mel frequency for audio at {@code sampleRate}: {@link #fmax()}, or the Nyquist frequency when fmax
     * is 0.
     *
     * @throws ParameterException when fmax or fmin lies above the Nyquist frequency of that rate
     */
    public double melUpperFrequency(int sampleRate) {
        double nyquist = sampleRate / 2.0;
        double upper = fmax == 0 ? nyquist : fmax;
        ParameterException.require(upper <= nyquist, "fmax " + fmax + " Hz is above the Nyquist frequency " + nyquist
                + " Hz of audio sampled at " + sampleRate + " Hz; lower it or use 0 for the Nyquist frequency");
        ParameterException.require(fmin < upper, "fmin " + fmin + " Hz must be below the upper mel frequency " + upper
                + " Hz (audio sampled at " + sampleRate + " Hz)");
        return upper;
    }

    /**
     * Number of frames for a recording of {@code sampleCount} samples, the same for every feature:
     * {@code 1 + sampleCount / hopSize} when centred (at least one frame, even for an empty recording), otherwise
     * {@code 1 + (sampleCount - frameSize) / hopSize}, or 0 when the recording is shorter than one frame.
     */
    public int frameCount(int sampleCount) {
        if (center) {
            return 1 + sampleCount / hopSize;
        }
        return sampleCount < frameSize ? 0 : 1 + (sampleCount - frameSize) / hopSize;
    }

    /** Index of the first sample of frame {@code frame} (negative for the first centred frames, which are padded). */
    public long frameStart(int frame) {
        return (long) frame * hopSize - (center ? frameSize / 2 : 0);
    }

    /** Number of frequency bins of a frame's spectrum: frameSize / 2 + 1. */
    public int binCount() {
        return frameSize / 2 + 1;
    }

    /** The same configuration with other enabled features. */
    public FeatureConfig withFeatures(List<String> newFeatures) {
        return new FeatureConfig(frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb,
                rolloffPercent, nChroma, tuning, newFeatures, statistics, spectralNorm, cycleEmission);
    }

    /** The same configuration with other summary statistics. */
    public FeatureConfig withStatistics(List<SummaryStatistic> newStatistics) {
        return new FeatureConfig(frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb,
                rolloffPercent, nChroma, tuning, features, newStatistics, spectralNorm, cycleEmission);
    }

    /** The same configuration with another frame size and hop. */
    public FeatureConfig withFraming(int newFrameSize, int newHopSize) {
        return new FeatureConfig(newFrameSize, newHopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, topDb,
                rolloffPercent, nChroma, tuning, features, statistics, spectralNorm, cycleEmission);
    }

    /** The same configuration with other MFCC parameters. */
    public FeatureConfig withMfcc(int newNMfcc, int newNMels, double newFmin, double newFmax) {
        return new FeatureConfig(frameSize, hopSize, window, center, padMode, newNMfcc, newNMels, newFmin, newFmax, topDb,
                rolloffPercent, nChroma, tuning, features, statistics, spectralNorm, cycleEmission);
    }

    /**
     * Every parameter as text, keyed by component name in {@link #KEYS} order. Numbers use Java's shortest
     * round-trip form, enums their lower-case names, lists are comma-separated.
     */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("frameSize", Integer.toString(frameSize));
        properties.put("hopSize", Integer.toString(hopSize));
        properties.put("window", window.name().toLowerCase(Locale.ROOT));
        properties.put("center", Boolean.toString(center));
        properties.put("padMode", padMode.name().toLowerCase(Locale.ROOT));
        properties.put("nMfcc", Integer.toString(nMfcc));
        properties.put("nMels", Integer.toString(nMels));
        properties.put("fmin", Double.toString(fmin));
        properties.put("fmax", Double.toString(fmax));
        properties.put("topDb", Double.toString(topDb));
        properties.put("rolloffPercent", Double.toString(rolloffPercent));
        properties.put("nChroma", Integer.toString(nChroma));
        properties.put("tuning", Double.toString(tuning));
        properties.put("features", String.join(",", features));
        properties.put("statistics",
                statistics.stream().map(SummaryStatistic::suffix).collect(Collectors.joining(",")));
        properties.put("spectralNorm", spectralNorm.key());
        properties.put("cycleEmission", cycleEmission.key());
        return properties;
    }

    /**
     * Reads a configuration written by {@link #toProperties()}. A key that is absent takes its value from
     * {@link #defaults()}; a key that is not a parameter, or a value that does not parse, throws a
     * {@link ParameterException} naming it.
     */
    public static FeatureConfig of(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        properties.keySet().forEach(key -> ParameterException.require(KEYS.contains(key),
                "unknown feature parameter '" + key + "', known: " + KEYS));
        Map<String, String> values = new LinkedHashMap<>(defaults().toProperties());
        values.putAll(properties);
        return new FeatureConfig(
                parse(values, "frameSize", Integer::parseInt),
                parse(values, "hopSize", Integer::parseInt),
                Window.parse(values.get("window")),
                parse(values, "center", FeatureConfig::parseBoolean),
                PadMode.parse(values.get("padMode")),
                parse(values, "nMfcc", Integer::parseInt),
                parse(values, "nMels", Integer::parseInt),
                parse(values, "fmin", Double::parseDouble),
                parse(values, "fmax", Double::parseDouble),
                parse(values, "topDb", Double::parseDouble),
                parse(values, "rolloffPercent", Double::parseDouble),
                parse(values, "nChroma", Integer::parseInt),
                parse(values, "tuning", Double::parseDouble),
                splitList(values.get("features")),
                splitList(values.get("statistics")).stream().map(SummaryStatistic::parse).toList(),
                SpectralNormalisation.parse(values.get("spectralNorm")),
                CycleEmission.parse(values.get("cycleEmission")));
    }

    private static <T> T parse(Map<String, String> values, String key, Function<String, T> parser) {
        String text = values.get(key);
        try {
            return parser.apply(text.strip());
        } catch (RuntimeException e) {
            throw new ParameterException(key + ": cannot read '" + text + "' as a " + (key.equals("center") ? "boolean"
                    : key.startsWith("n") || key.endsWith("Size") ? "whole number" : "number"));
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(text);
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).filter(item -> !item.isBlank()).map(String::strip).toList();
    }
}
