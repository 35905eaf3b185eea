package org.auscult.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import org.auscult.app.controls.Buttons;
import org.auscult.app.timeline.TimeLayer;

/** Small pieces of the main window's layout: toolbar buttons, the pointer readout, a divider that keeps text whole. */
final class WindowParts {

    private WindowParts() {
    }

    /** The readout of whichever layer the pointer is over. */
    static javafx.beans.binding.StringBinding readoutOf(TimeLayer... layers) {
        return Bindings.createStringBinding(() -> java.util.Arrays.stream(layers)
                .map(layer -> layer.readoutProperty().get()).filter(text -> text != null && !text.isEmpty())
                .findFirst().orElse(""), java.util.Arrays.stream(layers).map(TimeLayer::readoutProperty)
                .toArray(javafx.beans.Observable[]::new));
    }

    /**
     * Moves the divider under {@code top} down whenever its lines, wrapped to the width they have, need more height
     * than it gives them (a narrow window, a verdict of many classes): nothing of the verdict is cut off.
     */
    static void keepWhole(SplitPane split, javafx.scene.layout.Region top) {
        javafx.beans.InvalidationListener check = observable -> javafx.application.Platform.runLater(() -> {
            double height = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset();
            double needed = top.prefHeight(top.getWidth());
            if (height <= 0 || top.getWidth() <= 0 || top.getHeight() + 0.5 >= needed) {
                return;
            }
            javafx.scene.Node divider = split.lookup(".split-pane-divider");
            double thickness = divider == null ? 6 : divider.getLayoutBounds().getHeight();
            split.setDividerPosition(0, Math.min(0.85, (needed + thickness / 2 + 1) / height));
        });
        top.heightProperty().addListener(check);
        top.widthProperty().addListener(check);
        split.heightProperty().addListener(check);
    }

    /** A toolbar button with a tooltip that never takes the focus, so the window's keys keep working. */
    static Button button(String id, String text, String tip, Runnable action) {
        Button button = Buttons.of(id, text, action);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    /** A tab titled {@code title} holding {@code content}, with {@code id} for tests. */
    static javafx.scene.control.Tab tab(String id, String title, javafx.scene.Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
