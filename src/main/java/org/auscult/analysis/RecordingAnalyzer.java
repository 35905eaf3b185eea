package org.auscult.analysis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.MemoryBudget;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.audio.WavFormat;
import org.auscult.dsp.SignalConditioning;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureSet;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segmentation;

/**
 * The one road from a recording to a verdict: decode, condition (resample to the analysis rate, band-pass),
 * segment, extract the features and, with a model, judge. {@code classify}, the workstation and the collection
 * scans all take it, so they analyse a recording alike and give the same verdict with the same warnings.
 *
 * <p>The recording is segmented once, on the conditioned clip: the heart-cycle features read that segmentation and
 * the workstation draws it, so the cycle on screen is the one the verdict used. Without a model nothing is judged;
 * a recording no model should judge ({@link VerdictAdvisor#reasonNotToJudge}) gets the reason instead of a verdict,
 * and is not segmented.
 *
 * <p>Not thread-safe (the feature engine reuses its buffers): use one analyzer per thread.
 */
public final class RecordingAnalyzer {

    /**
     * One recording's analysis.
     *
     * @param info         the recording's format, duration, levels and problems
     * @param conditioned  the clip as analysed: at the analysis rate, band-passed
     * @param segmentation its heart cycle, null when not asked for or when the recording cannot be judged
     * @param verdict      the model's verdict, null without a model
     */
    public record Analysis(Path file, DecodedAudio decoded, RecordingInfo info, AudioClip conditioned,
                           Segmentation segmentation, FeatureSet features, Verdict verdict) {
    }

    private final AnalysisConfig config;
    private final LoadedModel model;
    private final ReferenceSet reference;
    private final boolean segment;
    private final WavDecoder decoder = new WavDecoder();
    private final HeartSoundSegmenter segmenter = new HeartSoundSegmenter();
    private final FeatureEngine engine;

    /** An analyzer that extracts features only, as {@code config} says. */
    public RecordingAnalyzer(AnalysisConfig config) {
        this(config, null, null, false);
    }

    private RecordingAnalyzer(AnalysisConfig config, LoadedModel model, ReferenceSet reference, boolean segment) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = model;
        this.reference = reference;
        this.segment = segment;
        this.engine = new FeatureEngine(config.features());
        if (model != null && !engine.summaryNames().equals(model.model().featureNames())) {
            throw new IllegalStateException("the model expects features " + model.model().featureNames()
                    + " but its configuration produces " + engine.summaryNames());
        }
    }

    /**
     * An analyzer that judges every recording with {@code model}, analysing it exactly as the model's training data
     * was (the defaults without a model, and then nothing is judged).
     *
     * @param reference what the recording is compared with for the verdict's warnings, or null
     * @param segment   whether to keep the segmentation of every judged recording (for a display)
     */
    public static RecordingAnalyzer judging(LoadedModel model, ReferenceSet reference, boolean segment) {
        return new RecordingAnalyzer(LoadedModel.analysisConfigOf(model), model, reference, segment);
    }

    public AnalysisConfig config() {
        return config;
    }

    /** The names of the summary features every analysis has, in order. */
    public List<String> featureNames() {
        return FeatureRegistry.summaryNames(config.features());
    }

    /**
     * Decodes one file straight to the analysis rate (streaming, so a long recording never exists at its own rate)
     * and analyses it, inside a {@link MemoryBudget} reservation of everything that will be allocated, so that a
     * recording too long for the heap is refused by name instead of failing the batch.
     *
     * @throws UnreadableAudioException when the file cannot be decoded, or is too long for the memory there is
     * @throws org.auscult.dsp.ParameterException when a feature parameter cannot work at this file's rate
     */
    public Analysis analyze(Path file) throws UnreadableAudioException {
        SignalConditioning conditioning = config.conditioning();
        WavFormat format = decoder.readFormat(file);
        long samples = conditioning.analysisLength(format);
        long bytes = conditioning.decodeBytes(format) + engine.estimatedBytes(samples);
        try (MemoryBudget.Reservation memory = MemoryBudget.shared().reserve(file, bytes, String.format(Locale.ROOT,
                "%.0f s at %d Hz", format.durationSeconds(), conditioning.analysisRate(format)))) {
            return analyze(file, conditioning.decode(decoder, file));
        }
    }

    /**
     * Analyses a file already decoded, at its own rate or at the analysis rate (the workstation draws a recording
     * before it is analysed).
     */
    public Analysis analyze(Path file, DecodedAudio decoded) {
        RecordingInfo info = RecordingInfo.of(file, decoded);
        AudioClip conditioned = config.conditioning().apply(decoded.clip());
        String reason = VerdictAdvisor.reasonNotToJudge(info);
        Map<String, Object> shared = new HashMap<>();
        FeatureSet features = engine.extract(conditioned, shared);
        Segmentation segmentation = segment && reason.isEmpty() ? segmenter.segment(conditioned, shared) : null;
        return new Analysis(file, decoded, info, conditioned, segmentation, features, judge(info, features, reason));
    }

    private Verdict judge(RecordingInfo info, FeatureSet features, String reason) {
        if (model == null) {
            return null;
        }
        if (!reason.isEmpty()) {
            return Verdict.notJudged(model.model().classNames(), model.describe(), reason);
        }
        double[] values = features.summary().values();
        return VerdictAdvisor.verdict(model, model.model().posterior(values), info, reference, values);
    }
}
