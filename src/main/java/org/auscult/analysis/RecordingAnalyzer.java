package org.auscult.analysis;

import java.nio.file.Path;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;

/**
 * The whole path from a file to its features: decode, condition (resample to the analysis rate, band-pass), then
 * extract. Not thread-safe (the feature engine reuses its buffers): use one analyzer per thread.
 */
public final class RecordingAnalyzer {

    /** One recording's analysis. */
    public record Analysis(Path file, DecodedAudio decoded, AudioClip conditioned, FeatureSet features) {
    }

    private final AnalysisConfig config;
    private final WavDecoder decoder = new WavDecoder();
    private final FeatureEngine engine;

    public RecordingAnalyzer(AnalysisConfig config) {
        this.config = config;
        this.engine = new FeatureEngine(config.features());
    }

    public AnalysisConfig config() {
        return config;
    }

    /**
     * Decodes, conditions and analyses one file.
     *
     * @throws UnreadableAudioException when the file cannot be decoded
     * @throws org.auscult.features.ParameterException when a feature parameter cannot work at this file's rate
     */
    public Analysis analyze(Path file) throws UnreadableAudioException {
        DecodedAudio decoded = decoder.decode(file);
        AudioClip conditioned = config.conditioning().apply(decoded.clip());
        return new Analysis(file, decoded, conditioned, engine.extract(conditioned));
    }
}
