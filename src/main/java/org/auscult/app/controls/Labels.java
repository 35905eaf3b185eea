package org.auscult.app.controls;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** The workstation's labels that show a view model's text. */
public final class Labels {

    private Labels() {
    }

    /** A label found by tests as {@code id} whose text follows {@code text}. */
    public static Label bound(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
