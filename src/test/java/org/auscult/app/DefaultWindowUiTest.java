package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.Verdict;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.labels.exchange.TimedMark;
import org.auscult.segmentation.CardiacState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as {@code java -jar target/auscult.jar} opens it with no option: the bundled sample recordings judged by
 * the bundled default model, whose training left out the samples' patients. A clinician checking a clear murmur
 * gets a murmur, a follow-up, a description and no "unsure"; a clear murmur-free recording gets normal and no
 * follow-up. With {@code -Dauscult.screenshots=assets/screenshots} it saves the README's pictures of the window:
 * {@code workstation} (the murmur at 1366 x 768) and {@code workstation-zoomed} (three seconds of it),
 * {@code heart-cycle} and {@code beat-stack} (three and one and a half seconds with its beat stack) and
 * {@code labelling} (the murmur marked by a person).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DefaultWindowUiTest {

    /** Holosystolic, grade III/VI, at the pulmonary site: the samples' loudest murmur. */
    private static final String CLEAR_MURMUR = "85198_PV";
    /** Murmur-free, clean heart sounds. */
    private static final String CLEAR_NORMAL = "69161_TV";

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private MainWindow window;
    private TestWindow shown;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        shown = TestWindow.layout(folder.resolve("layout-" + System.nanoTime() + ".properties"))
                .labels(folder.resolve("labels-" + System.nanoTime() + ".db")).atOrigin().size(1366, 768).show(stage);
        model = shown.model;
        window = shown.window;
        model.modelProperty().set(LoadedModel.load(null));
        model.open(WorkstationOptions.SAMPLE_RECORDINGS);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    @Test
    void aClearMurmurIsAMurmurThatNeedsFollowUpAndIsDescribed(FxRobot robot) throws Exception {
        Verdict verdict = select(robot, CLEAR_MURMUR);
        assertEquals("murmur", verdict.predictedClass());
        assertTrue(verdict.confidence() >= 0.8, "a clear murmur, a confident verdict: " + verdict.confidence());
        assertEquals("yes", verdict.followUp());
        assertTrue(model.verdict().followUpProperty().get().startsWith("Needs a clinician's follow-up: yes"),
                model.verdict().followUpProperty().get());
        waitFor("the murmur's description", () -> !model.verdict().murmurProperty().get().isEmpty());
        assertTrue(model.verdict().murmurProperty().get().contains("Holosystolic"),
                model.verdict().murmurProperty().get());
        assertTrue(model.verdict().modelProperty().get().contains("bundled default model"),
                model.verdict().modelProperty().get());
        assertTrue(model.verdict().modelProperty().get().contains("not a medical device"),
                "the verdict says what it is for: " + model.verdict().modelProperty().get());
        assertNoDoubtAbout(verdict);
        saveScreenshots(robot);
    }

    @Test
    void aClearMurmurFreeRecordingIsNormalWithoutFollowUp(FxRobot robot) throws Exception {
        Verdict verdict = select(robot, CLEAR_NORMAL);
        assertEquals("normal", verdict.predictedClass());
        assertEquals("no", verdict.followUp());
        assertEquals("", model.verdict().murmurProperty().get(), "no murmur, no description");
        assertNoDoubtAbout(verdict);
    }

    /** Neither "unsure" nor a verdict on a recording the model learnt from. */
    private void assertNoDoubtAbout(Verdict verdict) {
        assertFalse(window.root().lookup("#verdict-unsure").isVisible(), "enough usable heart sound");
        List<String> warnings = verdict.warnings();
        assertTrue(warnings.stream().noneMatch(w -> w.startsWith("Unsure")), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("trained on this recording")), warnings.toString());
    }

    private Verdict select(FxRobot robot, String name) throws Exception {
        waitFor("the collection", () -> model.browser().rows().size() == 16);
        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        int index = table.getItems().stream().map(RecordingRow::name).toList().indexOf(name);
        robot.interact(() -> {
            table.getSelectionModel().select(index);
            table.scrollTo(index);
        });
        waitFor("the verdict and cycle of " + name, () -> model.loadedProperty().get() != null
                && model.loadedProperty().get().row().name().equals(name)
                && model.verdict().verdictProperty().get() != null
                && model.cycle().automaticProperty().get() != null
                && model.features().referenceProperty().get() != null);
        return model.verdict().verdictProperty().get();
    }

    /**
     * The whole window on the murmur, then three seconds of it; three seconds with the beat stack; a second and a
     * half, closer; and the same three seconds labelled by a person (class murmur, the murmur marked over the
     * systoles the window found).
     */
    private void saveScreenshots(FxRobot robot) throws Exception {
        if (!Screenshots.asked()) {
            return;
        }
        // the feature that tells CirCor's murmurs best, beside its distribution in each class of the training data
        robot.interact(() -> model.features().selectedFeatureProperty().set(model.features().rows().indexOf(
                model.features().rows().stream().filter(row -> row.name().equals("cycle_murmur_early_ratio_100_200"))
                        .findFirst().orElseThrow())));
        save(robot, "workstation");
        show(robot, 2, 3, null);
        save(robot, "workstation-zoomed");
        show(robot, 2, 3, "beats-tab");
        save(robot, "heart-cycle");
        show(robot, 2, 1.5, "beats-tab");
        save(robot, "beat-stack");

        AnnotationViewModel annotations = shown.annotations;
        waitFor("labelling", () -> annotations.recordingProperty().get() != null);
        List<TimedMark> murmurs = model.cycle().automaticProperty().get().segments().stream()
                .filter(segment -> segment.state() == CardiacState.SYSTOLE && segment.startSeconds() >= 2
                        && segment.endSeconds() <= 5)
                .map(segment -> new TimedMark(segment.startSeconds(), segment.endSeconds(), "murmur")).toList();
        robot.interact(() -> {
            annotations.setClassByKey(2);
            annotations.addEvents("mark the murmur", murmurs);
        });
        waitFor("the labels", () -> annotations.events().size() == murmurs.size()
                && annotations.userClasses().containsValue("murmur"));
        show(robot, 2, 3, "labels-tab");
        save(robot, "labelling");
    }

    /** {@code seconds} of the recording from {@code start}, with the tab {@code tabId} in front (null: as it is). */
    private void show(FxRobot robot, double start, double seconds, String tabId) {
        robot.interact(() -> {
            model.viewport().show(start, seconds);
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                tabs.getTabs().stream().filter(tab -> tabId != null && tabId.equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void save(FxRobot robot, String name) throws Exception {
        Screenshots.saveWindowIfAsked(robot, window, name);
    }
}
