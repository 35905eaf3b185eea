package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.cycle.CycleOverlay;
import org.auscult.app.cycle.MurmurEvidence;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.timeline.TimeLayer;
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
 * The murmur's evidence over the heart cycle, headless: a recording whose verdict describes a murmur has its median
 * envelope drawn in the beat stack and each cycle's envelope in the level strip under the bands' top edge, with a
 * legend entry in the cycle bar; a normal recording has none of them. With -Dauscult.screenshots=docs/screenshots it
 * saves the window as murmur-evidence.png.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MurmurEvidenceUiTest {

    /** Judged a murmur by the sample model and described (early-systolic, grade II/VI), loudest early in systole. */
    private static final String MURMUR = "68306_MV";
    /** Judged normal by the sample model: no description, nothing to draw. */
    private static final String NORMAL = "50049_PV";

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private AnnotationViewModel annotations;
    private MainWindow window;
    private TestWindow shown;
    private Stage stage;

    @BeforeAll
    static void trainModel() throws Exception {
        SampleModel.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        shown = TestWindow.layout(folder.resolve("layout.properties")).labels(folder.resolve("labels.db")).atOrigin()
                .size(1600, 1000).show(stage);
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

    @Test
    void aDescribedMurmurIsDrawnOverTheBeatStackAndTheCyclesAndANormalRecordingHasNone(FxRobot robot)
            throws Exception {
        showBeatsTab(robot);

        select(robot, MURMUR);
        waitFor("the murmur over the beat stack", () -> !model.cycle().murmurEvidenceProperty().get().median()
                .isEmpty());
        assertTrue(model.verdict().murmurProperty().get().startsWith("Murmur described: "),
                model.verdict().murmurProperty().get());
        MurmurEvidence evidence = model.cycle().murmurEvidenceProperty().get();
        assertSame(model.verdict().murmurEnvelopeProperty().get(), evidence.envelope(),
                "the envelope drawn is the one under the description");
        robot.interact(() -> model.viewport().show(2, 3));
        Node legend = robot.lookup("#cycle-murmur-legend").query();
        assertTrue(legend.isVisible(), "the cycle bar names the murmur's level strip");
        resize(robot, 1366, 768);
        assertEquals(List.of(), cutText(robot), "no text is cut at 1366 x 768");
        resize(robot, 1600, 1000);
        assertEquals(List.of(), cutText(robot), "no text is cut at 1600 x 1000");

        int strip = murmurPixelsInWaveformStrip(robot);
        assertTrue(strip > 100, "the level strip over the cycles: " + strip + " murmur-coloured pixels");
        int stack = murmurPixelsInBeatStack(robot);
        assertTrue(stack > 500, "the median envelope in the beat stack: " + stack + " murmur-coloured pixels");
        MurmurEvidence.Bin first = evidence.median().get(0);
        double x = xInBeatStack(robot, (first.start() + first.end()) / 2);
        String tip = window.beatStack().murmurAt(x);
        assertEquals(String.format(java.util.Locale.ROOT, "systole bin 1 of 8: %.0f dB re heart sounds (median of the "
                + "beats)", first.db()).replace('-', '\u2212'), tip);
        saveScreenshot(robot);

        // C hides the bands, and the strip with them
        robot.interact(() -> model.cycle().toggleVisible());
        assertEquals(0, murmurPixelsInWaveformStrip(robot), "hidden with the bands");
        robot.interact(() -> model.cycle().toggleVisible());

        select(robot, NORMAL);
        assertEquals("normal", model.verdict().verdictProperty().get().predictedClass());
        assertSame(MurmurEvidence.NONE, model.cycle().murmurEvidenceProperty().get());
        waitFor("the normal recording's beat stack", () -> !model.cycle().beatStackProperty().get().beats()
                .isEmpty());
        robot.interact(() -> model.viewport().show(2, 3));
        assertFalse(legend.isVisible(), "no murmur, no legend entry");
        assertEquals(0, murmurPixelsInWaveformStrip(robot), "no level strip");
        assertEquals(0, murmurPixelsInBeatStack(robot), "no envelope in the beat stack");
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
                && model.analysisProperty().get() != null
                && model.cycle().automaticProperty().get() != null);
    }

    private static void showBeatsTab(FxRobot robot) {
        robot.interact(() -> {
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                tabs.getTabs().stream().filter(tab -> "beats-tab".equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The murmur's colour blended over a dark plot: red and blue well above green. None of the other colours drawn
     * there is (the waveform's light blue, the states' tints, the beat curves, white, orange, cyan).
     */
    private static boolean murmurColoured(Color c) {
        return c.getRed() - c.getGreen() > 0.12 && c.getBlue() - c.getGreen() > 0.12;
    }

    /** Murmur-coloured pixels of the waveform's level strip, freshly drawn. */
    private int murmurPixelsInWaveformStrip(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> {
            window.waveform().redrawNow();
            count[0] = murmurPixels(window.waveform().snapshot(null, null), (int) TimeLayer.GUTTER,
                    (int) Math.ceil(CycleOverlay.MURMUR_TOP_PIXELS),
                    (int) Math.floor(CycleOverlay.MURMUR_TOP_PIXELS + CycleOverlay.MURMUR_PIXELS));
        });
        return count[0];
    }

    /** Murmur-coloured pixels anywhere in the beat stack, freshly drawn. */
    private int murmurPixelsInBeatStack(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> {
            window.beatStack().redrawNow();
            WritableImage image = window.beatStack().snapshot(null, null);
            count[0] = murmurPixels(image, 0, 0, (int) image.getHeight());
        });
        return count[0];
    }

    /** Murmur-coloured pixels of {@code image} from column {@code fromX} on, in rows {@code fromY} to {@code toY}. */
    private static int murmurPixels(WritableImage image, int fromX, int fromY, int toY) {
        PixelReader pixels = image.getPixelReader();
        int count = 0;
        for (int x = fromX; x < image.getWidth(); x++) {
            for (int y = fromY; y < toY; y++) {
                count += murmurColoured(pixels.getColor(x, y)) ? 1 : 0;
            }
        }
        return count;
    }

    /** The beat stack's horizontal position of {@code seconds} after the S1 peak, in its own coordinates. */
    private double xInBeatStack(FxRobot robot, double seconds) {
        double[] x = new double[1];
        robot.interact(() -> x[0] = window.beatStack().screenToLocal(window.beatStack().pointOf(0, seconds)).getX());
        return x[0];
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The controls whose text is cut, the cycle bar's legend grown by the murmur's entry among them. */
    private List<String> cutText(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            window.root().applyCss();
            window.root().layout();
            cut.addAll(CutText.in(stage.getScene()));
        });
        return cut;
    }

    /** With -Dauscult.screenshots=docs/screenshots, the window with the murmur drawn, its spectrogram complete. */
    private void saveScreenshot(FxRobot robot) throws Exception {
        Screenshots.saveWindowIfAsked(robot, window, "murmur-evidence");
    }
}
