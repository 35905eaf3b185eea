package org.auscult.app;

import org.auscult.app.timeline.TimeViewport;
import org.auscult.app.timeline.TimeLayer;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Labels a recording the way a researcher does, headless: a class by keyboard, a region by Shift+drag on the
 * annotation lane, undo and redo by keyboard, a point by key, the next event and delete, the next unlabelled
 * recording; each step checked in the database through a second connection.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LabellingUiTest {

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private AnnotationViewModel annotations;
    private MainWindow window;
    private TestWindow shown;

    private Path database() {
        return folder.resolve("labels.db");
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.layout(folder.resolve("layout.properties")).workers(1).labels(database()).atOrigin()
                .size(1270, 790).show(stage);
        model = shown.model;
        window = shown.window;
        annotations = shown.annotations;
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }


    @Test
    void labelByKeyboardAddByMouseUndoRedo(FxRobot robot) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        waitFor("the recording's labels", () -> annotations.recordingProperty().get() != null
                && model.loadedProperty().get() != null);
        RecordingRef shown = annotations.recordingProperty().get();
        assertEquals(model.loadedProperty().get().row().recording().path().toAbsolutePath().normalize(), shown.path());

        try (LabelStore reader = LabelStore.open(database())) {
            // 2 = murmur
            robot.type(KeyCode.DIGIT2);
            waitFor("the class in the database", () -> reader.label(shown.id(), Source.USER, Opinion.FIRST)
                    .flatMap(RecordingLabel::labelClass).equals(Optional.of("murmur")));
            waitFor("the panel", () -> annotations.labelProperty().get() != null);
            waitFor("the browser's Mine column", () -> "murmur".equals(annotations.userClasses().get(shown.path())));
            assertEquals("tester", reader.label(shown.id(), Source.USER, Opinion.FIRST).orElseThrow().labeller());

            // Shift+drag on the annotation lane: a region of the current type (S1)
            Node lane = robot.lookup("#annotations").query();
            Bounds bounds = lane.localToScreen(lane.getLayoutBounds());
            double y = bounds.getMinY() + bounds.getHeight() / 2;
            double x1 = bounds.getMinX() + TimeLayer.GUTTER + 100;
            double x2 = bounds.getMinX() + TimeLayer.GUTTER + 250;
            robot.press(KeyCode.SHIFT).moveTo(new Point2D(x1, y)).press(MouseButton.PRIMARY)
                    .moveTo(new Point2D((x1 + x2) / 2, y)).moveTo(new Point2D(x2, y)).release(MouseButton.PRIMARY)
                    .release(KeyCode.SHIFT);
            waitFor("the region in the database", () -> reader.events(shown.id()).size() == 1);
            LabelEvent region = reader.events(shown.id()).get(0);
            double plot = bounds.getWidth() - TimeLayer.GUTTER;
            TimeViewport viewport = model.viewport();
            double secondsPerPixel = viewport.visible() / plot;
            assertEquals("S1", region.type());
            assertEquals(100 * secondsPerPixel, region.start(), 2 * secondsPerPixel);
            assertEquals(250 * secondsPerPixel, region.end(), 2 * secondsPerPixel);
            assertEquals(Source.USER, region.source());

            // Ctrl+Z removes the region (the class stays); Ctrl+Shift+Z brings it back with its id
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            waitFor("the undo in the database", () -> reader.events(shown.id()).isEmpty());
            assertEquals(Optional.of("murmur"), reader.label(shown.id(), Source.USER, Opinion.FIRST)
                    .flatMap(RecordingLabel::labelClass));
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor("the redo in the database", () -> reader.events(shown.id()).size() == 1);
            assertEquals(region, reader.events(shown.id()).get(0));

            // Alt+2 chooses S2; E puts a point at the cursor (0 s)
            robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
            waitFor("the event type", () -> annotations.currentTypeProperty().get().equals("S2"));
            robot.type(KeyCode.E);
            waitFor("the point in the database", () -> reader.events(shown.id()).size() == 2);
            LabelEvent point = reader.events(shown.id()).get(0);
            assertEquals(List.of("S2", 0.0, 0.0), List.of(point.type(), point.start(), point.end()));

            saveScreenshot(robot);

            // ] jumps to the next event after the cursor (the region); Delete removes it
            waitFor("the events on screen", () -> annotations.events().size() == 2);
            robot.type(KeyCode.CLOSE_BRACKET);
            waitFor("the selection", () -> annotations.selectedEventProperty().get() != null);
            assertEquals(region.id(), annotations.selectedEventProperty().get().id());
            assertEquals(region.start(), viewport.cursorProperty().get(), 1e-12);
            robot.type(KeyCode.DELETE);
            waitFor("the deletion in the database", () -> reader.events(shown.id()).size() == 1);
            assertEquals(point.id(), reader.events(shown.id()).get(0).id());

            // U: the next recording without a class of mine
            robot.type(KeyCode.U);
            TableView<?> table = robot.lookup("#recordings").queryAs(TableView.class);
            waitFor("the next unlabelled recording", () -> table.getSelectionModel().getSelectedIndex() == 1);
            assertEquals("ok", reader.integrityCheck());
        }
    }

    /** The labels tab, lane and overlays, for a person to look at: target/screenshots/labelling.png. */
    private void saveScreenshot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                tabs.getTabs().stream().filter(tab -> "labels-tab".equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            }
        });
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            window.annotations().redrawNow();
            window.waveform().redrawNow();
            window.spectrogram().redrawNow();
            image[0] = window.root().getScene().snapshot(null);
        });
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png",
                screenshots.resolve("labelling.png").toFile());
    }
}
