package org.auscult.app.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.auscult.analysis.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every class of a six-class verdict is named with its probability, in a narrow panel too. */
@ExtendWith(ApplicationExtension.class)
class VerdictViewTest {

    private final VerdictViewModel model = new VerdictViewModel();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VerdictView(model), 280, 400));
        stage.show();
    }

    @Test
    void everyClassIsNamedWithItsProbabilityAndTheFollowUpProbabilityIsGiven(FxRobot robot) {
        List<String> classes = List.of("abnormal", "artifact", "extrahls", "extrastole", "murmur", "normal");
        double[] p = {0.05, 0.02, 0.01, 0.003, 0.297, 0.62};
        robot.interact(() -> model.verdictProperty().set(new Verdict(classes, p, "bundled default model",
                List.of())));
        for (int c = 0; c < classes.size(); c++) {
            Label value = robot.lookup("#probability-" + classes.get(c)).queryAs(Label.class);
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", p[c]), value.getText());
        }
        assertEquals("0.36", robot.lookup("#probability-follow-up").queryAs(Label.class).getText(),
                "abnormal + extra sound + extrasystole + murmur");
        GridPane grid = robot.lookup("#verdict-probabilities").queryAs(GridPane.class);
        List<String> names = grid.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0)
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(names.contains("extra heart sound") && names.contains("abnormal, other (needs follow-up)"), names
                .toString());
        for (var node : grid.getChildren()) {
            if (node instanceof Label label) {
                assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5, "not cut off: " + label.getText());
            }
        }
    }

    @Test
    void theFollowUpAnswerIsGivenAtTheModelsThresholdAndOnlyWhenItHasOne(FxRobot robot) {
        List<String> classes = List.of("artifact", "murmur", "normal");
        double[] p = {0.02, 0.38, 0.60};
        org.auscult.learn.FollowUpScreen screen = new org.auscult.learn.FollowUpScreen(0.35, 0.78, 0.90);
        robot.interact(() -> model.verdictProperty().set(new Verdict(classes, p, "model", List.of(), "", screen)));
        Label followUp = robot.lookup("#verdict-follow-up").queryAs(Label.class);
        assertEquals("Needs a clinician's follow-up: yes (p 0.38, the model's threshold 0.35)", followUp.getText());
        assertTrue(followUp.isVisible());
        assertEquals("normal  (60 %)", robot.lookup("#verdict-headline").queryAs(Label.class).getText(),
                "the most probable class stays the headline");

        double[] lower = {0.02, 0.30, 0.68};
        robot.interact(() -> model.verdictProperty().set(new Verdict(classes, lower, "model", List.of(), "", screen)));
        assertEquals("Needs a clinician's follow-up: no (p 0.30, the model's threshold 0.35)", followUp.getText());

        Verdict unsure = new Verdict(classes, lower, "model", List.of(), "", screen)
                .unsure("Unsure: too noisy (2 of 20 s usable); hold the stethoscope still and keep the room quiet.");
        robot.interact(() -> model.verdictProperty().set(unsure));
        assertEquals("Needs a clinician's follow-up: cannot say on so little usable heart sound (p 0.30, the model's "
                + "threshold 0.35)", followUp.getText(), "an unsure recording rules nothing out");
        assertEquals("normal  (68 %)  · unsure", robot.lookup("#verdict-headline").queryAs(Label.class).getText(),
                "the class of an unsure verdict is not read as a finding");

        robot.interact(() -> model.verdictProperty().set(new Verdict(classes, lower, "model", List.of())));
        assertFalse(followUp.isVisible(), "a model without a screen gives no yes or no");
    }

    @Test
    void aDescribedMurmurShowsItsEnvelopeAndTheNextVerdictTakesItAway(FxRobot robot) {
        var clip = org.auscult.segmentation.murmur.SyntheticMurmur.withNoise(0, 1, 0.05, false, 3);
        var description = org.auscult.segmentation.murmur.MurmurModel.shipped().describe(clip,
                org.auscult.segmentation.murmur.SyntheticMurmur.segmentation());
        List<String> classes = List.of("murmur", "normal");
        MurmurEnvelopeChart chart = robot.lookup("#murmur-envelope").queryAs(MurmurEnvelopeChart.class);
        assertTrue(!chart.isVisible() && chart.shown() == null, "no murmur, no envelope");

        robot.interact(() -> {
            model.verdictProperty().set(new Verdict(classes, new double[] {0.8, 0.2}, "a model", List.of()));
            model.setMurmur(description);
        });
        assertTrue(chart.isVisible() && chart.getHeight() > 0, "shown under the description");
        assertEquals(description.envelope(), chart.shown());
        assertTrue(robot.lookup("#verdict-murmur").queryAs(Label.class).getText().matches("Murmur described: \\w+-?systolic \\(\\d+ %\\), grade .*"),
                robot.lookup("#verdict-murmur").queryAs(Label.class).getText());

        robot.interact(() -> model.verdictProperty().set(new Verdict(classes, new double[] {0.3, 0.7}, "a model",
                List.of())));
        assertTrue(!chart.isVisible() && chart.shown() == null, "the next verdict has its own description or none");
    }
}
