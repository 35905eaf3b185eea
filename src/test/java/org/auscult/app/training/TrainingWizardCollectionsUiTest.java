package org.auscult.app.training;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auscult.app.CutText;
import org.auscult.app.Screenshots;
import org.auscult.app.task.FxTaskExecutor;
import org.auscult.experiments.ExperimentStore;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
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
 * The wizard on the workstation's CirCor samples with a second collection added through the Data page's button, at
 * 1366 x 768: a folder that is not a labelled collection is refused by name, the added one is listed and counted,
 * the run trains on both, and the Results page shows the per-source table and both patient-level lines in a tab of
 * their own, no text cut; removing the collection and running again leaves the patient lines only.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TrainingWizardCollectionsUiTest {

    @TempDir
    static Path folder;
    private static Path second;
    private static Path unlabelled;

    private final TrainingWizardViewModelTest.RecordingLink link = new TrainingWizardViewModelTest.RecordingLink();
    private Stage stage;
    private TrainingWizardViewModel model;
    private TrainingWizardView view;

    @BeforeAll
    static void writeCollections() throws Exception {
        second = TrainingWizardCollectionsTest.writeSecondCollection(folder.resolve("second"));
        unlabelled = Files.createDirectories(folder.resolve("loose recordings"));
        Files.copy(TrainingWizardCollectionsTest.CIRCOR.resolve("40058_PV.wav"), unlabelled.resolve("a.wav"));
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        link.open = new CollectionImporter().importCollection(TrainingWizardCollectionsTest.CIRCOR,
                ImportOptions.defaults());
        model = new TrainingWizardViewModel(new FxTaskExecutor(2), Platform::runLater,
                new ExperimentStore(folder.resolve("experiments-" + System.nanoTime())), link, Clock.systemUTC(), 2,
                2);
        view = new TrainingWizardView(model);
        stage.setScene(new Scene(view.root(), 1100, 760));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1366);
        stage.setHeight(768);
        stage.show();
        model.data().useWorkstationCollection();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    private boolean read(Map<String, Integer> classCounts) {
        return !model.data().summarisingProperty().get() && model.data().summaryProperty().get() != null
                && model.data().summaryProperty().get().classCounts().equals(classCounts);
    }

    @Test
    void anAddedCollectionIsTrainedOnAndTheResultsShowItsSourceAndTheCirCorPatients(FxRobot robot)
            throws Exception {
        waitFor("the samples summarised", () -> read(Map.of("murmur", 8, "normal", 8)));
        Label message = robot.lookup("#wizard-message").queryAs(Label.class);

        view.setCollectionFolderChooser(() -> unlabelled);
        robot.clickOn("#add-collection");
        waitFor("the refusal", () -> message.getText().startsWith("Cannot add "));
        assertEquals("Cannot add " + unlabelled + ": not a labelled collection (a folder per class, or a label file "
                + "in a known layout: see the README's 'Data formats').", message.getText());
        assertEquals(List.of(), model.data().addedCollections());

        view.setCollectionFolderChooser(() -> second);
        robot.clickOn("#add-collection");
        waitFor("both collections summarised", () -> read(Map.of("murmur", 11, "normal", 11)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Folder-per-class collection at " + second,
                robot.lookup("#added-collection-0").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#data-totals").queryAs(Label.class).getText().contains("; 2 sources; "),
                robot.lookup("#data-totals").queryAs(Label.class).getText());
        assertEquals("", message.getText());
        assertEquals(List.of(), cutText(robot, "Data"));

        run(robot);
        TabPane tabs = robot.lookup("#page-results").queryAs(TabPane.class);
        waitFor("the figures tab", () -> figuresTab(tabs) != null);
        Tab figures = figuresTab(tabs);
        assertEquals(1, tabs.getTabs().indexOf(figures), "right after the confusion matrix");
        assertEquals("Per source and patient", figures.getText());
        robot.interact(() -> tabs.getSelectionModel().select(figures));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> perSource = robot.lookup("#per-source").queryTableView();
        List<Object> sources = new ArrayList<>();
        for (int row = 0; row < perSource.getItems().size(); row++) {
            sources.add(perSource.getColumns().get(0).getCellData(row));
        }
        assertEquals(List.of("circor/circor", "second", "all"), sources);
        assertTrue(perSource.isVisible());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Label line = robot.lookup("#patient-line-" + i).queryAs(Label.class);
            assertTrue(visibleInTree(line), line.getText());
            lines.add(line.getText());
        }
        assertTrue(lines.get(0).startsWith("Patients (murmur present if any recording is predicted murmur): "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("Patients (present if any recording needs follow-up"), lines.get(1));
        for (String line : lines) {
            assertTrue(line.contains(" of 8 with a murmur called present, ") && line.contains("weighted accuracy"),
                    line);
        }
        assertEquals(List.of(), cutText(robot, "Results / " + figures.getText()));
        shoot(robot, "wizard-sources-1366x768");

        // Without the added collection: one source, so the tab keeps the patient lines only.
        robot.interact(() -> model.pageProperty().set(TrainingWizardViewModel.Page.DATA));
        robot.clickOn("#remove-collection-0");
        waitFor("the samples alone", () -> read(Map.of("murmur", 8, "normal", 8)));
        assertEquals(List.of(), model.data().addedCollections());
        var before = model.outcomeProperty().get();
        robot.interact(model::start);
        waitFor("the second run", () -> model.outcomeProperty().get() != before
                && model.pageProperty().get() == TrainingWizardViewModel.Page.RESULTS);
        waitFor("the patient lines alone", () -> "Patients".equals(figures.getText())
                && tabs.getTabs().contains(figures));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visibleInTree(robot.lookup("#per-source").query()), "one source: no per-source table");
    }

    private void run(FxRobot robot) throws Exception {
        TrainingWizardPagesUiTest.runSmallForest(robot, model);
    }

    private void shoot(FxRobot robot, String name) {
        if (Screenshots.asked()) {
            robot.interact(() -> {
                try {
                    Screenshots.saveIfAsked(stage.getScene(), name);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static Tab figuresTab(TabPane tabs) {
        return tabs.getTabs().stream().filter(tab -> "figures-tab".equals(tab.getId())).findFirst().orElse(null);
    }

    private List<String> cutText(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            assertEquals(1366, (int) Math.round(stage.getWidth()));
            assertEquals(768, (int) Math.round(stage.getHeight()));
            CutText.in(stage.getScene()).forEach(problem -> found.add(where + ": " + problem));
        });
        return found;
    }

    private static boolean visibleInTree(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
