package org.auscult.app.training;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.auscult.app.MainWindow;
import org.auscult.app.TestWindow;
import org.auscult.app.WorkstationViewModel;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.SyntheticCollection;
import org.auscult.learn.Balancing;
import org.junit.jupiter.api.AfterAll;
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
 * Drives the training wizard headless from the main window (Ctrl+T) on a generated collection: every page, a run
 * whose confusion matrix fills in fold by fold, a click on a matrix cell that opens a recording in the waveform
 * view, feature importance, Save model and Use as active model; and a cancelled run that leaves everything as it
 * was. Saves screenshots of the run and result pages under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrainingWizardUiTest {

    @TempDir
    static Path folder;
    private static Path collection;
    private static String experimentsBefore;

    private WorkstationViewModel workstation;
    private MainWindow window;
    private TestWindow shown;

    @BeforeAll
    static void writeCollection() throws Exception {
        collection = SyntheticCollection.write(folder.resolve("collection"), 6, 2.5, 42);
        experimentsBefore = System.getProperty(ExperimentStore.FOLDER_PROPERTY);
        System.setProperty(ExperimentStore.FOLDER_PROPERTY, folder.resolve("experiments").toString());
    }

    @AfterAll
    static void restoreProperty() {
        if (experimentsBefore == null) {
            System.clearProperty(ExperimentStore.FOLDER_PROPERTY);
        } else {
            System.setProperty(ExperimentStore.FOLDER_PROPERTY, experimentsBefore);
        }
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.layout(folder.resolve("layout.properties")).scanThreads(2).atOrigin().size(1270, 790)
                .show(stage);
        workstation = shown.model;
        window = shown.window;
        workstation.open(collection);
    }

    @AfterEach
    void stop() {
        if (window.trainingWizard() != null) {
            window.trainingWizard().shutdown();
        }
        shown.close();
    }

    /** Opens the wizard with Ctrl+T once the workstation shows the collection; returns its window. */
    private Stage openWizard(FxRobot robot) throws Exception {
        waitFor("the collection in the browser", () -> workstation.browser().rows().size() == 12);
        robot.clickOn("#waveform");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Stage wizard = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Train a model".equals(s.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("Ctrl+T opened no wizard"));
        robot.interact(() -> {
            wizard.setX(0);
            wizard.setY(0);
        });
        TrainingWizardViewModel model = window.trainingWizard();
        waitFor("the data summary", () -> model.data().summaryProperty().get() != null);
        return wizard;
    }

    /** Fills the pages with a fast design through the controls, and presses Run. */
    private void fillAndRun(FxRobot robot, TrainingWizardViewModel model, String trees, String folds,
                            String repeats) throws Exception {
        assertEquals("6", robot.lookup("#class-counts").queryTableView().getColumns().get(1)
                .getCellData(0).toString());
        robot.clickOn("#next");
        assertEquals(TrainingWizardViewModel.Page.FEATURES, model.pageProperty().get());
        robot.clickOn("#preview");
        waitFor("the feature preview", () -> !model.features().preview().isEmpty());
        robot.clickOn("#next");
        robot.doubleClickOn("#trees").write(trees);
        assertEquals(trees, model.model().treesProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<Balancing> balancing = robot.lookup("#balancing").queryAs(ComboBox.class);
        assertEquals(List.of(Balancing.values()), balancing.getItems());
        assertEquals("Calibrated thresholds", balancing.getConverter().toString(Balancing.CALIBRATED_THRESHOLDS),
                "the balancings are listed by their labels");
        robot.clickOn("#next");
        robot.doubleClickOn("#folds").write(folds);
        robot.doubleClickOn("#repeats").write(repeats);
        robot.doubleClickOn("#seed").write("7");
        assertEquals("Run", robot.lookup("#next").queryButton().getText());
        robot.clickOn("#next");
    }

    @Test
    void trainsEvaluatesAndSavesAModelFromTheMainWindow(FxRobot robot) throws Exception {
        Stage stage = openWizard(robot);
        TrainingWizardViewModel model = window.trainingWizard();
        TrainingWizardView view = (TrainingWizardView) stage.getUserData();
        List<Boolean> runEndedAtLiveUpdate = new ArrayList<>();
        robot.interact(() -> model.run().liveConfusionProperty().addListener((observable, before, after) -> {
            if (after != null) {
                runEndedAtLiveUpdate.add(!model.run().runningProperty().get());
            }
        }));

        fillAndRun(robot, model, "10", "3", "2");
        waitFor("the results page", () -> model.pageProperty().get() == TrainingWizardViewModel.Page.RESULTS);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), model.run().liveUpdates());
        assertEquals(List.of(false, false, false, false, false, false), runEndedAtLiveUpdate,
                "the live matrix filled in while the run went on");
        assertTrue(robot.lookup("#result-headline").queryAs(Label.class).getText().startsWith("Accuracy "));
        assertEquals(1, new ExperimentStore(folder.resolve("experiments")).list().size());
        assertEquals(2, robot.lookup("#class-metrics").queryTableView().getItems().size());
        javafx.scene.chart.LineChart<?, ?> roc = robot.lookup("#roc-curves").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals(3, roc.getData().size(), "a curve per class and the chance diagonal");
        assertTrue(roc.getData().get(0).getName().matches("murmur \\(AUC [01]\\.\\d{3}\\)"),
                roc.getData().get(0).getName());

        // Screenshot of the run page as the run ended, then of the results.
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        robot.interact(() -> model.pageProperty().set(TrainingWizardViewModel.Page.RUN));
        save(robot, stage, screenshots.resolve("training-run.png"));
        robot.interact(() -> model.pageProperty().set(TrainingWizardViewModel.Page.RESULTS));

        // Row-normalised, then a click on the murmur-called-murmur cell lists its recordings; open one.
        robot.clickOn("#normalised");
        assertTrue(view.resultMatrix().normalised());
        WaitForAsyncUtils.waitForFxEvents();
        Point2D centre = view.resultMatrix().cellCentre(0, 0);
        assertNotNull(centre, "the matrix was drawn");
        robot.clickOn(view.resultMatrix().localToScreen(centre));
        waitFor("the cell's recordings", () -> !model.cellPredictions().isEmpty());
        assertEquals(model.outcomeProperty().get().evaluation().cell(0, 0), List.copyOf(model.cellPredictions()));
        ListView<?> cell = robot.lookup("#cell-recordings").queryListView();
        robot.interact(() -> cell.getSelectionModel().select(0));
        robot.clickOn("#open-recording");
        String id = model.cellPredictions().get(0).id();
        waitFor("the recording in the waveform view", () -> workstation.loadedProperty().get() != null
                && workstation.loadedProperty().get().row().recording().id().equals(id));
        javafx.scene.control.TableView<?> recordings = robot.lookup("#recordings")
                .queryAs(javafx.scene.control.TableView.class);
        waitFor("its row selected in the browser", () -> recordings.getSelectionModel().getSelectedItem()
                == workstation.loadedProperty().get().row());
        save(robot, stage, screenshots.resolve("training-results.png"));

        // Save the model (the chooser answers with a file), then use it for verdicts.
        Path modelFile = folder.resolve("wizard.auscult");
        view.setModelFileChooser(() -> modelFile);
        robot.clickOn("#save-model");
        waitFor("the saved model", () -> !model.experimentProperty().get().modelPath().isEmpty());
        assertTrue(Files.size(modelFile) > 1000);
        assertEquals(modelFile.toAbsolutePath().toString(),
                new ExperimentStore(folder.resolve("experiments")).list().get(0).modelPath());
        assertEquals("Saved: " + modelFile.toAbsolutePath(), robot.lookup("#saved-model").queryAs(Label.class)
                .getText());
        List<Path> asked = new ArrayList<>();
        view.setOverwriteConfirmation(file -> {
            asked.add(file);
            return false;
        });
        robot.clickOn("#save-model");
        assertEquals(List.of(modelFile), asked, "an existing file is replaced only when the user confirms");
        robot.clickOn("#use-model");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("wizard.auscult", workstation.modelProperty().get().source());

        // Feature importance.
        robot.interact(() -> robot.lookup("#page-results").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#compute-importance");
        waitFor("feature importance", () -> !model.importance().permutation().isEmpty() && model.importance().distributionProperty().get() != null
                && model.importance().frameCurveProperty().get() != null);
        save(robot, stage, screenshots.resolve("training-importance.png"));
        assertTrue(Files.size(screenshots.resolve("training-results.png")) > 10_000);
    }

    @Test
    void cancelLeavesTheApplicationAsItWas(FxRobot robot) throws Exception {
        Stage stage = openWizard(robot);
        TrainingWizardViewModel model = window.trainingWizard();
        var modelBefore = workstation.modelProperty().get();
        // Cancel is pressed on the FX thread as soon as the first fold shows, while the other 49 folds of this slow
        // design are still to come: the run cannot have ended by then, however fast the machine is.
        List<Boolean> cancelledWhileRunning = new ArrayList<>();
        robot.interact(() -> model.run().liveConfusionProperty().addListener((observable, before, after) -> {
            if (after != null && cancelledWhileRunning.isEmpty()) {
                cancelledWhileRunning.add(model.run().runningProperty().get());
                robot.lookup("#cancel").queryButton().fire();
            }
        }));
        fillAndRun(robot, model, "300", "10", "5");
        waitFor("the cancelled run", () -> !cancelledWhileRunning.isEmpty() && !model.run().runningProperty().get());
        assertEquals(List.of(true), cancelledWhileRunning, "Cancel was pressed while the run was going");
        assertEquals("Cancelled: nothing was kept.", robot.lookup("#run-stage").queryAs(Label.class).getText());
        assertNull(model.outcomeProperty().get());
        assertNull(model.run().liveConfusionProperty().get());
        assertEquals(modelBefore, workstation.modelProperty().get());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.run().runningProperty().get(), "no late report restarts the run");
        assertEquals(List.of(), new ExperimentStore(folder.resolve("experiments")).list().stream()
                .filter(experiment -> experiment.settings().evaluation().folds() == 10).toList(),
                "the cancelled run was not kept");
        assertTrue(stage.isShowing());
    }

    private static void save(FxRobot robot, Stage stage, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", file.toFile());
    }
}
