package org.auscult.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.SyntheticCollection;
import org.auscult.experiments.TrainingLabels;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
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
 * The Data page's check box for PASCAL's noisy labels, headless: hidden for a collection without noisy recordings,
 * shown for one with them, and a click on it reaches the settings of the next run.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoisyLabelsChoiceUiTest {

    @TempDir
    static Path folder;
    private static RecordingCollection plain;
    private static RecordingCollection noisy;

    private final TrainingWizardViewModelTest.RecordingLink link = new TrainingWizardViewModelTest.RecordingLink();
    private TrainingWizardViewModel model;

    @BeforeAll
    static void writeCollection() throws Exception {
        Path root = SyntheticCollection.write(folder.resolve("collection"), 3, 1.0, 7);
        plain = new CollectionImporter().importCollection(root, ImportOptions.defaults());
        noisy = SyntheticCollection.withNoisyLabels(plain, 1);
    }

    @Start
    void start(Stage stage) {
        model = new TrainingWizardViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new ExperimentStore(folder.resolve("experiments")), link,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), 1, 1);
        stage.setScene(new Scene(new TrainingWizardView(model).root(), 900, 700));
        stage.show();
    }

    private void open(FxRobot robot, RecordingCollection collection) {
        link.open = collection;
        robot.interact(model.data()::useWorkstationCollection);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCheckBoxIsShownForNoisyRecordingsOnlyAndSetsTheTrainingLabels(FxRobot robot) {
        open(robot, plain);
        Node choice = robot.lookup("#noisy-labels-apart").query();
        assertFalse(choice.getParent().isVisible(), "no noisy recordings: nothing offered");

        open(robot, noisy);
        assertTrue(choice.getParent().isVisible());
        assertEquals("1 noisymurmur and 1 noisynormal recordings are counted as murmur / normal.",
                robot.lookup("#noisy-labels-note").queryAs(Label.class).getText());
        CheckBox box = robot.lookup("#noisy-labels-apart").queryAs(CheckBox.class);
        assertTrue(box.isSelected(), "the default recipe keeps them apart");
        assertEquals(TrainingLabels.pascalNoisyApart(), model.settings().labels());
        robot.clickOn(box);
        assertFalse(model.data().noisyLabelsApartProperty().get());
        assertEquals(TrainingLabels.AS_IMPORTED, model.settings().labels());
        robot.clickOn(box);
        assertTrue(model.data().noisyLabelsApartProperty().get());
        assertEquals(TrainingLabels.pascalNoisyApart(), model.settings().labels());

        robot.interact(() -> model.applySettings(model.settings().withLabels(TrainingLabels.AS_IMPORTED)));
        assertFalse(box.isSelected(), "a past run's settings set the box");
    }
}
