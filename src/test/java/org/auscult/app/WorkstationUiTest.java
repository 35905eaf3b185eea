package org.auscult.app;

import org.auscult.app.timeline.TimeViewport;
import org.auscult.app.timeline.TimeLayer;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.auscult.app.browser.BrowserViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the whole window headless: open the sample collection, select a recording, zoom, select a region, change
 * the spectrogram settings, read the verdict, try to play without a sound device; and saves screenshots of the
 * main window under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorkstationUiTest {

    @TempDir
    static Path layoutFolder;

    private WorkstationViewModel model;
    private MainWindow window;
    private TestWindow shown;

    @BeforeAll
    static void trainModel() throws Exception {
        SampleModel.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        // A window that fits a small laptop screen.
        shown = TestWindow.layout(layoutFolder.resolve("layout.properties")).scanThreads(2).atOrigin().size(1270, 790)
                .show(stage);
        model = shown.model;
        window = shown.window;
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }


    @SuppressWarnings("unchecked")
    private void selectFirstRecording(FxRobot robot) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<?> table = robot.lookup("#recordings").queryAs(TableView.class);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitFor("the verdict", () -> model.verdict().verdictProperty().get() != null);
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
    }

    @Test
    void drivesEveryPart(FxRobot robot) throws Exception {
        selectFirstRecording(robot);

        // Verdict: headline names the predicted class, one bar per class, the model is named.
        var verdict = model.verdict().verdictProperty().get();
        String headline = robot.lookup("#verdict-headline").queryAs(Label.class).getText();
        assertTrue(headline.startsWith(verdict.predictedClass()), headline);
        // every class named, with its probability as a number
        for (int c = 0; c < verdict.classNames().size(); c++) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", verdict.probabilities()[c]),
                    robot.lookup("#probability-" + verdict.classNames().get(c)).queryAs(Label.class).getText());
        }
        assertEquals(6, robot.lookup("#verdict-probabilities").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().size(), "two classes, three cells each; no follow-up row for a two-class model");
        assertTrue(robot.lookup("#verdict-model").queryAs(Label.class).getText().contains("test forest on circor"));
        assertEquals(verdict.predictedClass(), model.browser().selectedProperty().get().predictedProperty().get());
        // The feature panel says the distributions are the model's own training data; the sample model knows the
        // samples' two classes, so the browser has no note.
        assertEquals("Class distributions from the model's 16 training recordings.",
                robot.lookup("#reference-caption").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#collection-note").queryAs(Label.class).isVisible());

        // Zoom with the keyboard, then fit again with the button.
        TimeViewport viewport = model.viewport();
        double whole = viewport.visible();
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(whole / 2, viewport.visible(), 1e-9);
        robot.clickOn("#zoom-fit");
        assertEquals(whole, viewport.visible(), 1e-9);

        // Select a region by dragging across the waveform, and zoom to it.
        Bounds bounds = robot.lookup("#waveform").query().localToScreen(
                robot.lookup("#waveform").query().getLayoutBounds());
        double y = bounds.getMinY() + bounds.getHeight() / 2;
        double x1 = bounds.getMinX() + TimeLayer.GUTTER + 100;
        double x2 = bounds.getMinX() + TimeLayer.GUTTER + 300;
        robot.moveTo(new javafx.geometry.Point2D(x1, y)).press(MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(x2, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewport.hasSelection(), "dragging selects");
        double plot = bounds.getWidth() - TimeLayer.GUTTER;
        assertEquals(200 / plot * whole, viewport.selectionEnd() - viewport.selectionStart(), whole / plot * 2);
        robot.clickOn("#zoom-selection");
        assertEquals(viewport.selectionEnd() - viewport.selectionStart(), viewport.visible(), 1e-9);

        // Spectrogram settings: a bad hop is refused with a reason, a good one applied.
        robot.doubleClickOn("#hop").eraseText(4).write("9999").type(KeyCode.ENTER);
        assertTrue(robot.lookup("#spectrogram-error").queryAs(Label.class).getText().contains("hop"));
        assertEquals(128, model.spectrogram().settingsProperty().get().hopSize());
        robot.doubleClickOn("#hop").eraseText(4).write("64").type(KeyCode.ENTER);
        assertEquals(64, model.spectrogram().settingsProperty().get().hopSize());
        assertEquals("", robot.lookup("#spectrogram-error").queryAs(Label.class).getText());

        // No sound device: a message, not a crash.
        robot.clickOn("#play");
        Label message = robot.lookup("#playback-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("No audio output device is available"),
                message.getText());
        assertFalse(message.getText().contains("SourceDataLine"), "Java's wording is not shown");
        assertTrue(message.isVisible() && message.getWidth() >= message.prefWidth(-1) - 0.5
                        && message.localToScene(0, 0).getX() + message.getWidth() <= message.getScene().getWidth(),
                "shown whole, in the window");
        assertFalse(model.playback().playingProperty().get());
    }

    @Test
    void aFilterThatHidesTheShownRecordingLeavesItsWholeViewInPlace(FxRobot robot) throws Exception {
        selectFirstRecording(robot);
        waitFor("the heart cycle", () -> model.cycle().summaryProperty().get() != null
                && model.cycle().automaticProperty().get() != null);
        var shown = model.loadedProperty().get();
        var summary = model.cycle().summaryProperty().get();
        String label = shown.row().label();
        String other = label.equals("murmur") ? "normal" : "murmur";
        robot.interact(() -> model.browser().classFilterProperty().set(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.browser().filteredRows().contains(shown.row()));
        assertEquals(shown, model.loadedProperty().get());
        assertEquals(summary, model.cycle().summaryProperty().get(), "the heart rate and quality stay");
        assertTrue(model.cycle().automaticProperty().get() != null, "the bands stay");
        assertTrue(model.verdict().verdictProperty().get() != null, "the verdict stays");
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("filter hides it"));
    }

    @Test
    void filtersByClassAndText(FxRobot robot) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        long murmurs = model.browser().rows().stream().filter(row -> row.label().equals("murmur")).count();
        robot.interact(() -> model.browser().classFilterProperty().set("murmur"));
        assertEquals(murmurs, model.browser().filteredRows().size());
        robot.interact(() -> model.browser().classFilterProperty().set(BrowserViewModel.ALL));
        robot.clickOn("#search").write("36327");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.browser().filteredRows().size());
        assertEquals("36327_MV", model.browser().filteredRows().get(0).name());
    }

    @Test
    void savesScreenshotsOfTheMainWindow(FxRobot robot) throws Exception {
        selectFirstRecording(robot);
        waitFor("the reference distributions", () -> model.features().referenceProperty().get() != null);
        robot.interact(() -> model.features().selectedFeatureProperty().set(
                model.features().rows().indexOf(model.features().rows().stream()
                        .filter(row -> row.name().equals("spectral_centroid_mean")).findFirst().orElseThrow())));
        waitFor("the spectrogram tiles", () -> {
            window.spectrogram().redrawNow();
            return window.spectrogram().complete();
        });
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        save(robot, folder.resolve("workstation.png"));
        robot.interact(() -> model.viewport().show(2, 3));
        waitFor("the zoomed tiles", () -> {
            window.spectrogram().redrawNow();
            return window.spectrogram().complete();
        });
        save(robot, folder.resolve("workstation-zoomed.png"));
        assertTrue(Files.size(folder.resolve("workstation.png")) > 10_000);
    }

    private void save(FxRobot robot, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            window.waveform().redrawNow();
            window.spectrogram().redrawNow();
            window.curves().redrawNow();
            image[0] = window.root().getScene().snapshot(null);
        });
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", file.toFile());
    }
}
