package org.auscult.app.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
