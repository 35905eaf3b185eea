package org.auscult.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.auscult.analysis.RecordingAnalyzer.Analysis;
import org.auscult.analysis.RecordingAnalyzer.Provisional;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingInfo;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;
import org.auscult.features.FeatureVector;
import org.auscult.learn.Prediction;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.quality.QualityIndices;
import org.auscult.segmentation.quality.QualityMap;
import org.auscult.segmentation.quality.QualityModel;
import org.auscult.segmentation.quality.SecondKind;

/**
 * Judges a long recording window by window ({@link RecordingWindows}) for {@link RecordingAnalyzer}: the verdict is
 * the mean posterior of the windows that are not silent, and its features the mean of the windows' summary features.
 * Nothing is segmented for display: the heart cycle of an hour is not drawn from this analysis.
 *
 * <p>When quality is assessed, each window gets its quality map as a recording of its own (its levels relative to its
 * own median), and the recording's map is theirs end to end: a long recording with too little usable heart sound is
 * "unsure" as a short one is, and with {@link AnalysisConfig#usableStretches()} it is not judged.
 */
final class WindowedJudge {

    /** One window analysed as a recording of its own; {@code posterior} is null when silent. */
    record JudgedWindow(double[] summary, double[] posterior, HeartTrend.Window trend) {
    }

    private final AnalysisConfig config;
    private final LoadedModel model;
    private final ReferenceSet reference;
    private final FeatureEngine engine;
    private final ModelColumns modelColumns;
    private final HeartSoundSegmenter segmenter;
    private final boolean assessQuality;

    WindowedJudge(AnalysisConfig config, LoadedModel model, ReferenceSet reference, FeatureEngine engine,
                  ModelColumns modelColumns, HeartSoundSegmenter segmenter, boolean assessQuality) {
        this.config = config;
        this.model = model;
        this.reference = reference;
        this.engine = engine;
        this.modelColumns = modelColumns;
        this.segmenter = segmenter;
        this.assessQuality = assessQuality || config.usableStretches();
    }

    /** The analysis of {@code decoded}, reporting the verdict so far after each window when {@code provisional}. */
    Analysis analyze(Path file, DecodedAudio decoded, Consumer<Provisional> provisional) {
        RecordingInfo info = RecordingInfo.of(file, decoded);
        AudioClip conditioned = config.conditioning().apply(decoded.clip());
        float[] raw = decoded.clip().samples();
        int samples = conditioned.length();
        int rate = conditioned.sampleRate();
        int windows = RecordingWindows.count(info.durationSeconds());
        List<String> classes = model.model().classNames();
        double[] summary = new double[engine.summaryNames().size()];
        double[] posterior = new double[classes.size()];
        int[] votes = new int[classes.size()];
        int judged = 0;
        double silent = RecordingWindows.silentPeak();
        int rawRate = decoded.clip().sampleRate();
        List<HeartTrend.Window> trend = new ArrayList<>(windows);
        List<SecondKind> kinds = new ArrayList<>();
        List<Double> usableProbability = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            int from = RecordingWindows.start(k, windows, samples);
            int to = RecordingWindows.start(k + 1, windows, samples);
            // the same stretch of the decoded clip, whose rate may differ from the analysis rate
            int rawFrom = (int) Math.min(raw.length, (long) from * rawRate / rate);
            int rawTo = (int) Math.min(raw.length, (long) to * rawRate / rate);
            JudgedWindow window = judgeWindow(new AudioClip(Arrays.copyOfRange(conditioned.samples(), from, to), rate),
                    from / (double) rate, to / (double) rate, RecordingWindows.peak(raw, rawFrom, rawTo) >= silent);
            if (assessQuality) {
                appendQuality(new AudioClip(Arrays.copyOfRange(raw, rawFrom, rawTo), rawRate),
                        (int) (Math.round(to / (double) rate) - Math.round(from / (double) rate)), kinds,
                        usableProbability);
            }
            for (int i = 0; i < summary.length; i++) {
                summary[i] += window.summary()[i] / windows;
            }
            if (window.posterior() != null) {
                for (int c = 0; c < posterior.length; c++) {
                    posterior[c] += window.posterior()[c];
                }
                votes[Prediction.mostProbable(window.posterior())]++;
                judged++;
            }
            trend.add(window.trend());
            if (provisional != null && judged > 0) {
                provisional.accept(provisional(k + 1, windows, posterior, judged, trend));
            }
        }
        HeartTrend heartTrend = new HeartTrend(trend);
        FeatureSet features = new FeatureSet(config.features(), rate, samples, List.of(),
                new FeatureVector(engine.summaryNames(), summary));
        QualityMap quality = assessQuality ? new QualityMap(info.durationSeconds(), kinds,
                usableProbability.stream().mapToDouble(Double::doubleValue).toArray()) : null;
        String unsure = quality == null || quality.judgeable() ? "" : RecordingAnalyzer.unsureWarning(quality);
        String reason = VerdictAdvisor.reasonNotToJudge(info);
        if (reason.isEmpty() && config.usableStretches()) {
            reason = unsure;   // nothing usable to measure: no verdict
        }
        if (!reason.isEmpty() || judged == 0) {
            return new Analysis(file, decoded, info, conditioned, null, features, Verdict.notJudged(classes,
                    model.describe(), reason.isEmpty() ? "Cannot judge: every window of the recording is silent." : reason),
                    quality, heartTrend, null);
        }
        for (int c = 0; c < posterior.length; c++) {
            posterior[c] /= judged;
        }
        // each posterior came from one window, so the window, not the hour, is what the training durations bound
        double windowSeconds = info.durationSeconds() / windows;
        Verdict verdict = VerdictAdvisor.verdict(model, posterior, info, windowSeconds, reference,
                modelColumns.select(summary));
        if (!unsure.isEmpty()) {
            verdict = verdict.unsure(unsure);
        }
        List<String> warnings = new ArrayList<>(verdict.warnings());
        warnings.add(RecordingWindows.note(classes, votes, judged, windows, info.durationSeconds()));
        return new Analysis(file, decoded, info, conditioned, null, features,
                verdict.withWarnings(warnings), quality, heartTrend, null);
    }

    /**
     * Appends the quality of one window, {@code seconds} whole seconds of the recording (its measured seconds, the
     * last repeated or dropped so that the windows' seconds add up to the recording's).
     */
    private static void appendQuality(AudioClip window, int seconds, List<SecondKind> kinds, List<Double> probability) {
        QualityMap map = QualityMap.of(QualityIndices.of(window), window.durationSeconds(), QualityModel.bundled());
        double[] p = map.probability();
        for (int s = 0; s < seconds && p.length > 0; s++) {
            int measured = Math.min(s, p.length - 1);
            kinds.add(map.kinds().get(measured));
            probability.add(p[measured]);
        }
    }

    /**
     * Extracts the features of one window of a long recording and, when {@code audible}, judges it. The segmentation
     * its cycle features made gives its heart rate and signal quality for the trend at no further cost.
     */
    JudgedWindow judgeWindow(AudioClip window, double fromSeconds, double toSeconds, boolean audible) {
        Map<String, Object> shared = new HashMap<>();
        double[] values = engine.extract(window, shared).summary().values();
        double[] p = audible ? model.model().posterior(modelColumns.select(values)) : null;
        String predicted = p == null ? "" : model.model().classNames().get(Prediction.mostProbable(p));
        Segmentation cycle = segmenter.segment(window, shared);
        return new JudgedWindow(values, p, new HeartTrend.Window(fromSeconds, toSeconds, cycle.heartRateBpm(),
                cycle.qualityIndex(), predicted));
    }

    /** The verdict so far: the mean posterior of the {@code judged} audible windows among the first {@code done}. */
    Provisional provisional(int done, int windows, double[] posteriorSum, int judged, List<HeartTrend.Window> trend) {
        double[] sofar = new double[posteriorSum.length];
        Arrays.setAll(sofar, c -> posteriorSum[c] / judged);
        return new Provisional(done, windows, Verdict.of(model, sofar,
                List.of(String.format(Locale.ROOT, "Provisional: %d of %d windows judged so far.", done, windows))),
                new HeartTrend(trend));
    }
}
