package org.auscult.app.record;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.auscult.analysis.LoadedModel;
import org.auscult.audio.RecordingDecoder;
import org.auscult.labels.Auscultation;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Record mode driven headless, a sample recording replayed ten times faster than real time as the stethoscope:
 * start, a rolling verdict with heart rate, the recording ends, keep it; record again, stop and discard.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordUiTest {

    private static final Path SAMPLE = Path.of("sample-recordings", "circor", "69120_TV.wav");

    @TempDir
    static Path folder;

    private static final Clock EIGHT_THIRTY = Clock.fixed(Instant.parse("2026-12-05T08:30:00Z"), ZoneOffset.UTC);

    private RecordViewModel model;
    private LabelStore labels;
    private final List<Path> kept = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        model = new RecordViewModel(Platform::runLater, EIGHT_THIRTY);
        labels = LabelStore.open(folder.resolve("labels-" + System.nanoTime() + ".db"));
        LabelService service = new LabelService(labels, "ana", EIGHT_THIRTY);
        model.setLog(new AuscultationLog(() -> service, Executors.newSingleThreadExecutor(), Platform::runLater,
                ZoneOffset.UTC));
        model.inputs().setAll(RecordInputs.replay(SAMPLE, 10));
        model.inputProperty().set(model.inputs().get(0));
        model.folderProperty().set(folder.resolve("recordings"));
        model.modelProperty().set(LoadedModel.load(null));
        stage.setScene(new Scene(new RecordView(model, kept::add), 700, 560));
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void recordWatchTheVerdictRollInAndKeepItThenRecordAgainAndDiscard(FxRobot robot) throws Exception {
        robot.clickOn("#record-start");
        assertTrue(text(robot, "#record-message").startsWith("Enter the patient first"),
                text(robot, "#record-message"));
        assertEquals(RecordViewModel.State.READY, model.stateProperty().get());
        robot.clickOn("#record-patient").write("p 12/a");
        robot.interact(() -> model.siteProperty().set("TV"));
        robot.clickOn("#record-start");
        // the patient and site are in the label database from the start: a crash keeps them with the file
        waitFor("the examination", () -> text(robot, "#record-examination").equals(
                "Examination of p 12/a since 08:30: TV"));
        waitFor("a verdict over the last seconds", () -> text(robot, "#record-verdict").contains("over the last"));
        assertTrue(text(robot, "#record-heart").startsWith("Heart rate"), text(robot, "#record-heart"));
        assertTrue(text(robot, "#record-level-text").contains("dBFS"), text(robot, "#record-level-text"));
        waitFor("the replay's end", () -> model.stateProperty().get() == RecordViewModel.State.STOPPED);
        assertTrue(text(robot, "#record-message").contains("keep it or discard it"), text(robot, "#record-message"));
        assertTrue(model.spectrogram().produced() > 100, "the live spectrogram followed the recording");
        assertTrue(model.judgements().size() >= 3, "the trend holds every verdict: " + model.judgements().size());
        for (var judgement : model.judgements()) {
            assertTrue(judgement.heartRateBpm() > 60 && judgement.heartRateBpm() < 130, "" + judgement);
        }
        robot.interact(() -> {
            try {
                org.auscult.app.Screenshots.saveIfAsked(robot.lookup("#record-view").query().getScene(),
                        "record-mode");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        robot.clickOn("#record-keep");
        assertEquals(1, kept.size());
        Path file = kept.get(0);
        assertEquals("p-12-a_TV_20261205-083000.wav", file.getFileName().toString(), "a safe, telling name");
        assertEquals(new RecordingDecoder().decode(SAMPLE).clip().length(),
                new RecordingDecoder().decode(file).clip().length(), "the whole recording was kept");
        assertEquals(RecordViewModel.State.READY, model.stateProperty().get());
        Auscultation where = labels.examinations().auscultation(labels.findRecording(file).orElseThrow().id())
                .orElseThrow();
        assertEquals("p 12/a", where.patient());
        assertEquals("TV", where.site());
        assertEquals(Instant.parse("2026-12-05T08:30:00Z"), where.recordedAt());
        assertTrue(where.device().startsWith("Replay of 69120_TV.wav"), "the input it came from: "
                + where.device());
        waitFor("the kept file's content hash", () -> labels.findRecording(file).orElseThrow().sha256().equals(
                org.auscult.labels.ContentHash.sha256(file)));

        // the next site of the same patient joins the examination
        robot.interact(() -> model.siteProperty().set("MV"));
        robot.clickOn("#record-start");
        waitFor("the second site", () -> text(robot, "#record-examination").equals(
                "Examination of p 12/a since 08:30: TV, MV"));
        waitFor("the replay's end", () -> model.stateProperty().get() == RecordViewModel.State.STOPPED);
        robot.clickOn("#record-keep");
        assertEquals(2, kept.size());
        assertEquals(1, labels.examinations().of("p 12/a").size(), "one sitting, one examination");
        assertEquals(List.of("TV", "MV"), labels.examinations().of("p 12/a").get(0).auscultations().stream()
                .map(Auscultation::site).toList());
        kept.remove(1);

        robot.interact(() -> model.patientProperty().set("p13"));
        robot.clickOn("#record-start");
        waitFor("the level meter", () -> model.secondsProperty().get() > 0.5);
        robot.clickOn("#record-stop");
        waitFor("the stop", () -> model.stateProperty().get() == RecordViewModel.State.STOPPED);
        Path discarded = model.recordedProperty().get();
        assertTrue(Files.exists(discarded));
        assertEquals(1, labels.examinations().of("p13").size(), "a new patient, a new examination");
        robot.clickOn("#record-discard");
        assertTrue(!Files.exists(discarded), "discarded");
        assertTrue(Files.exists(file), "the kept one stays");
        assertEquals(1, kept.size());
        waitFor("the discarded recording forgotten", () -> labels.examinations().of("p13").isEmpty());
        assertTrue(labels.findRecording(discarded).isEmpty());
    }

    @Test
    void listeningWhileRecordingPlaysEveryBlockAndNoDeviceIsSaidNotFatal(FxRobot robot) throws Exception {
        org.auscult.app.playback.RecordingOutput output = new org.auscult.app.playback.RecordingOutput();
        robot.interact(() -> {
            model.setOutputs(() -> output);
            model.patientProperty().set("p20");
        });
        robot.clickOn("#record-listen");
        robot.clickOn("#record-start");
        assertTrue(text(robot, "#record-message").contains("listening through the speakers"),
                text(robot, "#record-message"));
        waitFor("the replay's end", () -> model.stateProperty().get() == RecordViewModel.State.STOPPED);
        int recorded = new RecordingDecoder().decode(model.recordedProperty().get()).clip().length();
        waitFor("every recorded sample played", () -> output.frames().length == recorded);
        robot.clickOn("#record-discard");

        robot.interact(() -> {
            model.setOutputs(org.auscult.app.playback.NoAudioDevice::new);
            model.patientProperty().set("p21");
        });
        robot.clickOn("#record-start");
        assertTrue(text(robot, "#record-message").contains("Recording goes on without listening"),
                text(robot, "#record-message"));
        waitFor("the replay's end", () -> model.stateProperty().get() == RecordViewModel.State.STOPPED);
        assertTrue(Files.size(model.recordedProperty().get()) > 44, "recorded all the same");
    }

    @Test
    void withoutAnyInputStartSaysWhatToConnect(FxRobot robot) {
        robot.interact(() -> {
            model.inputs().clear();
            model.inputProperty().set(null);
        });
        robot.clickOn("#record-start");
        assertTrue(text(robot, "#record-message").startsWith("No audio input on this machine"),
                text(robot, "#record-message"));
        assertEquals(RecordViewModel.State.READY, model.stateProperty().get());
    }
}
