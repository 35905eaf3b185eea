package org.auscult.app;

import org.auscult.analysis.CollectionScan;
import org.auscult.analysis.HeartTrend;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.task.LatestTask;
import org.auscult.app.task.StatusReporter;
import org.auscult.app.timeline.TimeViewport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.auscult.app.browser.BrowserViewModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.cycle.CycleViewModel;
import org.auscult.app.features.FeatureInspectionViewModel;
import org.auscult.analysis.ReferenceSet;
import org.auscult.app.playback.PlaybackViewModel;
import org.auscult.app.playback.Player;
import org.auscult.app.spectrogram.SpectrogramViewModel;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.VerdictAdvisor;
import org.auscult.app.verdict.VerdictViewModel;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.app.waveform.WaveformViewModel;
import org.auscult.segmentation.quality.QualityMap;

/**
 * The whole workstation's state, and the one place that starts background work. Selecting a recording decodes it
 * and summarises its waveform (the layers draw as soon as that is done), then analyses it as the model's training
 * data was analysed and asks the model; a newer selection cancels both steps of the older one. Opening a
 * collection analyses all of it once, for the browser's predictions and, when the model does not describe its
 * training data, the reference distributions.
 */
public final class WorkstationViewModel {

    private static final String NO_MODEL =
            "No model loaded: start with --model FILE (a model written by 'auscult train') for a verdict.";
    private final TaskExecutor executor;
    private final LatestTask selectionTask;
    private final LatestTask scanTask;
    /** Judges a long recording's first window from its file while the whole recording decodes. */
    private final LatestTask openingTask;
    private final int scanThreads;
    private final StatusReporter status = new StatusReporter();
    private final TimeViewport viewport = new TimeViewport();
    /** What the views of the selected recording wait for ("Loading …", "Analysing …", a failure), "" for nothing. */
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "");
    private final BrowserViewModel browser;
    private final WaveformViewModel waveform = new WaveformViewModel();
    private final SpectrogramViewModel spectrogram;
    private final FeatureInspectionViewModel features = new FeatureInspectionViewModel();
    private final VerdictViewModel verdict = new VerdictViewModel();
    private final PlaybackViewModel playback;
    /** Reads a long recording's file up close, for the waveform at the file's own rate. */
    private final org.auscult.app.waveform.DetailFollower detail;
    private final CycleViewModel cycle;
    private final org.auscult.app.examination.ExaminationViewModel examination;
    private final org.auscult.app.selections.SelectionsViewModel selections;
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyObjectWrapper<LoadedRecording> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyObjectWrapper<RecordingAnalyzer.Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyObjectWrapper<QualityMap> quality = new ReadOnlyObjectWrapper<>(this, "quality");
    private final ReadOnlyObjectWrapper<HeartTrend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final Consumer<Runnable> ui;
    /** The recording last asked for ({@link #select}); what arrives for another is not shown. */
    private RecordingRow selecting;

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
        this.openingTask = new LatestTask(executor);
        this.scanThreads = scanThreads;
        this.browser = new BrowserViewModel(executor, status);
        this.examination = new org.auscult.app.examination.ExaminationViewModel(browser);
        this.ui = ui;
        this.spectrogram = new SpectrogramViewModel(tileWorker, ui);
        this.playback = new PlaybackViewModel(player, viewport, ui);
        this.detail = new org.auscult.app.waveform.DetailFollower(viewport, waveform, tileWorker, ui);
        this.cycle = new CycleViewModel(executor, viewport);
        this.selections = new org.auscult.app.selections.SelectionsViewModel(executor, status);
        browser.selectedProperty().addListener((observable, before, after) -> select(after));
        browser.collectionProperty().addListener((observable, before, after) -> {
            updateCoverageNote();
            scanCollection();
        });
        model.addListener((observable, before, after) -> {
            verdict.setNoVerdictReason(after == null ? NO_MODEL : "Select a recording.");
            // The model's own training data is the reference at once; the collection's only after its scan.
            features.referenceProperty().set(ReferenceSet.preferred(after, null));
            updateCoverageNote();
            scanCollection();
            select(browser.selectedProperty().get());
        });
        verdict.setNoVerdictReason(NO_MODEL);
    }

    /** Notes under the browser when the open collection lacks some of the model's classes. */
    private void updateCoverageNote() {
        browser.noteProperty().set(ClassCoverage.noteFor(browser.collectionProperty().get(), model.get()));
    }

    /** Opens a folder or collection in the browser, detecting its layout. */
    public void open(Path folderOrLabelFile) {
        browser.open(folderOrLabelFile);
    }

    /** Opens a folder or collection in the browser in {@code layout} (empty: detected). */
    public void open(Path folderOrLabelFile, java.util.Optional<org.auscult.library.Layout> layout) {
        browser.open(folderOrLabelFile, layout);
    }

    /** Analyses the recording of {@code row} (null clears the view), cancelling the analysis of the previous one. */
    public void select(RecordingRow row) {
        selecting = row;
        if (row == null) {
            LoadedRecording shown = loaded.get();
            if (shown != null && browser.rows().contains(shown.row())
                    && !browser.filteredRows().contains(shown.row())) {
                // Hidden by a filter, not gone: the whole view stays as it is rather than half of it clearing.
                status.done(shown.row().name() + " is still shown; the browser's filter hides it.");
                return;
            }
            selectionTask.cancel();
            openingTask.cancel();
            clearViews();
            setWaiting("");
            return;
        }
        openingTask.cancel();
        // Nothing of the previous recording stays on screen while this one loads: every view says it is loading.
        clearViews();
        setWaiting("Loading " + row.name() + "…");
        Path path = row.recording().path();
        org.auscult.analysis.AnalysisConfig config = LoadedModel.analysisConfigOf(model.get());
        selectionTask.replaceWith(BackgroundTask.of("decode " + path, context -> RecordingLoader.load(row, config,
                        context, outline -> ui.accept(() -> showOutline(row, outline))))
                .onProgress(progress -> status.progress(progress.fraction(), progress.message()))
                .onSuccess(this::show)
                .onFailure(failure -> {
                    String problem = failure.getMessage();
                    row.problemProperty().set(problem == null ? failure.toString() : problem);
                    status.failed("Cannot open " + row.name() + ": " + problem);
                    setWaiting("Cannot open " + row.name() + ": " + row.problemProperty().get());
                }));
    }

    /**
     * The outline of a long recording's waveform, shown while it decodes, unless another recording was selected
     * or its samples are already shown.
     */
    private void showOutline(RecordingRow row, WaveformSummary outline) {
        if (selecting != row || loaded.get() != null) {
            return;
        }
        viewport.reset(Math.max(1.0 / outline.sampleRate(), outline.durationSeconds()));
        waveform.summaryProperty().set(outline);
        LoadedModel judge = model.get();
        if (judge != null && RecordingAnalyzer.judgesInWindows(outline.durationSeconds())) {
            ReferenceSet reference = features.referenceProperty().get();
            Path path = row.recording().path();
            openingTask.replaceWith(BackgroundTask.of("judge the opening of " + path,
                            context -> RecordingAnalyzer.judging(judge, reference, false).judgeOpening(path))
                    .onSuccess(opening -> showOpening(row, opening)));
        }
    }

    /**
     * The verdict on a long recording's first window, judged from its file while it decodes, unless another recording
     * was selected or the analysis gave a verdict; a failure is left to the analysis, which reads the same file.
     */
    private void showOpening(RecordingRow row, RecordingAnalyzer.Provisional opening) {
        if (opening == null || selecting != row || analysis.get() != null || verdict.verdictProperty().get() != null) {
            return;
        }
        verdict.verdictProperty().set(opening.verdict());
        trend.set(opening.trend());
    }

    /** A long recording's verdict so far, unless another recording was selected or the analysis is done. */
    private void showProvisional(LoadedRecording recording, RecordingAnalyzer.Provisional provisional) {
        if (loaded.get() != recording || analysis.get() != null) {
            return;
        }
        verdict.verdictProperty().set(provisional.verdict());
        trend.set(provisional.trend());
        int done = provisional.windowsJudged();
        status.progress(done / (double) provisional.windows(), String.format(Locale.ROOT, "Judging %s: %d of %d windows",
                recording.row().name(), done, provisional.windows()));
    }

    /** What the views wait for, told to the lanes (through {@link #waitingProperty}) and the verdict panel alike. */
    private void setWaiting(String text) {
        waiting.set(text);
        verdict.setPending(text);
    }

    private void clearViews() {
        trend.set(null);
        quality.set(null);
        cycle.clear();
        analysis.set(null);
        verdict.verdictProperty().set(null);
        features.featuresProperty().set(null);
        loaded.set(null);
        waveform.summaryProperty().set(null);
        spectrogram.setAudio(null, 0);
        spectrogram.bandProperty().set(null);
        playback.setRecording(null, 0);
        detail.setSource(null);
    }

    private void show(LoadedRecording recording) {
        float[] samples = recording.decoded().clip().samples();
        int rate = recording.decoded().clip().sampleRate();
        WaveformSummary outline = waveform.summaryProperty().get();
        if (outline == null || !outline.isOutline()) {
            viewport.reset(Math.max(1.0 / rate, samples.length / (double) rate));
        } // else the outline of this recording set the time axis, and the user may already be zooming it
        waveform.summaryProperty().set(recording.waveform());
        spectrogram.setAudio(samples, rate);
        var source = RecordingLoader.playbackSource(recording);
        playback.setRecording(source);
        detail.setSource(source.sampleRate() > rate ? source : null);
        loaded.set(recording);
        setWaiting("Analysing " + recording.row().name() + "…");
        cycle.finding();
        status.progress(0.5, "Analysing " + recording.row().name());
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model.get(), features.referenceProperty().get(), true)
                .assessingQuality();
        Path path = recording.row().recording().path();
        // the analysis measures which seconds are usable, for the quality lane (a long recording has its trend)
        selectionTask.replaceWith(BackgroundTask.of("analyse " + recording.row().name(),
                        context -> analyzer.analyzeDecoded(path, recording.decoded(),
                                provisional -> ui.accept(() -> showProvisional(recording, provisional))))
                .onSuccess(result -> {
                    // a long recording's lane is its trend; its per-second map only decides "unsure"
                    quality.set(result.trend() == null ? result.quality() : null);
                    trend.set(result.trend());
                    setWaiting("");
                    analysis.set(result);
                    features.featuresProperty().set(result.features());
                    verdict.verdictProperty().set(result.verdict());
                    verdict.setMurmur(result.murmur());
                    cycle.show(path, result.conditioned(), result.segmentation(),
                            VerdictAdvisor.reasonNotToJudge(result.info()));
                    // the same envelope the verdict shows under its description, so the drawings never disagree
                    cycle.setMurmur(verdict.murmurEnvelopeProperty().get());
                    cycle.setSeconds(result.quality());
                    if (result.verdict() != null) {
                        recording.row().showVerdict(result.verdict(), result.segmentation() == null ? Double.NaN
                                : result.segmentation().qualityIndex(), result.describedMurmur());
                        examination.refresh();
                    }
                    status.done(recording.row().name() + ": " + recording.info().summary());
                })
                .onFailure(failure -> {
                    status.failed("Cannot analyse " + recording.row().name() + ": " + failure.getMessage());
                    setWaiting("Cannot analyse " + recording.row().name() + ": " + failure.getMessage());
                }));
    }

    /** Analyses the open collection once: verdicts for the browser and the reference distributions. */
    private void scanCollection() {
        var collection = browser.collectionProperty().get();
        if (collection == null) {
            return;
        }
        LoadedModel current = model.get();
        var recordings = browser.judgedByTheScan();
        String name = java.util.Objects.toString(collection.root().getFileName(), collection.root().toString());
        scanTask.replaceWith(BackgroundTask.of("scan " + collection.root(), context -> CollectionScan.run(
                        recordings, current, name, scanThreads, context::progress, context.cancellation()))
                .onProgress(progress -> status.progress(progress.fraction(), progress.message()))
                .onSuccess(result -> {
                    browser.showScan(result.items());
                    examination.refresh();
                    ReferenceSet reference = ReferenceSet.preferred(current, result.reference());
                    features.referenceProperty().set(reference);
                    status.done(reference == null ? "Collection analysed (no labelled recordings)"
                            : "Collection analysed; class distributions from " + reference.source());
                })
                .onFailure(failure -> status.failed("Analysing the collection failed: " + failure.getMessage())));
    }

    /** Stops all background work. */
    public void shutdown() {
        selectionTask.cancel();
        openingTask.cancel();
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

    public org.auscult.app.selections.SelectionsViewModel selections() {
        return selections;
    }

    /** Measures the selection on the recording on screen, in the band dragged on the spectrogram, if any. */
    public void measureSelection() {
        LoadedRecording shown = loaded.get();
        selections.measureSelection(shown == null ? null : shown.row().name(),
                shown == null ? null : shown.decoded().clip(), viewport, spectrogram.bandProperty().get());
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

    /** The examination of the selected recording's patient: its sites side by side. */
    public org.auscult.app.examination.ExaminationViewModel examination() {
        return examination;
    }

    /** The heart cycle of the recording on screen: bands, heart rate, beat stack. */
    public CycleViewModel cycle() {
        return cycle;
    }

    /** The model giving verdicts, null when none is loaded. */
    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    /**
     * What the selected recording's views wait for: "Loading NAME…" while it decodes (nothing of it can be drawn),
     * "Analysing NAME…" while its features, cycle and verdict are computed, or why it failed; "" once complete.
     */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** A long recording's trend, growing window by window while it is judged; null for a recording judged whole. */
    public ReadOnlyObjectProperty<HeartTrend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    /** Which seconds of the recording shown are usable heart sound; null while it is analysed, or for a long one. */
    public ReadOnlyObjectProperty<QualityMap> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** The recording on screen, null before the first selection and while another loads. */
    public ReadOnlyObjectProperty<LoadedRecording> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The analysis of the recording on screen, null until it is done. */
    public ReadOnlyObjectProperty<RecordingAnalyzer.Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
