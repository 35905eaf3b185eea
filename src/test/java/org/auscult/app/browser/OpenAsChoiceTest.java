package org.auscult.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.auscult.library.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Open… layout choice lists every layout by name, explains each, and defaults to detection. */
@ExtendWith(ApplicationExtension.class)
class OpenAsChoiceTest {

    private OpenAsChoice choice;

    @Start
    void start(Stage stage) {
        choice = new OpenAsChoice();
        stage.setScene(new Scene(choice, 480, 220));
        stage.show();
    }

    @Test
    void detectionIsTheDefaultAndEveryLayoutCanBeChosenByItsName(FxRobot robot) {
        assertEquals(Optional.empty(), choice.chosen());
        ComboBox<?> box = robot.lookup("#open-as-layout").queryAs(ComboBox.class);
        assertEquals(Layout.values().length + 1, box.getItems().size());
        Label explanation = robot.lookup("#open-as-explanation").queryAs(Label.class);
        assertTrue(explanation.getText().startsWith("Tries each layout"), explanation.getText());

        robot.clickOn(box);
        robot.clickOn(Layout.PLAIN_FOLDER.displayName());
        assertEquals(Optional.of(Layout.PLAIN_FOLDER), choice.chosen());
        assertEquals("Looks for: " + Layout.PLAIN_FOLDER.lookedFor() + ".", explanation.getText());

        robot.interact(() -> choice.choose(Optional.empty()));
        assertEquals(Optional.empty(), choice.chosen());
        List<String> names = box.getItems().stream().map(entry -> ((OpenAsChoice.Entry) entry).text()).toList();
        assertTrue(names.stream().noneMatch(name -> name.contains("_")), "names for people: " + names);
    }
}
