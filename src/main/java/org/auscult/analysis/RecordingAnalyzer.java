package org.auscult.analysis;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.MemoryBudget;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.audio.WavFormat;
import org.auscult.dsp.SignalConditioning;
import org.auscult.features.CycleEmission;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureSet;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.murmur.MurmurDescription;
import org.auscult.segmentation.murmur.MurmurModel;
import org.auscult.segmentation.quality.QualityMap;

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
     * @param quality      which seconds are usable heart sound; null unless measured (see {@link #assessingQuality()})
     * @param trend        heart rate, usable share and class window by window, for a long recording judged in
     *                     windows; null otherwise
     * @param murmur       for a recording judged a murmur (judged whole), the murmur described and its envelope
     *                     ({@link MurmurModel}); null otherwise
     */
    public record Analysis(Path file, DecodedAudio decoded, RecordingInfo info, AudioClip conditioned,
                           Segmentation segmentation, FeatureSet features, Verdict verdict, QualityMap quality,
                           HeartTrend trend, MurmurDescription murmur) {

        /** An analysis of a recording judged whole: no trend. */
        public Analysis(Path file, DecodedAudio decoded, RecordingInfo info, AudioClip conditioned,
                        Segmentation segmentation, FeatureSet features, Verdict verdict, QualityMap quality,
                        MurmurDescription murmur) {
            this(file, decoded, info, conditioned, segmentation, features, verdict, quality, null, murmur);
        }

        /** The murmur described, for people ("Holosystolic (83 %), grade III/VI (90 %), ..."); "" for none. */
        public String describedMurmur() {
            return murmur == null ? "" : murmur.forPeople();
        }
    }

    /** The class whose verdict gets a murmur description. */
    static final String MURMUR = "murmur";
    /** The shipped murmur description model, read once. */
    private static final class MurmurDescriber {
        static final MurmurModel SHIPPED = MurmurModel.shipped();
    }

    private final AnalysisConfig config;
    private final LoadedModel model;
    private final ReferenceSet reference;
    private final boolean segment;
    /** Whether every judged recording gets its per-second quality, and a warning when too little is usable. */
    private final boolean assessQuality;
    private final RecordingDecoder decoder = new RecordingDecoder();
    /**
     * Segments a recording for display when its features did not. When the cycle feature groups segmented it, with
     * the emission their configuration names, {@link HeartSoundSegmenter#segment(AudioClip, Map)} hands that
     * segmentation on, so the cycle on screen is the one the verdict used.
     */
    private final HeartSoundSegmenter segmenter = HeartSoundSegmenter.of(CycleEmission.TRAINED);
    private final FeatureEngine engine;
    /** The model's features among the engine's (a model trained before a group gained values uses fewer). */
    private final ModelColumns modelColumns;
    /** Judges the recordings too long to judge whole; null without a model. */
    private final WindowedJudge windowed;

    /** An analyzer that extracts features only, as {@code config} says. */
    public RecordingAnalyzer(AnalysisConfig config) {
        this(config, null, null, false, false);
    }

    private RecordingAnalyzer(AnalysisConfig config, LoadedModel model, ReferenceSet reference, boolean segment,
                              boolean assessQuality) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = model;
        this.reference = reference;
        this.segment = segment;
        this.assessQuality = assessQuality;
        this.engine = new FeatureEngine(config.features());
        this.modelColumns = model == null ? null : ModelColumns.of(engine.summaryNames(), model.model().featureNames());
        this.windowed = model == null ? null
                : new WindowedJudge(config, model, reference, engine, modelColumns, segmenter, assessQuality);
    }

    /**
     * An analyzer that judges every recording with {@code model}, analysing it exactly as the model's training data
     * was (the defaults without a model, and then nothing is judged).
     *
     * @param reference what the recording is compared with for the verdict's warnings, or null
     * @param segment   whether to keep the segmentation of every judged recording (for a display)
     */
    public static RecordingAnalyzer judging(LoadedModel model, ReferenceSet reference, boolean segment) {
        return new RecordingAnalyzer(LoadedModel.analysisConfigOf(model), model, reference, segment, false);
    }

    /**
     * This analyzer, also measuring which seconds of every recording are usable heart sound
     * ({@link Analysis#quality()}): a verdict on a recording with too little of it carries the warning "Unsure: …"
     * with the reason and what to do, as the window's banner says. The features and the verdict are unchanged
     * (only {@link AnalysisConfig#usableStretches()} measures the usable stretches alone and withholds the verdict).
     * What {@code classify}, the window and its collection scan use.
     */
    public RecordingAnalyzer assessingQuality() {
        return new RecordingAnalyzer(config, model, reference, segment, true);
    }

    public AnalysisConfig config() {
        return config;
    }

    /** How many classes the model judging here has; 0 without one. */
    public int modelClassCount() {
        return model == null ? 0 : model.model().classNames().size();
    }

    /** The names of the summary features every analysis has, in order. */
    public List<String> featureNames() {
        return FeatureRegistry.summaryNames(config.features());
    }

    /**
     * Decodes one file straight to the analysis rate (streaming, so a long recording never exists at its own rate),
     * or at its own rate when its quality is assessed and it is judged whole (as the window decodes it), and analyses
     * it, inside a {@link MemoryBudget} reservation of everything that will be allocated, so that a
     * recording too long for the heap is refused by name instead of failing the batch.
     *
     * @throws UnreadableAudioException when the file cannot be decoded, or is too long for the memory there is
     * @throws org.auscult.dsp.ParameterException when a feature parameter cannot work at this file's rate
     */
    public Analysis analyze(Path file) throws UnreadableAudioException {
        SignalConditioning conditioning = config.conditioning();
        WavFormat format = decoder.readFormat(file);
        long samples = conditioning.analysisLength(format);
        boolean windowed = model != null && RecordingWindows.applies(format.durationSeconds());
        long analysed = windowed
                ? RecordingWindows.longestWindow(samples, RecordingWindows.count(format.durationSeconds())) : samples;
        // The quality map's clipping is read from the samples as recorded: resampling rounds a flat top into ripples
        // above it, and a recording pressed too hard would be called noisy. A recording judged whole is short (two
        // minutes at most), so it is decoded at its own rate, as the window decodes it, and resampled once decoded:
        // the same analysis-rate clip, bit for bit.
        boolean ownRate = !windowed && (assessQuality || config.usableStretches());
        long bytes = (ownRate ? Float.BYTES * format.frameCount() : 0) + conditioning.decodeBytes(format)
                + engine.estimatedBytes(analysed);
        try (MemoryBudget.Reservation memory = MemoryBudget.shared().reserve(file, bytes, String.format(Locale.ROOT,
                "%.0f s at %d Hz", format.durationSeconds(), ownRate ? format.sampleRate()
                        : conditioning.analysisRate(format)))) {
            DecodedAudio decoded = ownRate ? decoder.decode(file) : conditioning.decode(decoder, file);
            return windowed ? this.windowed.analyze(file, decoded, null) : analyze(file, decoded);
        }
    }

    /**
     * The provisional verdict on the first window of a long WAV recording, read from the file and conditioned alone,
     * without decoding the rest: what a window shows while the whole hour is still being decoded to the analysis
     * rate (about two seconds at 44.1 kHz). The full analysis judges that window again within the whole clip, with
     * the same features but for the band-pass's last milliseconds, and its verdicts replace this one.
     *
     * @return the first window's verdict, or null when there is no model, the recording is not judged in windows
     * ({@link #judgesInWindows}) or not a WAV, or its first window is silent
     * @throws UnreadableAudioException naming the file, when it cannot be read, or its first window does not fit in
     *                                  the memory there is
     */
    public Provisional judgeOpening(Path file) throws UnreadableAudioException {
        if (model == null) {
            return null;
        }
        WavFormat format = decoder.readFormat(file);
        if (format.container() != WavFormat.Container.WAV || !RecordingWindows.applies(format.durationSeconds())) {
            return null;
        }
        int windows = RecordingWindows.count(format.durationSeconds());
        int frames = RecordingWindows.start(1, windows, (int) format.frameCount());
        SignalConditioning conditioning = config.conditioning();
        long analysed = RecordingWindows.longestWindow(conditioning.analysisLength(format), windows);
        try (MemoryBudget.Reservation memory = MemoryBudget.shared().reserve(file,
                4L * frames + engine.estimatedBytes(analysed), String.format(Locale.ROOT,
                        "the first %d s at %d Hz", frames / format.sampleRate(), format.sampleRate()))) {
            float[] samples = new float[frames];
            int read = new WavDecoder().readFrames(file, format, 0, samples, frames);
            if (RecordingWindows.peak(samples, 0, read) < RecordingWindows.silentPeak()) {
                return null;
            }
            AudioClip opening = conditioning.apply(new AudioClip(Arrays.copyOf(samples, read), format.sampleRate()));
            WindowedJudge.JudgedWindow window = windowed.judgeWindow(opening, 0, read / (double) format.sampleRate(),
                    true);
            return windowed.provisional(1, windows, window.posterior(), 1, List.of(window.trend()));
        }
    }

    /**
     * As {@link #analyze(Path, DecodedAudio)}, but a long recording judged by a model is judged window by window
     * as {@link #analyze(Path)} judges it ({@link RecordingWindows}), so the workstation's verdict on an hour is the
     * command line's, in the same bounded time and memory.
     */
    public Analysis analyzeDecoded(Path file, DecodedAudio decoded) {
        return analyzeDecoded(file, decoded, null);
    }

    /**
     * A verdict on the windows judged so far of a long recording, given after each window, so a window can show a
     * verdict seconds after an hour is decoded instead of after all of it.
     *
     * @param windowsJudged windows done
     * @param windows       windows in all
     * @param verdict       the mean posterior of the windows judged so far, marked provisional
     * @param trend         the trend of the windows done
     */
    public record Provisional(int windowsJudged, int windows, Verdict verdict, HeartTrend trend) {
    }

    /** Whether a recording of {@code durationSeconds} is judged in windows, with a verdict so far after each. */
    public static boolean judgesInWindows(double durationSeconds) {
        return RecordingWindows.applies(durationSeconds);
    }

    /**
     * As {@link #analyzeDecoded(Path, DecodedAudio)}; a recording judged in windows also reports a
     * {@link Provisional} verdict to {@code provisional} (when not null) after each window, on the calling thread.
     */
    public Analysis analyzeDecoded(Path file, DecodedAudio decoded, Consumer<Provisional> provisional) {
        double seconds = decoded.clip().durationSeconds();
        return model != null && RecordingWindows.applies(seconds) ? windowed.analyze(file, decoded, provisional)
                : analyze(file, decoded);
    }

    /**
     * Analyses a file already decoded, at its own rate or at the analysis rate (the workstation draws a recording
     * before it is analysed).
     */
    public Analysis analyze(Path file, DecodedAudio decoded) {
        RecordingInfo info = RecordingInfo.of(file, decoded);
        AudioClip resampled = config.conditioning().resample(decoded.clip());
        AudioClip conditioned = config.conditioning().bandPass(resampled);
        String reason = VerdictAdvisor.reasonNotToJudge(info);
        QualityMap quality = config.usableStretches() || assessQuality ? QualityMap.of(decoded.clip(), resampled)
                : null;
        String unsure = "";
        if (reason.isEmpty() && quality != null && !quality.judgeable()) {
            unsure = unsureWarning(quality);
            if (config.usableStretches()) {
                reason = unsure;   // nothing usable to measure: no verdict
            }
        }
        Map<String, Object> shared = new HashMap<>();
        FeatureSet whole = engine.extract(conditioned, shared);
        FeatureSet features = !config.usableStretches() ? whole
                : UsableStretches.measured(engine, conditioned, whole, UsableStretches.chosen(quality));
        Segmentation segmentation = segment && reason.isEmpty() ? segmenter.segment(conditioned, shared) : null;
        Verdict verdict = judge(info, features, reason);
        if (verdict != null && verdict.judged() && !unsure.isEmpty()) {
            verdict = verdict.unsure(unsure);
        }
        MurmurDescription murmur = null;
        if (verdict != null && verdict.judged() && unsure.isEmpty() && MURMUR.equals(verdict.predictedClass())) {
            // not on an unsure verdict (too little usable heart sound to describe)
            murmur = MurmurDescriber.SHIPPED.describe(conditioned);
        }
        return new Analysis(file, decoded, info, conditioned, segmentation, features, verdict, quality, murmur);
    }

    /** The warning on a recording {@code quality} finds too little usable heart sound in: "Unsure: too noisy (…); …". */
    static String unsureWarning(QualityMap quality) {
        String why = quality.describe();
        return Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".";
    }

    private Verdict judge(RecordingInfo info, FeatureSet features, String reason) {
        if (model == null) {
            return null;
        }
        if (!reason.isEmpty()) {
            return Verdict.notJudged(model.model().classNames(), model.describe(), reason);
        }
        double[] values = modelColumns.select(features.summary().values());
        return VerdictAdvisor.verdict(model, model.model().posterior(values), info, reference, values);
    }
}
