package org.auscult.features;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.auscult.audio.AudioClip;

/**
 * One recording under analysis, as the {@link FeatureExtractor}s see it: the audio, the configuration, and the
 * intermediate results they share. The spectrogram and the mel spectrogram are computed at most once, on first
 * request, however many features read them. Tables that depend only on the configuration and the sample rate
 * (filterbanks, the DCT matrix, or a new feature's own) are kept by the {@link FeatureEngine} across recordings.
 *
 * <p>Not thread-safe: one context belongs to one extraction on one thread.
 */
public final class AnalysisContext {

    private final AudioClip clip;
    private final FeatureConfig config;
    private final Stft stft;
    private final Map<String, Object> tables;
    private Spectrogram spectrogram;
    private MelSpectrogram melSpectrogram;
    private final Map<String, Object> perRecording;

    AnalysisContext(AudioClip clip, FeatureConfig config, Stft stft, Map<String, Object> tables,
                    Map<String, Object> perRecording) {
        this.clip = Objects.requireNonNull(clip, "clip");
        this.config = Objects.requireNonNull(config, "config");
        this.stft = stft;
        this.tables = tables;
        this.perRecording = Objects.requireNonNull(perRecording, "perRecording");
    }

    /** A stand-alone context for analysing {@code clip} under {@code config} (for a single extractor or a test). */
    public static AnalysisContext of(AudioClip clip, FeatureConfig config) {
        return new AnalysisContext(clip, config, new Stft(config), new HashMap<>(), new HashMap<>());
    }

    public AudioClip clip() {
        return clip;
    }

    public FeatureConfig config() {
        return config;
    }

    public int sampleRate() {
        return clip.sampleRate();
    }

    /** The number of frames every frame-level feature produces: {@link FeatureConfig#frameCount(int)}. */
    public int frameCount() {
        return config.frameCount(clip.length());
    }

    /**
     * Lets go of the spectrogram and the mel spectrogram (they are computed again if asked for): the frame-level
     * features are done with them, and for an hour of audio they are 376 MB the heart-cycle groups do not need.
     */
    void releaseSpectra() {
        spectrogram = null;
        melSpectrogram = null;
    }

    /**
     * The power and magnitude spectrogram, computed on first use, after the configuration's per-recording
     * {@link FeatureConfig#spectralNorm() spectral normalisation}.
     */
    public Spectrogram spectrogram() {
        if (spectrogram == null) {
            spectrogram = config.spectralNorm().apply(stft.compute(clip));
        }
        return spectrogram;
    }

    /** The Slaney mel filterbank for this configuration and sample rate. */
    public MelFilterbank melFilterbank() {
        return table("mel-filterbank", MelFilterbank.class, () -> MelFilterbank.slaney(sampleRate(),
                config.frameSize(), config.nMels(), config.fmin(), config.melUpperFrequency(sampleRate())));
    }

    /** The mel spectrogram (power and clipped dB), computed on first use. */
    public MelSpectrogram melSpectrogram() {
        if (melSpectrogram == null) {
            melSpectrogram = MelSpectrogram.compute(spectrogram(), melFilterbank(), config.topDb());
        }
        return melSpectrogram;
    }

    /** The chroma filterbank for this configuration and sample rate. */
    public ChromaFilterbank chromaFilterbank() {
        return table("chroma-filterbank", ChromaFilterbank.class, () -> ChromaFilterbank.create(sampleRate(),
                config.frameSize(), config.nChroma(), config.tuning()));
    }

    /**
     * A result about this recording that several features read (a segmentation, say), built by {@code factory} on the
     * first request and then shared for the rest of this recording's analysis. {@code name} must identify it among
     * all features.
     */
    public <T> T shared(String name, Class<T> type, Supplier<T> factory) {
        Object value = perRecording.get(name);
        if (value == null) {
            value = Objects.requireNonNull(factory.get(), name);
            perRecording.put(name, value);
        }
        return type.cast(value);
    }

    /**
     * A table that depends only on the configuration and the sample rate, built by {@code factory} the first time it
     * is asked for at this sample rate and then reused for later recordings. {@code name} must identify the table
     * among all features (prefix it with the feature's name).
     */
    public <T> T table(String name, Class<T> type, Supplier<T> factory) {
        String key = name + "@" + sampleRate();
        Object table = tables.get(key);
        if (table == null) {
            table = Objects.requireNonNull(factory.get(), name);
            tables.put(key, table);
        }
        return type.cast(table);
    }
}
