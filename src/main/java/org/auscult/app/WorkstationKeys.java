package org.auscult.app;

import java.util.List;
import java.util.Map;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.auscult.app.browser.BrowserView;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.examination.PatientSteps;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.labels.LabelPanel;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.labels.EventType;
import org.auscult.labels.LabelEvent;

/**
 * The main window's keyboard: Space play/pause, Shift+Space play selection, L loop, + / - zoom, 0 zoom to fit,
 * Z zoom to selection, Left/Right scroll, Alt+Up/Down amplitude zoom, Escape clear selection, Ctrl+O open a folder,
 * Ctrl+Shift+O open a file,
 * Ctrl+T training wizard, Ctrl+F search, C heart-cycle bands on/off, M measure the selection, Ctrl+Z undo, Ctrl+Shift+Z redo, and the
 * labelling keys ({@link #onLabelKey}). Keys typed into a text field stay there.
 */
final class WorkstationKeys {

    /** How far Alt+Left/Right moves an event. */
    static final double NUDGE_SECONDS = 0.01;

    private static int digitOf(KeyCode code) {
        String name = code.getName();
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    private void selectNextUnlabelled() {
        var table = browser.table();
        int size = table.getItems().size();
        int from = table.getSelectionModel().getSelectedIndex();
        for (int step = 1; step <= size; step++) {
            int index = (from + step) % size;
            if (!annotations.isLabelled(table.getItems().get(index).recording().path())) {
                table.getSelectionModel().select(index);
                table.scrollTo(index);
                return;
            }
        }
        model.status().done("Every recording has a class of yours.");
    }


    private final WorkstationViewModel model;
    private final AnnotationViewModel annotations;
    private final BrowserView browser;
    private final LabelPanel labelPanel;
    private final Runnable chooseCollection;
    private final Runnable chooseFile;
    private final Runnable openTrainingWizard;

    WorkstationKeys(WorkstationViewModel model, AnnotationViewModel annotations, BrowserView browser,
                    LabelPanel labelPanel, Runnable chooseCollection, Runnable chooseFile, Runnable openTrainingWizard) {
        this.model = model;
        this.annotations = annotations;
        this.browser = browser;
        this.labelPanel = labelPanel;
        this.chooseCollection = chooseCollection;
        this.chooseFile = chooseFile;
        this.openTrainingWizard = openTrainingWizard;
    }

    /** Acts on a key pressed anywhere in the window (an event filter: it sees the key before any control). */
    void handle(KeyEvent event) {
        for (Map.Entry<String, Runnable> shortcut : List.of(Map.entry("Shortcut+Shift+O", chooseFile),
                Map.entry("Shortcut+O", chooseCollection), Map.entry("Shortcut+T", openTrainingWizard),
                Map.entry("Shortcut+F", (Runnable) browser::focusSearch))) {
            if (KeyCombination.valueOf(shortcut.getKey()).match(event)) {
                shortcut.getValue().run();
                event.consume();
                return;
            }
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.Z && !(event.getTarget() instanceof TextInputControl)) {
            if (event.isShiftDown()) {
                annotations.redo();
            } else {
                annotations.undo();
            }
            event.consume();
            return;
        }
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown()) {
            return;
        }
        TimeViewport viewport = model.viewport();
        boolean handled = true;
        KeyCode code = event.getCode();
        // Alt+digit (event types) and Alt+Left/Right (nudge an event) come before the plain keys they resemble.
        if (event.isAltDown() && (code.isDigitKey() || ((code == KeyCode.LEFT || code == KeyCode.RIGHT)
                && annotations.selectedEventProperty().get() != null))) {
            if (onLabelKey(event)) {
                event.consume();
            }
            return;
        }
        switch (code) {
            case SPACE -> {
                if (event.isShiftDown()) {
                    model.playback().playSelection();
                } else {
                    model.playback().togglePlayPause();
                }
            }
            case L -> model.playback().loopProperty().set(!model.playback().loopProperty().get());
            case PLUS, EQUALS, ADD -> viewport.zoom(2);
            case MINUS, SUBTRACT -> viewport.zoom(0.5);
            case DIGIT0, NUMPAD0 -> viewport.zoomToFit();
            case Z -> viewport.zoomToSelection();
            case LEFT -> viewport.scrollBy(-0.25);
            case RIGHT -> viewport.scrollBy(0.25);
            case ESCAPE -> viewport.clearSelection();
            case C -> model.cycle().toggleVisible();
            case M -> model.measureSelection();
            default -> handled = onLabelKey(event);
        }
        // Up and Down stay with the table (row selection); with Alt they zoom the amplitude.
        if (!handled && event.isAltDown() && (code == KeyCode.UP || code == KeyCode.DOWN)) {
            model.waveform().zoomAmplitude(code == KeyCode.UP ? 2 : 0.5);
            handled = true;
        }
        if (handled) {
            event.consume();
        }
    }

    /**
     * The labelling keys: 1-5 the class; Alt+1 ... Alt+0 the event type (and the selected event's); E an event at
     * the cursor (a point) or over the selection (a region); Delete the selected event; ] / [ the next / previous
     * event; Alt+Left/Right nudge the selected event (with Shift, its end); Page Down / Page Up the next / previous
     * recording; U the next recording without a class of yours.
     */
    private boolean onLabelKey(KeyEvent event) {
        KeyCode code = event.getCode();
        TimeViewport viewport = model.viewport();
        int digit = code.isDigitKey() ? digitOf(code) : -1;
        if (digit >= 0 && event.isAltDown()) {
            List<String> types = EventType.labels();
            annotations.chooseType(types.get((digit + 9) % 10));
            return true;
        }
        if (digit >= 1 && digit <= 5 && !event.isShiftDown()) {
            annotations.setClassByKey(digit);
            return true;
        }
        LabelEvent selected = annotations.selectedEventProperty().get();
        switch (code) {
            case E, INSERT -> {
                if (viewport.hasSelection()) {
                    annotations.addEvent(viewport.selectionStart(), viewport.selectionEnd());
                } else {
                    annotations.addEvent(viewport.cursorProperty().get(), viewport.cursorProperty().get());
                }
                return true;
            }
            case DELETE, BACK_SPACE -> {
                annotations.deleteSelected();
                return true;
            }
            case CLOSE_BRACKET, OPEN_BRACKET -> {
                double now = selected != null ? selected.start() : viewport.cursorProperty().get();
                var next = code == KeyCode.CLOSE_BRACKET ? annotations.nextEvent(now) : annotations.previousEvent(now);
                next.ifPresent(found -> {
                    annotations.selectedEventProperty().set(found);
                    viewport.cursorProperty().set(found.start());
                    if (found.start() < viewport.start() || found.end() > viewport.end()) {
                        viewport.show(found.start() - viewport.visible() / 4, viewport.visible());
                    }
                });
                return true;
            }
            case PAGE_DOWN, PAGE_UP -> {
                labelPanel.commitNotes();
                var selection = browser.table().getSelectionModel();
                if (event.isShiftDown()) { // a patient at a time
                    selection.clearAndSelect(Math.max(0, PatientSteps.next(
                            browser.table().getItems().stream().map(RecordingRow::patient).toList(),
                            selection.getSelectedIndex(), code == KeyCode.PAGE_DOWN)));
                } else if (code == KeyCode.PAGE_DOWN) {
                    selection.selectNext();
                } else {
                    selection.selectPrevious();
                }
                browser.table().scrollTo(Math.max(0, selection.getSelectedIndex()));
                return true;
            }
            case U -> {
                labelPanel.commitNotes();
                selectNextUnlabelled();
                return true;
            }
            default -> {
            }
        }
        if (event.isAltDown() && selected != null && (code == KeyCode.LEFT || code == KeyCode.RIGHT)) {
            double step = code == KeyCode.LEFT ? -NUDGE_SECONDS : NUDGE_SECONDS;
            if (event.isShiftDown()) {
                annotations.resizeEvent(selected, selected.start(), Math.max(selected.start(), selected.end() + step));
            } else {
                annotations.moveEvent(selected, Math.max(0, selected.start() + step));
            }
            return true;
        }
        return false;
    }
}
