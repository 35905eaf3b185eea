package org.auscult.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots for the documentation, written only when asked:
 * {@code mvn -o test -Dtest='NoCutTextUiTest,TrainingWizardPagesUiTest,LongRecordingUiTest,ExaminationUiTest,
 * MurmurEvidenceUiTest' -Dauscult.screenshots=docs/screenshots} (on one line) saves the main window and the training
 * wizard at 1366 x 768 and 1600 x 1000 there, a long recording, a patient's sites, and the window with a murmur's
 * evidence drawn. Ordinary test runs write nothing.
 */
public final class Screenshots {

    /** The system property naming the folder; unset, no screenshot is saved. */
    public static final String PROPERTY = "auscult.screenshots";

    private Screenshots() {
    }

    /** Whether screenshots were asked for. */
    public static boolean asked() {
        String folder = System.getProperty(PROPERTY);
        return folder != null && !folder.isBlank();
    }

    /**
     * Saves {@code scene} as {@code name}.png in the folder asked for, if any, from the test thread: the snapshot is
     * taken on the FX thread and its failure thrown here.
     */
    public static void saveIfAsked(FxRobot robot, Scene scene, String name) throws Exception {
        if (!asked()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Exception[] failure = new Exception[1];
        robot.interact(() -> {
            try {
                saveIfAsked(scene, name);
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Saves the main window as {@code name}.png, if asked, as a person sees it: its spectrogram tiles complete,
     * every layer drawn, the focus on the waveform (no focus ring on a toolbar button in the picture).
     */
    public static void saveWindowIfAsked(FxRobot robot, MainWindow window, String name) throws Exception {
        if (!asked()) {
            return;
        }
        UiWait.waitFor("the spectrogram tiles", () -> {
            robot.interact(() -> window.spectrogram().redrawNow());
            return window.spectrogram().complete();
        });
        robot.interact(() -> {
            window.waveform().requestFocus();
            window.waveform().redrawNow();
            window.spectrogram().redrawNow();
            window.curves().redrawNow();
            window.annotations().redrawNow();
            window.beatStack().redrawNow();
        });
        saveIfAsked(robot, window.root().getScene(), name);
    }

    /** Saves {@code scene} as {@code name}.png in the folder asked for, if any. Call on the FX thread. */
    public static void saveIfAsked(Scene scene, String name) throws IOException {
        if (!asked()) {
            return;
        }
        Path folder = Files.createDirectories(Path.of(System.getProperty(PROPERTY)));
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        // Without alpha: an opaque PNG is smaller and looks the same.
        BufferedImage opaque = new BufferedImage(buffered.getWidth(), buffered.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.getGraphics().drawImage(buffered, 0, 0, null);
        ImageIO.write(opaque, "png", folder.resolve(name + ".png").toFile());
    }
}
