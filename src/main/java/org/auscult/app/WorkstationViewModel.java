package org.auscult.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.app.browser.BrowserViewModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.cycle.CycleViewModel;
import org.auscult.app.features.FeatureInspectionViewModel;
import org.auscult.app.features.ReferenceSet;
import org.auscult.app.playback.PlaybackViewModel;
import org.auscult.app.playback.Player;
import org.auscult.app.spectrogram.SpectrogramViewModel;
import org.auscult.app.verdict.LoadedModel;
import org.auscult.app.verdict.Verdict;
import org.auscult.app.verdict.VerdictAdvisor;
import org.auscult.app.verdict.VerdictViewModel;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.app.waveform.WaveformViewModel;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.WavDecoder;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;

/**
 * The whole workstation's state, and the one place that starts background work. Selecting a recording decodes it
 * and summarises its waveform (the layers draw as soon as that is done), then analyses it as the model's training
 * data was analysed and asks the model; a newer selection cancels both steps of the older one. Opening a
 * collection analyses all of it once, for the browser's predictions and, when the model does not describe its
 * training data, the reference distributions.
 */
public final class WorkstationViewModel {

    /** A decoded recording ready to draw. */
    public record LoadedRecording(RecordingRow row, DecodedAudio decoded, RecordingInfo info, WaveformSummary waveform) {
    }

    /** A recording's features and, when a model is loaded, its verdict. */
    public record Analysis(FeatureSet features, Verdict verdict) {
    }

    private final TaskExecutor executor;
    private final LatestTask selectionTask;
    private final LatestTask scanTask;
    private final int scanThreads;
    private final StatusReporter status = new StatusReporter();
    private final TimeViewport viewport = new TimeViewport();
    private final BrowserViewModel browser;
    private final WaveformViewModel waveform = new WaveformViewModel();
    private final SpectrogramViewModel spectrogram;
    private final FeatureInspectionViewModel features = new FeatureInspectionViewModel();
    private final VerdictViewModel verdict = new VerdictViewModel();
    private final PlaybackViewModel playback;
    private final CycleViewModel cycle;
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyObjectWrapper<LoadedRecording> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");

    /**
     * @param executor    runs decoding, analysis and collection scans
     * @param tileWorker  computes spectrogram tiles
     * @param player      plays audio
     * @param ui          runs a change on the UI thread
     * @param scanThreads recordings analysed at once when a collection is scanned
     */
    public WorkstationViewModel(TaskExecutor executor, Executor tileWorker, Player player, Consumer<Runnable> ui,
                                int scanThreads) {
        this.executor = executor;
        this.selectionTask = new LatestTask(executor);
        this.scanTask = new LatestTask(executor);
        this.scanThreads = scanThreads;
        this.browser = new BrowserViewModel(executor, status);
        this.spectrogram = new SpectrogramViewModel(tileWorker, ui);
        this.playback = new PlaybackViewModel(player, viewport, ui);
        this.cycle = new CycleViewModel(executor, viewport);
        browser.selectedProperty().addListener((observable, before, after) -> select(after));
        browser.collectionProperty().addListener((observable, before, after) -> {
            updateCoverageNote();
            scanCollection();
        });
        model.addListener((observable, before, after) -> {
            verdict.setNoVerdictReason(after == null ? noModelReason() : "Select a recording.");
            // The model's own training data is the reference at once; the collection's only after its scan.
            features.referenceProperty().set(preferredReference(after, null));
            updateCoverageNote();
            scanCollection();
            select(browser.selectedProperty().get());
        });
        verdict.setNoVerdictReason(noModelReason());
    }

    private static String noModelReason() {
        return "No model loaded: start with --model FILE (a model written by 'auscult train') for a verdict.";
    }

    /**
     * The reference a recording is compared with: the model's training data when the model describes it (models
     * saved before they carried a profile do not), else the labelled recordings of the open collection.
     *
     * @param collection the collection's reference, or null when not (yet) known
     */
    static ReferenceSet preferredReference(LoadedModel model, ReferenceSet collection) {
        if (model != null && model.model().profile() != null) {
            return ReferenceSet.fromProfile(model.model().profile());
        }
        return collection;
    }

    /** Notes under the browser when the open collection lacks some of the model's classes. */
    private void updateCoverageNote() {
        var collection = browser.collectionProperty().get();
        LoadedModel current = model.get();
        if (collection == null || current == null) {
            browser.noteProperty().set("");
            return;
        }
        boolean bundled = collection.root().normalize().endsWith(WorkstationOptions.SAMPLE_RECORDINGS);
        browser.noteProperty().set(ClassCoverage.note(current.model().classNames(),
                collection.classCounts().keySet(), bundled));
    }

    /** Opens a folder or collection in the browser. */
    public void open(Path folderOrLabelFile) {
        browser.open(folderOrLabelFile);
    }

    /** Analyses the recording of {@code row} (null clears the view), cancelling the analysis of the previous one. */
    public void select(RecordingRow row) {
        cycle.clear();
        if (row == null) {
            selectionTask.cancel();
            return;
        }
        analysis.set(null);
        verdict.verdictProperty().set(null);
        Path path = row.recording().path();
        selectionTask.replaceWith(BackgroundTask.of("decode " + path, context -> {
            context.progress(0, "Decoding " + row.name());
            DecodedAudio decoded = new WavDecoder().decode(path);
            context.checkCancelled();
            RecordingInfo info = RecordingInfo.of(path, decoded);
            WaveformSummary summary = WaveformSummary.of(decoded.clip().samples(), decoded.clip().sampleRate());
            return new LoadedRecording(row, decoded, info, summary);
        }).onProgress(progress -> status.progress(progress.fraction(), progress.message()))
                .onSuccess(this::show)
                .onFailure(failure -> {
                    String problem = failure.getMessage();
                    row.problemProperty().set(problem == null ? failure.toString() : problem);
                    status.failed("Cannot open " + row.name() + ": " + problem);
                }));
    }

    private void show(LoadedRecording recording) {
        float[] samples = recording.decoded().clip().samples();
        int rate = recording.decoded().clip().sampleRate();
        viewport.reset(Math.max(1.0 / rate, samples.length / (double) rate));
        waveform.summaryProperty().set(recording.waveform());
        spectrogram.setAudio(samples, rate);
        playback.setRecording(samples, rate);
        loaded.set(recording);
        cycle.segment(recording.row().recording().path(), recording.decoded().clip());
        status.progress(0.5, "Analysing " + recording.row().name());
        LoadedModel current = model.get();
        ReferenceSet reference = features.referenceProperty().get();
        selectionTask.replaceWith(BackgroundTask.of("analyse " + recording.row().name(),
                        context -> analyse(recording, current, reference, context))
                .onSuccess(result -> {
                    analysis.set(result);
                    features.featuresProperty().set(result.features());
                    verdict.verdictProperty().set(result.verdict());
                    if (result.verdict() != null) {
                        recording.row().predictedProperty().set(result.verdict().predictedClass());
                        recording.row().confidenceProperty().set(result.verdict().confidence());
                    }
                    RecordingInfo info = recording.info();
                    status.done(String.format(java.util.Locale.ROOT, "%s: %s, %.1f s, peak %.1f dBFS, RMS %.1f dBFS",
                            recording.row().name(), info.format(), info.durationSeconds(), info.peakDbfs(),
                            info.rmsDbfs()));
                })
                .onFailure(failure -> status.failed("Cannot analyse " + recording.row().name() + ": "
                        + failure.getMessage())));
    }

    /** Features as the model's training data had them, and the model's verdict with its warnings. */
    static Analysis analyse(LoadedRecording recording, LoadedModel model, ReferenceSet reference,
                            BackgroundTask.Context context) {
        AnalysisConfig config = model == null ? AnalysisConfig.defaults() : model.analysisConfig();
        FeatureSet featureSet = new FeatureEngine(config.features())
                .extract(config.conditioning().apply(recording.decoded().clip()));
        context.checkCancelled();
        if (model == null) {
            return new Analysis(featureSet, null);
        }
        double[] values = featureSet.summary().values();
        double[] posterior = model.model().posterior(values);
        List<String> warnings = new java.util.ArrayList<>(VerdictAdvisor.warnings(model.model().classNames(),
                posterior, config.conditioning().analysisRate(), recording.info(), reference, values));
        if (model.model().evaluation() != null) {
            warnings.addAll(VerdictAdvisor.trackRecord(model.model().classNames(), posterior,
                    model.model().evaluation().confusion()));
        }
        return new Analysis(featureSet, new Verdict(model.model().classNames(), posterior, model.describe(), warnings));
    }

    /** Analyses the open collection once: predictions for the browser and the reference distributions. */
    private void scanCollection() {
        var collection = browser.collectionProperty().get();
        if (collection == null) {
            return;
        }
        LoadedModel current = model.get();
        List<org.auscult.library.Recording> recordings = collection.recordings();
        String name = collection.root().getFileName() == null ? collection.root().toString()
                : collection.root().getFileName().toString();
        scanTask.replaceWith(BackgroundTask.of("scan " + collection.root(),
                        context -> CollectionScan.run(recordings, current, name, scanThreads, context))
                .onProgress(progress -> status.progress(progress.fraction(), progress.message()))
                .onSuccess(result -> {
                    Map<org.auscult.library.Recording, RecordingRow> rows = new HashMap<>();
                    browser.rows().forEach(row -> rows.put(row.recording(), row));
                    for (CollectionScan.Item item : result.items()) {
                        RecordingRow row = rows.get(item.recording());
                        if (row == null) {
                            continue;
                        }
                        if (!item.problem().isEmpty()) {
                            row.problemProperty().set(item.problem());
                        } else if (item.posterior() != null && current != null) {
                            Verdict itemVerdict = new Verdict(current.model().classNames(), item.posterior(), "",
                                    List.of());
                            row.predictedProperty().set(itemVerdict.predictedClass());
                            row.confidenceProperty().set(itemVerdict.confidence());
                        }
                    }
                    ReferenceSet reference = preferredReference(current, result.reference());
                    features.referenceProperty().set(reference);
                    status.done(reference == null ? "Collection analysed (no labelled recordings)"
                            : "Collection analysed; class distributions from " + reference.source());
                })
                .onFailure(failure -> status.failed("Analysing the collection failed: " + failure.getMessage())));
    }

    /** Stops all background work. */
    public void shutdown() {
        selectionTask.cancel();
        scanTask.cancel();
        cycle.cancel();
        playback.stop();
        executor.shutdown();
    }

    public StatusReporter status() {
        return status;
    }

    public TimeViewport viewport() {
        return viewport;
    }

    public BrowserViewModel browser() {
        return browser;
    }

    public WaveformViewModel waveform() {
        return waveform;
    }

    public SpectrogramViewModel spectrogram() {
        return spectrogram;
    }

    public FeatureInspectionViewModel features() {
        return features;
    }

    public VerdictViewModel verdict() {
        return verdict;
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    /** The heart cycle of the recording on screen: bands, heart rate, beat stack. */
    public CycleViewModel cycle() {
        return cycle;
    }

    /** The model giving verdicts, null when none is loaded. */
    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    /** The recording on screen, null before the first selection. */
    public ReadOnlyObjectProperty<LoadedRecording> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The analysis of the recording on screen, null until it is done. */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
