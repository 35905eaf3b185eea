package org.auscult.app;

import org.auscult.app.timeline.TimeLayer;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.auscult.app.browser.RecordingRow;
import org.auscult.segmentation.BeatStack;
import org.auscult.app.cycle.CycleBand;
import org.auscult.app.cycle.CycleOverlay;
import org.auscult.app.cycle.CycleSource;
import org.auscult.app.cycle.CycleViewModel;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.LabelStore;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.auscult.segmentation.CardiacState;
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
 * The heart cycle in the window, headless: a noisy recording gets the "unsure" banner; a clean one gets its cycle
 * bands over the waveform (C hides them), its heart rate and its beat stack (a click on a beat moves the time axis
 * there); "Accept as labels" stores the segmentation as one undoable edit, and a correction on the labels moves the
 * band. Saves screenshots under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HeartCycleUiTest {

    /** 1 of its 24 s usable heart sound (the per-second quality): unsure, no heart sound found. */
    private static final String NOISY = "85004_MV";
    /** Signal quality 0.70, about 94 bpm. */
    private static final String CLEAN = "69120_TV";

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private AnnotationViewModel annotations;
    private MainWindow window;
    private TestWindow shown;

    @BeforeAll
    static void trainModel() throws Exception {
        SampleModel.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        shown = TestWindow.layout(folder.resolve("layout.properties")).labels(folder.resolve("labels.db")).atOrigin()
                .size(1270, 790).show(stage);
        model = shown.model;
        window = shown.window;
        annotations = shown.annotations;
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    private void select(FxRobot robot, String name) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        int index = table.getItems().stream().map(RecordingRow::name).toList().indexOf(name);
        robot.interact(() -> {
            table.getSelectionModel().select(index);
            table.scrollTo(index);
        });
        waitFor("the cycle of " + name, () -> model.loadedProperty().get() != null
                && model.loadedProperty().get().row().name().equals(name)
                && model.cycle().automaticProperty().get() != null
                && model.verdict().verdictProperty().get() != null
                && annotations.recordingProperty().get() != null
                && annotations.recordingProperty().get().path().getFileName().toString().equals(name + ".wav"));
    }

    /** The colour of the waveform's pixel at {@code seconds}, {@code y} pixels from its top, freshly drawn. */
    private Color waveformPixel(FxRobot robot, double seconds, int y) {
        Color[] colour = new Color[1];
        robot.interact(() -> {
            window.waveform().redrawNow();
            WritableImage image = window.waveform().snapshot(null, null);
            double plot = window.waveform().getWidth() - TimeLayer.GUTTER;
            int x = (int) Math.round(TimeLayer.GUTTER + model.viewport().xOf(seconds, plot));
            colour[0] = image.getPixelReader().getColor(x, y);
        });
        return colour[0];
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    @Test
    void showsTheCycleItsBeatsAndAcceptsItAsLabels(FxRobot robot) throws Exception {
        CycleViewModel cycle = model.cycle();

        // A recording with almost no usable heart sound: the verdict says it is unsure, prominently, says why and what
        // to do; the probabilities stay (greyed).
        select(robot, NOISY);
        Label banner = robot.lookup("#verdict-unsure").queryAs(Label.class);
        assertTrue(banner.isVisible(), "unsure banner for " + NOISY);
        assertTrue(banner.getText().startsWith("unsure: no heart sound found; "), banner.getText());
        assertTrue(robot.lookup("#verdict").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("unsure")));
        String quality = robot.lookup("#signal-quality").queryAs(Label.class).getText();
        assertTrue(quality.startsWith("1 of 24 s usable heart sound; quality index "), quality);

        // A clean one: no banner; heart rate; bands over the waveform in the state's colour.
        select(robot, CLEAN);
        assertFalse(banner.isVisible());
        String heartRate = robot.lookup("#heart-rate").queryAs(Label.class).getText();
        assertTrue(heartRate.matches("Heart rate 9[0-9] bpm \\(\\d+ beats, automatic\\)"), heartRate);
        assertEquals("(automatic)", robot.lookup("#cycle-source").queryAs(Label.class).getText());
        robot.interact(() -> model.viewport().show(2, 3));
        CycleBand s1 = cycle.shownProperty().get().bands().stream()
                .filter(b -> b.state() == CardiacState.S1 && b.start() > 2.2).findFirst().orElseThrow();
        assertTrue(near(CycleOverlay.colour(CardiacState.S1), waveformPixel(robot, (s1.start() + s1.end()) / 2, 2)),
                "the S1 strip is drawn at the top of the waveform");
        saveScreenshot(robot, "heart-cycle.png");
        robot.type(KeyCode.C);
        assertFalse(cycle.visibleProperty().get());
        assertFalse(near(CycleOverlay.colour(CardiacState.S1), waveformPixel(robot, (s1.start() + s1.end()) / 2, 2)),
                "C hides the bands");
        robot.type(KeyCode.C);
        assertTrue(cycle.visibleProperty().get());

        // The beat stack: a click on the most atypical beat's curve moves the time axis to it.
        robot.interact(() -> {
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                tabs.getTabs().stream().filter(tab -> "beats-tab".equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        BeatStack stack = cycle.beatStackProperty().get();
        assertTrue(stack.beats().size() > 20, "beats " + stack.beats().size());
        int odd = stack.mostAtypical();
        double at = mostDistinctTime(stack, odd);
        robot.clickOn(window.beatStack().pointOf(odd, at));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(odd, cycle.selectedBeatProperty().get());
        assertEquals(stack.beats().get(odd).s1Time(), model.viewport().cursorProperty().get(), 1e-9);
        assertTrue(model.viewport().start() <= stack.beats().get(odd).s1Time()
                && stack.beats().get(odd).s1Time() <= model.viewport().end());
        saveScreenshot(robot, "beat-stack.png");

        // Accept: one undoable edit puts every band in the label store as the user's events.
        RecordingRef shown = annotations.recordingProperty().get();
        int bands = cycle.shownProperty().get().bands().size();
        try (LabelStore reader = LabelStore.open(folder.resolve("labels.db"))) {
            waitFor("the accept button", () -> !robot.lookup("#cycle-accept").queryAs(Button.class).isDisabled());
            robot.clickOn("#cycle-accept");
            waitFor("the events in the database", () -> reader.events(shown.id()).size() == bands);
            List<LabelEvent> stored = reader.events(shown.id());
            assertTrue(stored.stream().allMatch(e -> e.source() == Source.USER && e.labeller().equals("tester")));
            assertEquals(List.of("S1", "S2", "diastole", "systole"),
                    stored.stream().map(LabelEvent::type).distinct().sorted().toList());
            waitFor("the annotated cycle", () -> cycle.shownProperty().get().source() == CycleSource.ANNOTATED);
            assertEquals("(your annotation)", robot.lookup("#cycle-source").queryAs(Label.class).getText());
            assertTrue(robot.lookup("#cycle-accept").queryAs(Button.class).isDisabled());

            // A correction with the labelling tools is saved, and the band follows it.
            LabelEvent firstS1 = annotations.events().stream().filter(e -> e.type().equals("S1") && e.start() > 0)
                    .findFirst().orElseThrow();
            robot.interact(() -> annotations.selectedEventProperty().set(firstS1));
            robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
            waitFor("the moved S1", () -> reader.event(firstS1.id()).orElseThrow().start()
                    == firstS1.start() + WorkstationKeys.NUDGE_SECONDS);
            waitFor("the moved band", () -> cycle.shownProperty().get().bands().stream()
                    .anyMatch(b -> b.state() == CardiacState.S1
                            && b.start() == firstS1.start() + WorkstationKeys.NUDGE_SECONDS));

            // Undo twice: the correction, then the whole import in one step.
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            waitFor("the undone correction", () -> reader.event(firstS1.id()).orElseThrow().start()
                    == firstS1.start());
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            waitFor("the undone import", () -> reader.events(shown.id()).isEmpty());
            waitFor("the automatic cycle again", () -> cycle.shownProperty().get().source() == CycleSource.AUTOMATIC);
        }
    }

    /** A time after S1 where beat {@code index}'s curve lies farthest from every other beat's. */
    private static double mostDistinctTime(BeatStack stack, int index) {
        BeatStack.Beat beat = stack.beats().get(index);
        double best = 0;
        double bestGap = -1;
        for (double t = 0; t <= beat.length(); t += 1.0 / BeatStack.ENVELOPE_RATE) {
            double v = beat.valueAt(t);
            if (Double.isNaN(v)) {
                continue;
            }
            double gap = Double.MAX_VALUE;
            for (int j = 0; j < stack.beats().size(); j++) {
                BeatStack.Beat other = stack.beats().get(j);
                if (j != index && t <= other.length() && !Double.isNaN(other.valueAt(t))) {
                    gap = Math.min(gap, Math.abs(other.valueAt(t) - v));
                }
            }
            if (gap > bestGap) {
                bestGap = gap;
                best = t;
            }
        }
        return best;
    }

    private void saveScreenshot(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            window.waveform().redrawNow();
            window.spectrogram().redrawNow();
            window.curves().redrawNow();
            window.annotations().redrawNow();
            window.beatStack().redrawNow();
        });
        waitFor("the spectrogram tiles", () -> {
            robot.interact(() -> window.spectrogram().redrawNow());
            return window.spectrogram().complete();
        });
        robot.interact(() -> image[0] = window.root().getScene().snapshot(null));
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", screenshots.resolve(name).toFile());
    }
}
