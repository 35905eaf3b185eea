package org.auscult.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.auscult.audio.RecordingInfo;
import org.auscult.features.FeatureRegistry;
import org.auscult.learn.Cancellation;
import org.auscult.library.Recording;
import org.auscult.segmentation.QualityFeature;

/**
 * Analyses every recording of a collection once, down the same road as a single recording: the verdict on each
 * (when a model is given) for the browser, and the feature distributions and formats of the labelled ones as the
 * {@link ReferenceSet} the verdict and the feature panel compare a recording with.
 */
public final class CollectionScan {

    /**
     * What one recording gave: the verdict (null without a model) and the signal-quality index of its heart cycle
     * ({@link org.auscult.segmentation.SignalQuality}; NaN when the model's features do not measure it) and, for a
     * murmur verdict, the murmur described ({@link RecordingAnalyzer.Analysis#describedMurmur}), or the reason it
     * failed ("" when it did not). The scan measures the usable seconds as {@code classify} and the opened recording
     * do, so an unsure recording's verdict answers follow-up and is described alike in the browser, the patient
     * view and the command line.
     */
    public record Item(Recording recording, Verdict verdict, double signalQuality, String murmur, String problem) {
    }

    /** Every item in collection order, and the reference built from the labelled ones (null when none). */
    public record Result(List<Item> items, ReferenceSet reference) {
    }

    /** How far the scan has got, after each recording. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(double fraction, String message);
    }

    private CollectionScan() {
    }

    /**
     * @param model   the model whose verdicts to give and whose analysis to use, or null for the defaults and no
     *                verdicts
     * @param threads recordings analysed at once
     * @throws java.util.concurrent.CancellationException when {@code cancellation} was cancelled first
     */
    public static Result run(List<Recording> recordings, LoadedModel model, String sourceName, int threads,
                             ProgressListener listener, Cancellation cancellation) {
        ReferenceSet modelReference = ReferenceSet.preferred(model, null);
        int qualityColumn = FeatureRegistry.summaryNames(LoadedModel.analysisConfigOf(model).features())
                .indexOf(QualityFeature.INDEX);
        List<RecordingBatch.Outcome<Scanned>> outcomes = RecordingBatch.run(
                recordings.stream().map(FeatureTableBuilder.Input::of).toList(), Math.max(1, threads),
                () -> RecordingAnalyzer.judging(model, modelReference, false).assessingQuality(),
                (input, analysis) -> new Scanned(analysis.verdict(), analysis.features().summary().values(),
                        analysis.info(), analysis.describedMurmur()),
                (done, total, seconds) -> listener.progress(done / (double) total,
                        "Analysing the collection: " + done + " of " + total), cancellation);
        List<Item> items = new ArrayList<>();
        Map<String, List<double[]>> rowsByClass = new TreeMap<>();
        TreeMap<Integer, Integer> rates = new TreeMap<>();
        List<Scanned> labelled = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Recording recording = recordings.get(i);
            Scanned analysis = outcomes.get(i).result();
            if (analysis == null) {
                items.add(new Item(recording, null, Double.NaN, "", outcomes.get(i).failure().problem()));
                continue;
            }
            items.add(new Item(recording, analysis.verdict(),
                    qualityColumn < 0 ? Double.NaN : analysis.features()[qualityColumn], analysis.murmur(), ""));
            if (recording.label().isPresent()) {
                rowsByClass.computeIfAbsent(recording.label().get(), label -> new ArrayList<>())
                        .add(analysis.features());
                rates.merge(analysis.info().sampleRate(), 1, Integer::sum);
                labelled.add(analysis);
            }
        }
        // Silent recordings (-Infinity dBFS) are left out of the level distributions by FeatureDistribution.
        ReferenceSet reference = rowsByClass.isEmpty() ? null : ReferenceSet.fromRows(
                labelled.size() + " labelled recordings of " + sourceName,
                FeatureRegistry.summaryNames(LoadedModel.analysisConfigOf(model).features()), rowsByClass, rates,
                column(labelled, a -> a.info().durationSeconds()), column(labelled, a -> a.info().rmsDbfs()),
                column(labelled, a -> a.info().peakDbfs()));
        return new Result(items, reference);
    }

    /** What the scan keeps of a recording's analysis. */
    private record Scanned(Verdict verdict, double[] features, RecordingInfo info, String murmur) {
    }

    private static double[] column(List<Scanned> analyses, ToDoubleFunction<Scanned> value) {
        return analyses.stream().mapToDouble(value).toArray();
    }
}
