package org.auscult.app.training;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels the wizard's pages share. */
final class WizardLabels {

    private WizardLabels() {
    }

    /** A label that wraps its text and is never shorter than its lines, so no page cuts it. */
    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
