package org.auscult.analysis;

import java.nio.file.Path;
import java.util.Locale;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.MemoryBudget;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.audio.WavFormat;
import org.auscult.dsp.SignalConditioning;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;

/**
 * The whole path from a file to its features: decode straight to the analysis rate (streaming, so a long recording
 * never exists at its own rate), band-pass, then extract, inside a {@link MemoryBudget} reservation of everything
 * that will be allocated, so a recording too long for the heap is refused by name instead of failing the batch. Not thread-safe (the feature engine reuses its buffers): use one analyzer per thread.
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
        SignalConditioning conditioning = config.conditioning();
        WavFormat format = decoder.readFormat(file);
        long samples = conditioning.analysisLength(format);
        long bytes = conditioning.decodeBytes(format) + engine.estimatedBytes(samples);
        try (MemoryBudget.Reservation memory = MemoryBudget.shared().reserve(file, bytes, String.format(Locale.ROOT,
                "%.0f s at %d Hz", format.durationSeconds(), conditioning.analysisRate(format)))) {
            DecodedAudio decoded = conditioning.decode(decoder, file);
            AudioClip conditioned = conditioning.apply(decoded.clip());
            return new Analysis(file, decoded, conditioned, engine.extract(conditioned));
        }
    }
}
