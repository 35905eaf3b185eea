package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.selections.SelectionsView;
import org.auscult.app.selections.SelectionsViewModel;
import org.auscult.app.spectrogram.FrequencyBand;
import org.auscult.app.spectrogram.SpectrogramSettings;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Selections as sound-analysis tools make them: a box dragged on the spectrogram has a time stretch and frequency
 * bounds, M measures it into the table, a selection made on the waveform spans every frequency, and the table
 * exports as CSV.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SelectionsUiTest {

    @TempDir
    Path folder;

    private WorkstationViewModel model;
    private MainWindow window;
    private TestWindow shown;

    @Start
    void start(Stage stage) {
        shown = TestWindow.layout(folder.resolve("layout.properties")).atOrigin().size(1270, 790).show(stage);
        model = shown.model;
        window = shown.window;
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    /** The screen point of {@code seconds} and {@code hz} on the spectrogram. */
    private Point2D spectrogramPoint(double seconds, double hz) {
        TimeLayer layer = window.spectrogram();
        TimeViewport viewport = model.viewport();
        double plot = layer.getWidth() - TimeLayer.GUTTER;
        SpectrogramSettings settings = model.spectrogram().settingsProperty().get();
        int rate = model.spectrogram().tilesProperty().get().sampleRate();
        double top = settings.topFrequency(rate);
        double bottom = settings.bottomFrequency(rate);
        double y = layer.getHeight() * (top - hz) / (top - bottom);
        return layer.localToScreen(TimeLayer.GUTTER + viewport.xOf(seconds, plot), y);
    }

    private Point2D waveformPoint(double seconds, double fractionOfHeight) {
        TimeLayer layer = window.waveform();
        double plot = layer.getWidth() - TimeLayer.GUTTER;
        return layer.localToScreen(TimeLayer.GUTTER + model.viewport().xOf(seconds, plot),
                layer.getHeight() * fractionOfHeight);
    }

    @Test
    void aBoxOnTheSpectrogramIsMeasuredWithItsBandAndTheTableExports(FxRobot robot) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<RecordingRow> recordings = robot.lookup("#recordings").queryTableView();
        robot.interact(() -> recordings.getSelectionModel().select(0));
        waitFor("the spectrogram", () -> model.loadedProperty().get() != null
                && model.spectrogram().tilesProperty().get() != null);
        robot.clickOn("Selections");

        robot.moveTo(spectrogramPoint(1.0, 300)).press(MouseButton.PRIMARY)
                .moveTo(spectrogramPoint(1.5, 200)).moveTo(spectrogramPoint(2.0, 100)).release(MouseButton.PRIMARY);
        FrequencyBand band = model.spectrogram().bandProperty().get();
        assertTrue(band != null && Math.abs(band.lowHz() - 100) < 15 && Math.abs(band.highHz() - 300) < 15,
                "band " + band);
        assertEquals(1.0, model.viewport().selectionStart(), 0.05);
        assertEquals(2.0, model.viewport().selectionEnd(), 0.05);

        robot.type(KeyCode.M);
        SelectionsViewModel selections = model.selections();
        waitFor("the first measurement", () -> selections.rows().size() == 1);
        var boxed = selections.rows().get(0).measurement();
        assertEquals(band.lowHz(), boxed.lowHz(), 1e-9);
        assertEquals(band.highHz(), boxed.highHz(), 1e-9);
        assertEquals(1.0, boxed.durationSeconds(), 0.06);
        assertTrue(boxed.peakFrequencyHz() >= band.lowHz() && boxed.peakFrequencyHz() <= band.highHz(), "" + boxed);

        // a selection on the waveform has no frequency bounds: every frequency up to the recording's Nyquist
        robot.moveTo(waveformPoint(3.0, 0.5)).press(MouseButton.PRIMARY).moveTo(waveformPoint(3.5, 0.5))
                .moveTo(waveformPoint(4.0, 0.5)).release(MouseButton.PRIMARY);
        assertNull(model.spectrogram().bandProperty().get());
        robot.clickOn("#measure-selection");
        waitFor("the second measurement", () -> selections.rows().size() == 2);
        var whole = selections.rows().get(1).measurement();
        assertEquals(0, whole.lowHz(), 0);
        assertEquals(model.loadedProperty().get().decoded().clip().sampleRate() / 2.0, whole.highHz(), 0);

        Path csv = folder.resolve("selections.csv");
        SelectionsView view = (SelectionsView) robot.lookup("#selections-table").query().getParent();
        robot.interact(() -> view.setExportChooser(() -> csv));
        robot.clickOn("#export-selections");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", SelectionsViewModel.COLUMNS), lines.get(0));
        assertEquals(3, lines.size(), String.join("\n", lines));
        String[] first = lines.get(1).split(",");
        assertEquals("1", first[0]);
        assertEquals(model.loadedProperty().get().row().name(), first[1]);
        assertEquals(boxed.beginSeconds(), Double.parseDouble(first[2]), 1e-4);
        assertEquals(boxed.peakFrequencyHz(), Double.parseDouble(first[7]), 1e-4);

        // Escape clears the selection; M then says what to do instead of measuring nothing
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.M);
        waitFor("the hint", () -> model.status().messageProperty().get().startsWith("Nothing to measure"));
        assertEquals(2, selections.rows().size());
    }
}
