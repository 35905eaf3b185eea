package org.auscult.app.record;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;

/**
 * The Record window: input, patient and site; Start, Stop, Keep and Discard; the level meter, the last ten seconds
 * of waveform scrolling, the rolling verdict with heart rate and quality, and what to do when the sound is poor.
 */
public final class RecordView extends VBox {

    private final RecordViewModel model;
    private final Canvas waveform = new Canvas(640, 140);
    private final Canvas spectrogram = new Canvas(640, 120);
    private final Canvas trend = new Canvas(640, 48);
    private final Timeline repaint = new Timeline(new KeyFrame(Duration.millis(50), event -> drawWaveform()));

    /** @param onKept called with a recording the user keeps */
    public RecordView(RecordViewModel model, Consumer<Path> onKept) {
        super(8);
        this.model = model;
        setPadding(new Insets(10));
        setId("record-view");

        ComboBox<RecordViewModel.Input> inputs = new ComboBox<>(model.inputs());
        inputs.setId("record-input");
        inputs.valueProperty().bindBidirectional(model.inputProperty());
        inputs.setConverter(Labels.named(RecordViewModel.Input::name));
        inputs.setPromptText(model.inputs().isEmpty() ? "No audio input found" : "Choose an input");
        inputs.setMaxWidth(Double.MAX_VALUE);
        TextField patient = new TextField();
        patient.setId("record-patient");
        patient.setPromptText("patient ID");
        patient.textProperty().bindBidirectional(model.patientProperty());
        ComboBox<String> site = new ComboBox<>();
        site.setId("record-site");
        site.getItems().setAll(RecordViewModel.SITES);
        site.valueProperty().bindBidirectional(model.siteProperty());
        javafx.scene.control.CheckBox listen = new javafx.scene.control.CheckBox("Listen while recording");
        listen.setId("record-listen");
        listen.selectedProperty().bindBidirectional(model.monitoringProperty());
        listen.disableProperty().bind(model.stateProperty().isEqualTo(RecordViewModel.State.RECORDING));
        Label folder = new Label();
        folder.textProperty().bind(model.folderProperty().asString("Saved in %s"));
        folder.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Input"), inputs);
        form.addRow(1, new Label("Patient"), patient);
        form.addRow(2, new Label("Site"), site);
        form.addRow(3, new Label(""), listen);
        GridPane.setHgrow(inputs, Priority.ALWAYS);

        Button start = Buttons.of("record-start", "Start", () -> model.start());
        Button stop = Buttons.of("record-stop", "Stop", () -> model.stop());
        Button keep = Buttons.of("record-keep", "Keep", () -> {
            Path kept = model.keep();
            if (kept != null) {
                onKept.accept(kept);
            }
        });
        Button discard = Buttons.of("record-discard", "Discard", () -> model.discard());
        var recording = model.stateProperty().isEqualTo(RecordViewModel.State.RECORDING);
        var stopped = model.stateProperty().isEqualTo(RecordViewModel.State.STOPPED);
        start.disableProperty().bind(model.stateProperty().isNotEqualTo(RecordViewModel.State.READY));
        stop.disableProperty().bind(recording.not());
        keep.disableProperty().bind(stopped.not().or(model.recordedProperty().isNull()));
        discard.disableProperty().bind(keep.disableProperty());

        ProgressBar meter = new ProgressBar();
        meter.setId("record-level");
        meter.progressProperty().bind(model.levelProperty());
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.styleProperty().bind(javafx.beans.binding.Bindings.when(model.clippingProperty())
                .then("-fx-accent: #e53935;").otherwise(""));
        HBox.setHgrow(meter, Priority.ALWAYS);
        Label levelText = Labels.wrapped("record-level-text", model.levelTextProperty());
        Label verdict = Labels.wrapped("record-verdict", model.verdictProperty());
        verdict.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label heart = Labels.wrapped("record-heart", model.heartProperty());
        Label guidance = Labels.wrapped("record-guidance", model.guidanceProperty());
        guidance.setStyle("-fx-text-fill: #b26a00;");
        Label message = Labels.wrapped("record-message", model.messageProperty());
        Label examination = Labels.wrapped("record-examination", model.examinationProperty());
        examination.setStyle("-fx-font-weight: bold;");

        Pane canvasPane = filledBy(waveform, 140);
        VBox.setVgrow(canvasPane, Priority.ALWAYS);
        Pane spectrogramPane = filledBy(spectrogram, 120);
        spectrogram.setId("record-spectrogram");
        VBox.setVgrow(spectrogramPane, Priority.ALWAYS);
        getChildren().addAll(form, folder, examination, new HBox(6, start, stop, keep, discard),
                new HBox(8, meter, levelText),
                canvasPane, spectrogramPane, trendPane(), verdict, heart, guidance, message);
        model.judgements().addListener((javafx.collections.ListChangeListener<Object>) change -> drawTrend());
        repaint.setCycleCount(Timeline.INDEFINITE);
        model.stateProperty().addListener((property, old, now) -> {
            if (now == RecordViewModel.State.RECORDING) {
                repaint.play();
            } else {
                repaint.stop();
                drawWaveform();
            }
        });
        drawWaveform();
    }

    private Pane trendPane() {
        Pane pane = filledBy(trend, 48);
        pane.setMinHeight(48);
        trend.setId("record-trend");
        trend.widthProperty().addListener(o -> drawTrend());
        return pane;
    }

    /** A pane of {@code prefHeight} that {@code canvas} fills as it resizes. */
    private static Pane filledBy(Canvas canvas, double prefHeight) {
        Pane pane = new Pane(canvas);
        pane.setPrefHeight(prefHeight);
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        return pane;
    }

    /** {@code canvas}'s graphics, the canvas cleared to the dark background. */
    private static GraphicsContext cleared(Canvas canvas) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1b1b1b"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /**
     * The whole recording's trend, one column per verdict: the shade its signal quality (green clean, dark red no
     * heart sound), the dot its heart rate on 40-160 bpm, "HR" and the latest rate at the left.
     */
    private void drawTrend() {
        GraphicsContext g = cleared(trend);
        double width = trend.getWidth();
        double height = trend.getHeight();
        var all = model.judgements();
        if (all.isEmpty() || width < 1) {
            return;
        }
        double end = Math.max(30, all.get(all.size() - 1).toSeconds());
        for (var judgement : all) {
            double x0 = width * (judgement.toSeconds() - 1) / end;
            double x1 = width * judgement.toSeconds() / end;
            double quality = Double.isNaN(judgement.quality()) ? 0 : Math.max(0, Math.min(1, judgement.quality()));
            g.setFill(Color.web("#5a1f24").interpolate(Color.web("#2e4a3a"), quality));
            g.fillRect(x0, 0, Math.max(1, x1 - x0), height);
            if (!Double.isNaN(judgement.heartRateBpm())) {
                double bpm = Math.max(40, Math.min(160, judgement.heartRateBpm()));
                g.setFill(Color.web("#ffd166"));
                g.fillOval((x0 + x1) / 2 - 2, height - (bpm - 40) / 120 * height - 2, 4, 4);
            }
        }
    }

    /** The live spectrogram, 0 to 1000 Hz, -100 to -10 dB in the main spectrogram's colours, newest at the right. */
    private void drawSpectrogram() {
        GraphicsContext g = cleared(spectrogram);
        double width = spectrogram.getWidth();
        double height = spectrogram.getHeight();
        LiveSpectrogram live = model.spectrogram();
        if (live == null || width < 1 || height < 1) {
            return;
        }
        float[][] columns = live.columns();
        int w = (int) width;
        int h = (int) height;
        javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(w, h);
        javafx.scene.image.PixelWriter pixels = image.getPixelWriter();
        int bins = live.bins();
        for (int x = 0; x < w; x++) {
            float[] column = columns[(int) ((long) x * columns.length / w)];
            for (int y = 0; y < h; y++) {
                int bin = Math.min(bins - 1, (int) ((long) (h - 1 - y) * bins / h));
                double level = column == null ? 0 : (column[bin] + 100) / 90;
                pixels.setArgb(x, y, column == null ? 0xff1b1b1b
                        : org.auscult.app.spectrogram.ColourMap.MAGMA.argb(Math.max(0, Math.min(1, level))));
            }
        }
        g.drawImage(image, 0, 0);
    }

    /** The last seconds as min/max bars, one per pixel column, newest at the right. */
    private void drawWaveform() {
        drawSpectrogram();
        GraphicsContext g = cleared(waveform);
        double width = waveform.getWidth();
        double height = waveform.getHeight();
        float[] samples = model.shownSamples();
        int columns = (int) width;
        if (samples.length == 0 || columns <= 0) {
            return;
        }
        g.setStroke(Color.web("#4fc3f7"));
        g.setLineWidth(1);
        double middle = height / 2;
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * samples.length / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * samples.length / columns));
            float lo = 0;
            float hi = 0;
            for (int i = from; i < to && i < samples.length; i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            g.strokeLine(x + 0.5, middle - hi * middle, x + 0.5, middle - lo * middle);
        }
    }

    /**
     * Opens Record mode over {@code owner} with every input this machine has (and a replay of {@code selected}, when
     * one is selected), recording into {@link RecordInputs#defaultFolder()}, judging with {@code loaded} and keeping
     * each recording's patient and site through {@code log}.
     */
    public static Stage openFor(Window owner, org.auscult.analysis.LoadedModel loaded, Path selected,
                                AuscultationLog log, Consumer<Path> onKept) {
        RecordViewModel model = new RecordViewModel(javafx.application.Platform::runLater,
                java.time.Clock.systemDefaultZone());
        model.inputs().setAll(RecordInputs.available(selected));
        if (!model.inputs().isEmpty()) {
            model.inputProperty().set(model.inputs().get(0));
        }
        model.folderProperty().set(RecordInputs.defaultFolder());
        model.modelProperty().set(loaded);
        model.setLog(log);
        return open(owner, model, onKept);
    }

    /** Opens the Record window over {@code owner}; closing it stops a recording in progress. */
    public static Stage open(Window owner, RecordViewModel model, Consumer<Path> onKept) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Record");
        stage.setScene(new Scene(new RecordView(model, onKept), 700, 560));
        stage.setOnHidden(event -> model.stop());
        stage.show();
        return stage;
    }
}
