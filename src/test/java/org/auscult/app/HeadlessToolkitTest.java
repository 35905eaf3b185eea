package org.auscult.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The headless toolkit (Monocle) starts, shows a scene and delivers a click. */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {

    private Button button;
    private int clicks;

    @Start
    void start(Stage stage) {
        button = new Button("Click");
        button.setOnAction(event -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void aClickReachesTheButton(FxRobot robot) {
        robot.clickOn(button);
        assertEquals(1, clicks);
    }
}
