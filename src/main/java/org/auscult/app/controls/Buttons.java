package org.auscult.app.controls;

import javafx.scene.control.Button;

/** The workstation's buttons: each with an id for tests and what it does when pressed. */
public final class Buttons {

    private Buttons() {
    }

    /** A button showing {@code text}, found by tests as {@code id}, that runs {@code action} when pressed. */
    public static Button of(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
