package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auscult.analysis.HeartTrend;
import org.auscult.app.browser.RecordingRow;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ten minutes in the window: the heart rate climbs from 60 to 75 beats a minute halfway and a minute of loud hiss
 * covers the heart sounds; the trend lane follows both, and the view is drawn at three zoom levels (saved as
 * screenshots with -Dauscult.screenshots=docs/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LongRecordingUiTest {

    private static final int RATE = 4000;

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private MainWindow window;
    private TestWindow shown;
    private Stage stage;

    /** 600 s: a beat every 1.0 s for 300 s, then every 0.8 s; loud hiss from 120 to 180 s. */
    static AudioClip tenMinutes() {
        Random random = new Random(7);
        float[] x = new float[600 * RATE];
        double beatStart = 0;
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) RATE;
            double period = t < 300 ? 1.0 : 0.8;
            if (t - beatStart >= period) {
                beatStart += period;
            }
            double u = t - beatStart;
            double v = 0.005 * random.nextGaussian();
            if (u < 0.08) {
                v += 0.6 * Math.sin(Math.PI * u / 0.08) * Math.sin(2 * Math.PI * 60 * u);
            } else if (u >= 0.3 && u < 0.36) {
                v += 0.4 * Math.sin(Math.PI * (u - 0.3) / 0.06) * Math.sin(2 * Math.PI * 90 * (u - 0.3));
            }
            if (t >= 120 && t < 180) {
                v += 0.5 * random.nextGaussian();
            }
            x[n] = (float) Math.max(-1, Math.min(1, v));
        }
        return new AudioClip(x, RATE);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.createDirectories(folder.resolve("ten"));
        Path file = folder.resolve("ten/ten-minutes.wav");
        if (!Files.exists(file)) {
            WavWriter.writePcm16(file, tenMinutes(), WavWriter.Overwrite.REFUSE);
        }
        shown = TestWindow.layout(folder.resolve("layout.properties")).size(1600, 1000).show(stage);
        model = shown.model;
        window = shown.window;
        model.modelProperty().set(SampleModel.get());
        model.open(file.getParent());
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    void theTrendFollowsTheRateAndTheNoiseAndTheViewIsDrawnAtThreeZooms(FxRobot robot) throws Exception {
        waitFor("the recording", () -> model.browser().rows().size() == 1);
        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        List<String> provisional = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            model.verdict().verdictProperty().addListener((property, old, now) -> {
                if (now != null && now.warnings().get(0).startsWith("Provisional")) {
                    provisional.add(now.warnings().get(0));
                }
            });
            table.getSelectionModel().select(0);
        });
        waitFor("a verdict so far", () -> model.verdict().verdictProperty().get() != null);
        waitFor("the whole analysis", () -> model.analysisProperty().get() != null);
        assertTrue(model.verdict().warnings().stream().noneMatch(w -> w.startsWith("Provisional")),
                "the final verdict is not provisional: " + model.verdict().warnings());
        assertTrue(!provisional.isEmpty() && provisional.get(0).startsWith("Provisional: 1 of 10"),
                "verdicts so far came before the final one: " + provisional);

        HeartTrend trend = model.analysisProperty().get().trend();
        List<HeartTrend.Window> windows = trend.windows();
        assertEquals(10, windows.size());
        assertEquals(60, windows.get(0).heartRateBpm(), 3, "first minute: " + windows.get(0));
        assertEquals(75, windows.get(9).heartRateBpm(), 3, "last minute: " + windows.get(9));
        HeartTrend.Window hiss = windows.get(2);
        assertTrue(hiss.qualityIndex() < windows.get(0).qualityIndex(),
                "the minute of hiss is of lower quality: " + hiss + " against " + windows.get(0));
        assertTrue(robot.lookup("#heart-trend").query().isVisible());
        assertTrue(!robot.lookup("#quality-lane").query().isVisible(), "a long recording shows its trend instead");
        String readout = ((org.auscult.app.cycle.HeartTrendView) robot.lookup("#heart-trend").query())
                .readoutProperty().get();
        assertTrue(readout.isEmpty(), "no pointer over the lane yet");

        for (double[] view : new double[][] {{0, 600}, {270, 60}, {298, 5}}) {
            robot.interact(() -> model.viewport().show(view[0], view[1]));
            waitFor("the spectrogram at " + view[1] + " s", () -> {
                window.spectrogram().redrawNow();
                return window.spectrogram().complete();
            });
            robot.interact(() -> {
                window.waveform().redrawNow();
                window.spectrogram().redrawNow();
                window.curves().redrawNow();
                try {
                    Screenshots.saveIfAsked(stage.getScene(), String.format(java.util.Locale.ROOT,
                            "long-recording-%.0fs", view[1]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
