package org.auscult.app;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.auscult.analysis.LoadedModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.examination.ExaminationViewModel;
import org.auscult.learn.FollowUpScreen;
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
 * The patient tab: a CirCor-style collection where patient 1 was heard at AV and MV and patient 2 at PV. Selecting
 * one of patient 1's recordings lists both sites with their verdicts, follow-up answers and quality, and the
 * patient's answer; Enter on the other site opens it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExaminationUiTest {

    @TempDir
    static Path folder;

    private WorkstationViewModel model;
    private TestWindow shown;

    @BeforeAll
    static void trainModel() throws Exception {
        SampleModel.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path collection = Files.createDirectories(folder.resolve("two-patients"));
        Path samples = Path.of("sample-recordings", "circor");
        Files.copy(samples.resolve("36327_MV.wav"), collection.resolve("1_MV.wav"));
        Files.copy(samples.resolve("84863_AV.wav"), collection.resolve("1_AV.wav"));
        Files.copy(samples.resolve("40058_PV.wav"), collection.resolve("2_PV.wav"));
        Files.write(collection.resolve("labels.csv"), List.of("path,patient_id,location,murmur",
                "1_MV.wav,1,MV,present", "1_AV.wav,1,AV,present", "2_PV.wav,2,PV,absent"));
        shown = TestWindow.layout(folder.resolve("layout.properties")).size(1270, 790).show(stage);
        model = shown.model;
        // the sample model was trained without an evaluation; a follow-up threshold gives every site an answer
        LoadedModel sample = SampleModel.get();
        model.modelProperty().set(new LoadedModel(sample.model(), sample.source(), new FollowUpScreen(0.3, 0.8, 0.9)));
        model.open(collection);
    }

    @AfterEach
    void stop() {
        shown.close();
    }

    private RecordingRow row(String name) {
        return model.browser().rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPatientsSitesSideBySideAndEnterOpensAnother(FxRobot robot) throws Exception {
        waitFor("the collection judged", () -> model.browser().rows().size() == 3
                && model.browser().rows().stream().allMatch(row -> !row.predictedProperty().get().isEmpty()));
        robot.interact(() -> {
            model.browser().selectedProperty().set(row("1_MV"));
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                tabs.getTabs().stream().filter(tab -> "patient-tab".equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            }
        });
        waitFor("the verdict of 1_MV", () -> model.verdict().verdictProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Patient 1: 2 recordings", robot.lookup("#examination-title").queryAs(Label.class).getText());
        TableView<ExaminationViewModel.SiteRow> table = robot.lookup("#examination-sites").queryAs(TableView.class);
        assertEquals(List.of("AV", "MV"), table.getItems().stream().map(ExaminationViewModel.SiteRow::site).toList(),
                "in the order of the sites");
        assertEquals(List.of("1_AV", "1_MV"), table.getItems().stream().map(site -> site.row().name()).toList());
        for (ExaminationViewModel.SiteRow site : table.getItems()) {
            assertTrue(site.verdict().matches("(murmur|normal) \\d+ %"), site.verdict());
            assertTrue(site.murmurProbability() >= 0 && site.murmurProbability() <= 1, "" + site.murmurProbability());
        }
        for (ExaminationViewModel.SiteRow site : table.getItems()) {
            assertTrue(site.followUp().matches("yes|no"), site.followUp());
        }
        List<String> flagged = table.getItems().stream().filter(site -> site.followUp().equals("yes"))
                .map(ExaminationViewModel.SiteRow::site).toList();
        String answer = robot.lookup("#examination-answer").queryAs(Label.class).getText();
        assertEquals(flagged.isEmpty() ? "Patient: no follow-up needed at any of 2 sites."
                : "Patient: needs follow-up (" + String.join(", ", flagged) + ").", answer);
        // the window measured the quality of the recording it analysed; the sample model's features do not
        assertTrue(table.getItems().get(1).quality().matches("\\d\\.\\d\\d( unsure)?"),
                table.getItems().get(1).quality());
        String summary = robot.lookup("#examination-summary").queryAs(Label.class).getText();
        assertTrue(summary.matches("Murmur most likely at (AV|MV) \\(\\d+ %\\)(\\.|: .+\\.)"), summary);
        ExaminationViewModel.SiteRow likeliest = table.getItems().stream().max(java.util.Comparator.comparingDouble(
                ExaminationViewModel.SiteRow::murmurProbability)).orElseThrow();
        String described = likeliest.row().murmurDescriptionProperty().get();
        assertEquals(likeliest.row().predictedProperty().get().equals("murmur"), !described.isEmpty(),
                "a murmur verdict gets its murmur described: " + described);
        if (!described.isEmpty()) {
            assertTrue(summary.endsWith(": " + described + "."), summary);
        }
        assertEquals("1_MV", table.getSelectionModel().getSelectedItem().row().name(), "the recording on screen");
        robot.interact(() -> {
            try {
                Screenshots.saveIfAsked(table.getScene(), "examination");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        robot.clickOn(table);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.type(KeyCode.ENTER);
        waitFor("1_AV opened", () -> model.browser().selectedProperty().get() == row("1_AV"));
        waitFor("1_AV on screen", () -> model.loadedProperty().get() != null
                && model.loadedProperty().get().row() == row("1_AV"));
        assertEquals("Patient 1: 2 recordings", robot.lookup("#examination-title").queryAs(Label.class).getText());

        waitFor("1_AV's quality", () -> !table.getItems().get(0).quality().isEmpty());

        robot.interact(() -> model.browser().selectedProperty().set(row("2_PV")));
        waitFor("patient 2", () -> robot.lookup("#examination-title").queryAs(Label.class).getText()
                .equals("Patient 2: 1 recording"));
        String second = robot.lookup("#examination-answer").queryAs(Label.class).getText();
        assertTrue(second.equals("Patient: no follow-up needed at the one site.")
                || second.equals("Patient: needs follow-up (PV)."), second);

        // Shift+Page Up / Down: a patient at a time, to the first recording of the patient above or below
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_UP).release(KeyCode.SHIFT);
        waitFor("patient 1's first recording", () -> model.browser().selectedProperty().get() == row("1_AV"));
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_DOWN).release(KeyCode.SHIFT);
        waitFor("patient 2 again", () -> model.browser().selectedProperty().get() == row("2_PV"));
    }
}
