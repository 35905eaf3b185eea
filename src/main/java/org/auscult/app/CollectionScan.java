package org.auscult.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.app.features.ReferenceSet;
import org.auscult.app.verdict.LoadedModel;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureSet;
import org.auscult.library.Recording;

/**
 * Analyses every recording of a collection once, in the background: the prediction of each (when a model is
 * loaded) for the browser, and the feature distributions and formats of the labelled ones as the
 * {@link ReferenceSet} the verdict and the feature panel compare a recording with.
 */
public final class CollectionScan {

    /** What one recording gave: a prediction (or null) and its facts, or the reason it failed. */
    public record Item(Recording recording, double[] posterior, String problem) {
    }

    /** Every item in collection order, and the reference built from the labelled ones (null when none). */
    public record Result(List<Item> items, ReferenceSet reference) {
    }

    private CollectionScan() {
    }

    /**
     * @param model   the model whose predictions to compute and whose analysis to use, or null for the defaults
     *                and no predictions
     * @param threads recordings analysed at once
     */
    public static Result run(List<Recording> recordings, LoadedModel model, String sourceName, int threads,
                             BackgroundTask.Context context) throws InterruptedException {
        AnalysisConfig config = model == null ? AnalysisConfig.defaults() : model.analysisConfig();
        List<String> featureNames = FeatureRegistry.summaryNames(config.features());
        ThreadLocal<FeatureEngine> engines = ThreadLocal.withInitial(() -> new FeatureEngine(config.features()));
        WavDecoder decoder = new WavDecoder();
        AtomicInteger done = new AtomicInteger();
        record Facts(Item item, double[] features, int sampleRate, double duration, double rms, double peak) {
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "collection-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Facts>> futures = new ArrayList<>();
            for (Recording recording : recordings) {
                futures.add(pool.submit(() -> {
                    context.checkCancelled();
                    Facts facts;
                    try {
                        DecodedAudio decoded = decoder.decode(recording.path());
                        RecordingInfo info = RecordingInfo.of(recording.path(), decoded);
                        FeatureSet features = engines.get().extract(config.conditioning().apply(decoded.clip()));
                        double[] values = features.summary().values();
                        double[] posterior = model == null ? null : model.model().posterior(values);
                        facts = new Facts(new Item(recording, posterior, ""), values, info.sampleRate(),
                                info.durationSeconds(), info.rmsDbfs(), info.peakDbfs());
                    } catch (UnreadableAudioException e) {
                        facts = new Facts(new Item(recording, null, e.problem()), null, 0, 0, 0, 0);
                    } catch (RuntimeException e) {
                        facts = new Facts(new Item(recording, null, String.valueOf(e.getMessage())), null, 0, 0, 0,
                                0);
                    }
                    int finished = done.incrementAndGet();
                    context.progress(finished / (double) recordings.size(), "Analysing the collection: " + finished
                            + " of " + recordings.size());
                    return facts;
                }));
            }
            List<Item> items = new ArrayList<>();
            Map<String, List<double[]>> rowsByClass = new LinkedHashMap<>();
            TreeSet<Integer> rates = new TreeSet<>();
            List<Double> durations = new ArrayList<>();
            List<Double> levels = new ArrayList<>();
            List<Double> peaks = new ArrayList<>();
            for (Future<Facts> future : futures) {
                Facts facts;
                try {
                    facts = future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException cancelled) {
                        throw cancelled;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                items.add(facts.item());
                Recording recording = facts.item().recording();
                if (facts.features() != null && recording.label().isPresent()) {
                    rowsByClass.computeIfAbsent(recording.label().get(), label -> new ArrayList<>())
                            .add(facts.features());
                    rates.add(facts.sampleRate());
                    durations.add(facts.duration());
                    levels.add(facts.rms());
                    peaks.add(facts.peak());
                }
            }
            // Silent recordings (-Infinity dBFS) are left out of the level distributions by FeatureDistribution.
            ReferenceSet reference = rowsByClass.isEmpty() ? null : ReferenceSet.fromRows(
                    durations.size() + " labelled recordings of " + sourceName, featureNames,
                    new java.util.TreeMap<>(rowsByClass), rates,
                    durations.stream().mapToDouble(Double::doubleValue).toArray(),
                    levels.stream().mapToDouble(Double::doubleValue).toArray(),
                    peaks.stream().mapToDouble(Double::doubleValue).toArray());
            return new Result(items, reference);
        } finally {
            pool.shutdownNow();
        }
    }
}
