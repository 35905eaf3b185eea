package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.auscult.analysis.LoadedModel;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.experiments.SyntheticCollection;
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
 * The main window cuts no text at 1366 x 768 (a common laptop) and at 1600 x 1000: with the sample collection open
 * and a recording shown, every label, button, column header and cell shows its whole text: the browser's columns,
 * the verdict of a model of six classes with the follow-up line, the unsure banner, the model line, the status
 * line, the spectrogram settings and the feature panel with each class's percentile.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class NoCutTextUiTest {

    @TempDir
    static Path layoutFolder;

    private WorkstationViewModel model;
    private MainWindow window;
    private AnnotationViewModel annotations;
    private TestWindow shown;
    private Stage stage;

    private static LoadedModel sixClasses;

    /** A model of the five built-in classes and one more, as a researcher's model may have. */
    @BeforeAll
    static void trainModel() throws Exception {
        Path collection = SyntheticCollection.write(layoutFolder.resolve("six classes"),
                List.of("normal", "murmur", "extrastole", "extrahls", "artifact", "abnormal"), 3, 3.0, 5);
        sixClasses = SampleModel.trainOn(collection, "test forest on six synthetic classes");
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // Labelling on, as in the application: the browser has the user's own column too.
        shown = TestWindow.layout(layoutFolder.resolve("layout-" + System.nanoTime() + ".properties")).scanThreads(2)
                .labels(layoutFolder.resolve("labels-" + System.nanoTime() + ".db")).atOrigin().show(stage);
        model = shown.model;
        window = shown.window;
        annotations = shown.annotations;
        model.modelProperty().set(sixClasses);
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    void theMainWindowCutsNoTextAt1366x768() throws Exception {
        checkAt(1366, 768);
    }

    @Test
    void theMainWindowCutsNoTextAt1600x1000() throws Exception {
        checkAt(1600, 1000);
    }

    private void checkAt(int width, int height) throws Exception {
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<?> table = robot.lookup("#recordings").queryAs(TableView.class);

        // A recording with its verdict, heart cycle and features, labelled by the user.
        // 85004_MV: too little usable heart sound, so the unsure banner is on show too
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .map(row -> ((org.auscult.app.browser.RecordingRow) row).name()).toList().indexOf("85004_MV")));
        waitFor("labelling", () -> annotations.recordingProperty().get() != null);
        assertTrue(table.getColumns().stream().anyMatch(column -> "Mine".equals(column.getText())
                && column.isVisible()), "the user's own column is shown");
        robot.clickOn("#waveform");
        robot.type(KeyCode.DIGIT3); // extrasystole, the longest of the built-in class names
        waitFor("the user's class", () -> annotations.userClasses().containsValue("extrastole"));
        waitFor("the verdict", () -> model.verdict().verdictProperty().get() != null
                && model.features().referenceProperty().get() != null
                && model.cycle().summaryProperty().get() != null
                && !model.cycle().summaryProperty().get().heartRate().isEmpty());
        assertEquals(7, window.root().lookup("#verdict-probabilities").lookupAll(".progress-bar").size(),
                "six classes and the follow-up line");
        assertTrue(window.root().lookup("#verdict-unsure").isVisible(), "this recording's quality is too low: "
                + "the unsure banner is on show");
        List<String> cut = check(robot, width, height);
        assertEquals(List.of(), cut, cut.size() + " controls cut their text at " + width + " x " + height);
        saveScreenshot(robot, "workstation-" + width + "x" + height);
    }

    /** With -Dauscult.screenshots=docs/screenshots, the window as it is, its spectrogram complete. */
    private void saveScreenshot(FxRobot robot, String name) throws Exception {
        Screenshots.saveWindowIfAsked(robot, window, name);
    }

    private List<String> check(FxRobot robot, int width, int height) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            window.root().applyCss();
            window.root().layout();
            assertEquals(width, (int) Math.round(stage.getWidth()), "the stage has the size asked");
            assertEquals(height, (int) Math.round(stage.getHeight()), "the stage has the size asked");
            found.addAll(CutText.in(stage.getScene()));
        });
        return found;
    }
}
