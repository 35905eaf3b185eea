package org.auscult.app;

import org.auscult.app.controls.Labels;
import org.auscult.app.task.FxTaskExecutor;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.app.timeline.TimeRulerView;

import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.Stage;
import org.auscult.app.browser.BrowserView;
import org.auscult.app.browser.OpenDialogs;
import org.auscult.app.cycle.BeatStackView;
import org.auscult.app.cycle.CycleBar;
import org.auscult.app.cycle.CycleOverlay;
import org.auscult.app.cycle.CycleViewModel;
import org.auscult.app.cycle.HeartSummaryView;
import org.auscult.app.features.FeatureInspectionView;
import org.auscult.app.features.FrameCurvesView;
import org.auscult.app.labels.AnnotationLayer;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.labels.LabelPanel;
import org.auscult.app.spectrogram.SpectrogramSettingsView;
import org.auscult.app.spectrogram.SpectrogramView;
import org.auscult.app.training.TrainingWizardView;
import org.auscult.app.training.TrainingWizardViewModel;
import org.auscult.app.verdict.VerdictView;
import org.auscult.app.waveform.WaveformView;
import org.auscult.experiments.ExperimentStore;
import org.auscult.labels.LabelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: browser on the left; time ruler, waveform, spectrogram and per-frame feature curves stacked on
 * one time axis in the middle; verdict and feature inspection on the right; a toolbar for opening, zooming and
 * playback; a status line with progress and the pointer readout.
 *
 * <p>Keys (when no text field has focus): Space play/pause, Shift+Space play selection, L loop, + / - zoom,
 * 0 zoom to fit, Z zoom to selection, Left/Right scroll, Alt+Up/Down amplitude zoom, Escape clear selection,
 * Ctrl+O open a folder, Ctrl+Shift+O open a file, Ctrl+F search, C heart-cycle bands on/off; and the labelling keys, Ctrl+Z undo, Ctrl+Shift+Z redo
 * ({@link WorkstationKeys}).
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final WorkstationViewModel model;
    private final LayoutStore layout;
    private final org.auscult.app.cycle.HeartTrendView trend;
    private final org.auscult.app.cycle.QualityLaneView qualityLane;
    private final BorderPane root = new BorderPane();
    private final SplitPane columns = new SplitPane();
    private final SplitPane layers = new SplitPane();
    private final SplitPane rightPanel = new SplitPane();
    private final BrowserView browser;
    private final WaveformView waveform;
    private final SpectrogramView spectrogram;
    private final FrameCurvesView curves;
    private final TimeRulerView ruler;
    private final Label readout = new Label();
    private final AnnotationViewModel annotations;
    private final AnnotationLayer annotationLane;
    private final LabelPanel labelPanel;
    private final BeatStackView beatStack;
    private final OpenDialogs openDialogs;
    private Stage trainingWizard;
    private TrainingWizardViewModel trainingWizardModel;

    /** A window without labelling (no label database). */
    public MainWindow(WorkstationViewModel model, LayoutStore layout) {
        this(model, layout, AnnotationViewModel.unavailable("Labelling is off in this window."));
    }

    public MainWindow(WorkstationViewModel model, LayoutStore layout, AnnotationViewModel annotations) {
        this.model = model;
        this.layout = layout;
        this.annotations = annotations;
        this.openDialogs = new OpenDialogs(model::open);
        TimeViewport viewport = model.viewport();
        browser = new BrowserView(model.browser());
        ruler = new TimeRulerView(viewport);
        waveform = new WaveformView(viewport, model.waveform());
        waveform.setId("waveform");
        spectrogram = new SpectrogramView(viewport, model.spectrogram());
        spectrogram.setId("spectrogram");
        curves = new FrameCurvesView(viewport, model.features());
        curves.setId("frame-curves");
        annotationLane = new AnnotationLayer(viewport, annotations);
        annotationLane.setId("annotations");
        waveform.addOverlay(annotationLane.overlay());
        spectrogram.addOverlay(annotationLane.overlay());
        annotations.events().addListener((javafx.collections.ListChangeListener<LabelEvent>) change -> {
            waveform.requestRedraw();
            spectrogram.requestRedraw();
        });
        model.loadedProperty().addListener((observable, before, after) -> java.util.Optional.ofNullable(after)
                .ifPresent(recording -> annotations.show(recording.row().recording().path())));
        labelPanel = new LabelPanel(annotations);
        beatStack = new BeatStackView(model.cycle());
        CycleBar cycleBar = installCycle(model.cycle());
        browser.table().getColumns().add(1, mineColumn());
        browser.offerColumnChoice();
        layers.setOrientation(Orientation.VERTICAL);
        layers.getItems().addAll(waveform, spectrogram, curves);
        VBox.setVgrow(layers, Priority.ALWAYS);
        trend = org.auscult.app.cycle.HeartTrendView.following(viewport, model.trendProperty());
        qualityLane = new org.auscult.app.cycle.QualityLaneView(viewport);
        qualityLane.setId("quality-lane");
        qualityLane.qualityProperty().bind(model.qualityProperty());
        qualityLane.visibleProperty().bind(model.qualityProperty().isNotNull());
        qualityLane.managedProperty().bind(qualityLane.visibleProperty());
        VBox centre = new VBox(new SpectrogramSettingsView(model.spectrogram()), cycleBar, ruler, annotationLane,
                qualityLane, trend, layers);
        rightPanel.setOrientation(Orientation.VERTICAL);
        FeatureInspectionView featureTable = new FeatureInspectionView(model.features());
        featureTable.bindWaiting(model.waitingProperty());
        TabPane inspection = new TabPane(new Tab("Features", featureTable),
                WindowParts.tab("labels-tab", "Labels", labelPanel), WindowParts.tab("beats-tab", "Beats", beatStack),
                WindowParts.tab("selections-tab", "Selections", new org.auscult.app.selections.SelectionsView(
                        model.selections(), model::measureSelection)),
                WindowParts.tab("patient-tab", "Patient", new org.auscult.app.examination.ExaminationView(
                        model.examination(), row -> model.browser().selectedProperty().set(row))));
        inspection.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VerdictView verdict = new VerdictView(model.verdict());
        verdict.setPadding(new Insets(6));
        VBox verdictBox = withHeartSummary(verdict, model.cycle());
        rightPanel.getItems().addAll(verdictBox, inspection);
        WindowParts.keepWhole(rightPanel, verdictBox);
        columns.getItems().addAll(browser, centre, rightPanel);
        // A wider window widens the waveform and spectrogram; the browser and the verdict keep their widths.
        SplitPane.setResizableWithParent(browser, false);
        SplitPane.setResizableWithParent(rightPanel, false);
        root.setTop(toolbar());
        root.setCenter(columns);
        root.setBottom(statusLine());
        readout.setId("readout");
        readout.textProperty().bind(WindowParts.readoutOf(waveform, spectrogram, curves, trend, qualityLane, ruler));
        model.viewport().durationProperty().addListener(o -> redrawLayers());
        model.loadedProperty().addListener(o -> redrawLayers());
        bindPlaceholders();
    }

    /**
     * Each lane says what it waits for instead of drawing another recording's data: the waveform until it is decoded
     * or outlined, the spectrogram until it is decoded, the feature lanes and table until its features are computed.
     */
    private void bindPlaceholders() {
        var summary = model.waveform().summaryProperty();
        var decoded = model.loadedProperty();
        var features = model.features().featuresProperty();
        var waiting = model.waitingProperty();
        waveform.placeholderProperty().bind(Bindings.createStringBinding(() -> decoded.get() == null
                && summary.get() == null ? waiting.get() : "", decoded, summary, waiting));
        spectrogram.placeholderProperty().bind(Bindings.createStringBinding(() -> decoded.get() == null
                ? waiting.get() : "", decoded, waiting));
        curves.placeholderProperty().bind(Bindings.createStringBinding(() -> features.get() == null
                ? waiting.get() : "", features, waiting));
    }

    /**
     * The heart cycle: its bands over the waveform and spectrogram (redrawn when it, its murmur or its visibility
     * changes), the label store's events passed on to it (the user's S1/S2 replace the automatic ones), and its bar
     * with the legend and "Accept as labels" (one undoable edit).
     */
    private CycleBar installCycle(CycleViewModel cycle) {
        CycleOverlay overlay = new CycleOverlay(cycle);
        waveform.addOverlay(overlay);
        spectrogram.addOverlay(overlay);
        cycle.shownProperty().addListener(o -> redrawLayers());
        cycle.visibleProperty().addListener(o -> redrawLayers());
        cycle.murmurEvidenceProperty().addListener(o -> redrawLayers());
        Runnable forwardEvents = () -> {
            var shown = annotations.recordingProperty().get();
            if (shown != null) {
                cycle.setEvents(shown.path(), List.copyOf(annotations.events()));
            }
        };
        annotations.events().addListener((javafx.collections.ListChangeListener<LabelEvent>) c -> forwardEvents.run());
        annotations.recordingProperty().addListener(o -> forwardEvents.run());
        return new CycleBar(cycle, annotations.availableProperty(),
                () -> annotations.addEvents(cycle.acceptDescription(), cycle.segmentationToAccept()));
    }

    /** The verdict with the "unsure" banner above it and heart rate, rhythm and quality below; greyed when unsure. */
    private static VBox withHeartSummary(VerdictView verdict, CycleViewModel cycle) {
        HeartSummaryView summary = new HeartSummaryView(cycle);
        summary.setPadding(new Insets(0, 6, 6, 6));
        javafx.css.PseudoClass unsure = javafx.css.PseudoClass.getPseudoClass("unsure");
        summary.banner().visibleProperty().addListener((observable, before, after) ->
                verdict.pseudoClassStateChanged(unsure, after));
        VBox.setMargin(summary.banner(), new Insets(6, 6, 0, 6));
        VBox.setVgrow(verdict, Priority.ALWAYS);
        return new VBox(summary.banner(), verdict, summary);
    }

    private ToolBar toolbar() {
        TimeViewport viewport = model.viewport();
        Button open = WindowParts.button("open", "Open…", "Open a folder or collection (Ctrl+O)",
                () -> openDialogs.chooseFolder(window()));
        Button openFile = WindowParts.button("open-file", "Open file…", "Open a CirCor patient's .txt or a "
                + "collection's label file (Ctrl+Shift+O)", () -> openDialogs.chooseFile(window()));
        Button zoomIn = WindowParts.button("zoom-in", "+", "Zoom in (+, mouse wheel)", () -> viewport.zoom(2));
        Button zoomOut = WindowParts.button("zoom-out", "−", "Zoom out (-, mouse wheel)", () -> viewport.zoom(0.5));
        Button fit = WindowParts.button("zoom-fit", "Fit", "Zoom to fit (0)", viewport::zoomToFit);
        Button toSelection = WindowParts.button("zoom-selection", "To selection", "Zoom to the selection (Z)",
                viewport::zoomToSelection);
        Button play = WindowParts.button("play", "Play", "Play / pause from the cursor (Space)",
                model.playback()::togglePlayPause);
        play.textProperty().bind(Bindings.when(model.playback().playingProperty()).then("Pause").otherwise("Play"));
        Button playSelection = WindowParts.button("play-selection", "Play selection",
                "Play the selected region (Shift+Space)", model.playback()::playSelection);
        ToggleButton loop = new ToggleButton("Loop");
        loop.setId("loop");
        loop.setTooltip(new Tooltip("Loop the selection (L)"));
        loop.selectedProperty().bindBidirectional(model.playback().loopProperty());
        Button train = WindowParts.button("train", "Train…",
                "Train and compare models on a labelled collection (Ctrl+T)", this::openTrainingWizard);
        Button record = WindowParts.button("record", "Record…",
                "Record from a stethoscope, with a verdict as you listen",
                () -> org.auscult.app.record.RecordView.openFor(window(), model.modelProperty().get(),
                        model.browser().selectedPath(),
                        org.auscult.app.record.AuscultationLog.over(annotations::service), kept -> model.open(
                                kept.getParent(), java.util.Optional.of(org.auscult.library.Layout.PLAIN_FOLDER))));
        return new ToolBar(open, openFile, train, record, new Label("  Zoom"), zoomIn, zoomOut, fit, toSelection,
                new Label("  "), play, playSelection, loop);
    }

    private HBox statusLine() {
        Label status = Labels.bound("status", model.status().messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(model.status().progressProperty());
        progress.visibleProperty().bind(model.status().progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        // In the status line, not the toolbar, where a narrow window hides it behind the overflow arrow.
        Label playbackMessage = Labels.bound("playback-message", model.playback().messageProperty());
        playbackMessage.getStyleClass().add("error-text");
        playbackMessage.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        playbackMessage.managedProperty().bind(playbackMessage.textProperty().isNotEmpty());
        HBox line = new HBox(8, progress, playbackMessage, status, spring, readout);
        line.setPadding(new Insets(2, 8, 2, 8));
        line.getStyleClass().add("status-line");
        return line;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * Opens the training wizard on the collection open here (one wizard per window; a second request brings it to
     * the front).
     */
    public Stage openTrainingWizard() {
        if (trainingWizard == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            TrainingWizardViewModel wizard = new TrainingWizardViewModel(new FxTaskExecutor(2),
                    javafx.application.Platform::runLater, ExperimentStore.atDefaultFolder(),
                    WorkstationLinks.of(model, annotations), java.time.Clock.systemUTC(), Math.max(1, cores - 1), cores);
            trainingWizard = TrainingWizardView.open(window(),
                    wizard);
            trainingWizard.setOnHidden(event -> wizard.shutdown());
            trainingWizardModel = wizard;
        }
        if (trainingWizardModel.data().collectionProperty().get() == null) {
            trainingWizardModel.data().useWorkstationCollection();
        }
        trainingWizard.show();
        trainingWizard.toFront();
        return trainingWizard;
    }

    /** The training wizard's view model, null until the wizard was first opened. */
    public TrainingWizardViewModel trainingWizard() {
        return trainingWizardModel;
    }

    private void redrawLayers() {
        ruler.requestRedraw();
        waveform.requestRedraw();
        spectrogram.requestRedraw();
        curves.requestRedraw();
    }

    /** Builds the scene with the remembered size (clamped to the screen) and installs the keyboard shortcuts. */
    public Scene createScene() {
        // The remembered size, but never larger than the screen (a smaller monitor than last time).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(screen.getWidth(), layout.get("window.width", 1400)),
                Math.min(screen.getHeight() - 40, layout.get("window.height", 860)));
        var css = MainWindow.class.getResource("workstation.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, new WorkstationKeys(model, annotations, browser, labelPanel,
                () -> openDialogs.chooseFolder(window()), () -> openDialogs.chooseFile(window()),
                this::openTrainingWizard)::handle);
        columns.setDividerPositions(layout.get("columns.0", 0.35), layout.get("columns.1", 0.76));
        layers.setDividerPositions(layout.get("layers.0", 0.36), layout.get("layers.1", 0.72));
        rightPanel.setDividerPositions(layout.get("right.0", 0.45));
        return scene;
    }

    /** Saves the window size and divider positions. */
    public void saveLayout(Stage stage) {
        layout.put("window.width", stage.getWidth());
        layout.put("window.height", stage.getHeight());
        double[] c = columns.getDividerPositions();
        layout.put("columns.0", c[0]);
        layout.put("columns.1", c[1]);
        double[] l = layers.getDividerPositions();
        layout.put("layers.0", l[0]);
        layout.put("layers.1", l[1]);
        layout.put("right.0", rightPanel.getDividerPositions()[0]);
        try {
            layout.save();
        } catch (IOException e) {
            LOG.warn("Could not save the layout to {}: {}", layout.file(), e.getMessage());
        }
    }

    /** The user's own class of each recording (from the label database), beside the collection's label. */
    private javafx.scene.control.TableColumn<org.auscult.app.browser.RecordingRow, String> mineColumn() {
        var column = new javafx.scene.control.TableColumn<org.auscult.app.browser.RecordingRow, String>("Mine");
        column.setId("mine");
        column.setPrefWidth(80);
        column.setMinWidth(80); // room for the built-in class names, as the Label column
        column.visibleProperty().bind(annotations.availableProperty()); // nothing to show without labelling
        column.setCellValueFactory(cell -> Bindings.valueAt(annotations.userClasses(),
                cell.getValue().recording().path().toAbsolutePath().normalize()));
        return column;
    }

    public BeatStackView beatStack() {
        return beatStack;
    }

    public AnnotationLayer annotations() {
        return annotationLane;
    }

    public Parent root() {
        return root;
    }

    public BrowserView browser() {
        return browser;
    }

    public WaveformView waveform() {
        return waveform;
    }

    public SpectrogramView spectrogram() {
        return spectrogram;
    }

    public FrameCurvesView curves() {
        return curves;
    }
}
