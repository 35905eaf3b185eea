package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auscult.app.browser.RecordingRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A view shows the selected recording or says it is loading, never another recording: clicking a second and a
 * third recording while the first still loads, every value any view receives belongs to the latest selection.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StaleViewsUiTest {

    @TempDir
    Path folder;

    private WorkstationViewModel model;
    private MainWindow window;
    private TestWindow shown;
    private final List<String> stale = new ArrayList<>();
    private String selectedName;

    @BeforeAll
    static void trainModel() throws Exception {
        SampleModel.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        shown = TestWindow.layout(folder.resolve("layout.properties")).size(1270, 790).show(stage);
        model = shown.model;
        window = shown.window;
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    private void watchForStaleValues() {
        model.loadedProperty().addListener((property, old, now) -> {
            if (now != null && !now.row().name().equals(selectedName)) {
                stale.add("waveform of " + now.row().name() + " while " + selectedName + " is selected");
            }
        });
        model.analysisProperty().addListener((property, old, now) -> {
            if (now != null && !now.file().getFileName().toString().equals(selectedName + ".wav")) {
                stale.add("analysis of " + now.file().getFileName() + " while " + selectedName + " is selected");
            }
        });
        model.features().featuresProperty().addListener((property, old, now) -> {
            if (now != null && (model.analysisProperty().get() == null
                    || !model.analysisProperty().get().file().getFileName().toString()
                    .equals(selectedName + ".wav"))) {
                stale.add("features shown without " + selectedName + "'s analysis");
            }
        });
        model.verdict().verdictProperty().addListener((property, old, now) -> {
            if (now != null && model.loadedProperty().get() == null) {
                stale.add("a verdict shown while " + selectedName + " is still loading");
            }
        });
    }

    private void select(FxRobot robot, TableView<RecordingRow> table, int index) {
        robot.interact(() -> {
            selectedName = table.getItems().get(index).name();
            table.getSelectionModel().select(index);
        });
    }

    @Test
    void clickingOtherRecordingsWhileOneLoadsNeverShowsTheWrongOne(FxRobot robot) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        select(robot, table, 0);
        waitFor("the first verdict", () -> model.verdict().verdictProperty().get() != null);
        robot.interact(this::watchForStaleValues);

        // at once, in the click's own event, before anything of the second recording is decoded: every view says
        // it is loading
        robot.interact(() -> {
            selectedName = table.getItems().get(1).name();
            table.getSelectionModel().select(1);
            String loading = "Loading " + selectedName + "…";
            assertNull(model.loadedProperty().get());
            assertNull(model.features().featuresProperty().get());
            assertNull(model.verdict().verdictProperty().get());
            assertEquals(loading, window.waveform().placeholderProperty().get());
            assertEquals(loading, window.spectrogram().placeholderProperty().get());
            assertEquals(loading, model.verdict().headlineProperty().get());
        });
        select(robot, table, 2);
        select(robot, table, 3);
        waitFor("the third click's waveform", () -> model.loadedProperty().get() != null);
        robot.interact(() -> {
            if (model.features().featuresProperty().get() == null) {
                assertEquals("", window.waveform().placeholderProperty().get());
                assertEquals("Analysing " + selectedName + "…", model.verdict().headlineProperty().get());
                Label placeholder = (Label) robot.lookup("#feature-table").queryTableView().getPlaceholder();
                assertEquals("Analysing " + selectedName + "…", placeholder.getText());
            }
        });
        waitFor("the third click's verdict", () -> model.verdict().verdictProperty().get() != null);
        assertEquals(selectedName, model.loadedProperty().get().row().name());
        assertEquals("", model.waitingProperty().get());
        assertTrue(stale.isEmpty(), String.join("\n", stale));
        org.auscult.app.cycle.QualityLaneView lane = robot.lookup("#quality-lane").queryAs(
                org.auscult.app.cycle.QualityLaneView.class);
        waitFor("the quality lane", () -> lane.qualityProperty().get() != null);
        assertEquals(model.qualityProperty().get(), lane.qualityProperty().get());
        assertTrue(lane.isVisible());
        assertTrue(!robot.lookup("#heart-trend").query().isVisible(), "a short recording has no trend lane");
    }
}
