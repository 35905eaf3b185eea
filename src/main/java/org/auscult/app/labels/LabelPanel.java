package org.auscult.app.labels;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.labels.EventType;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;

/**
 * The recording's label, editable: class (type a new name to add a class), quality, notes (saved when the field
 * loses focus or on Ctrl+Enter), which opinion is being edited, the type of new events, undo and redo.
 */
public final class LabelPanel extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final AnnotationViewModel model;
    private final ComboBox<String> labelClass = new ComboBox<>();
    private final TextArea notes = new TextArea();
    private boolean updating;

    public LabelPanel(AnnotationViewModel model) {
        super(6);
        this.model = model;
        setPadding(new Insets(6));
        setId("label-panel");

        labelClass.setId("label-class");
        labelClass.setEditable(true);
        labelClass.setItems(model.classes());
        labelClass.setPromptText("class (1-5)");
        labelClass.setMaxWidth(Double.MAX_VALUE);
        labelClass.setOnAction(event -> {
            String chosen = labelClass.getValue();
            String current = model.labelProperty().get() == null ? null
                    : model.labelProperty().get().labelClass().orElse(null);
            if (!updating && chosen != null && !chosen.isBlank() && !chosen.strip().equals(current)) {
                try {
                    model.setClass(org.auscult.labels.LabelClasses.requireValid(chosen));
                } catch (IllegalArgumentException refused) {
                    labelClass.setValue(current);
                }
            }
        });

        ToggleGroup qualityGroup = new ToggleGroup();
        HBox quality = new HBox(4);
        for (Quality q : Quality.values()) {
            ToggleButton button = new ToggleButton(q.sqlName());
            button.setId("quality-" + q.sqlName());
            button.setToggleGroup(qualityGroup);
            button.setUserData(q);
            button.setFocusTraversable(false);
            quality.getChildren().add(button);
        }
        qualityGroup.selectedToggleProperty().addListener((observable, before, after) -> {
            if (!updating) {
                model.setQuality(after == null ? null : (Quality) after.getUserData());
            }
        });

        notes.setId("label-notes");
        notes.setPromptText("notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                model.setNotes(notes.getText());
            }
        });
        notes.setOnKeyPressed(event -> {
            if (event.isShortcutDown() && event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.setNotes(notes.getText());
                event.consume();
            }
        });

        ComboBox<Opinion> opinion = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Opinion.values()));
        opinion.setId("label-opinion");
        opinion.valueProperty().bindBidirectional(model.opinionProperty());
        opinion.setTooltip(new Tooltip("Which opinion you are editing: a second labeller uses SECOND"));

        ComboBox<String> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                EventType.labels()));
        type.setId("event-type");
        type.setEditable(true);
        type.setTooltip(new Tooltip("Type of new events (Alt+1 ... Alt+0); type a name for a custom type"));
        type.valueProperty().bindBidirectional(model.currentTypeProperty());

        Label signed = Labels.bound("label-signed", Bindings.createStringBinding(() -> {
            RecordingLabel label = model.labelProperty().get();
            return label == null ? "not labelled" : "by " + label.labeller() + ", " + WHEN.format(label.labelledAt());
        }, model.labelProperty()));
        signed.getStyleClass().add("dim-text");

        Button undo = Buttons.of("label-undo", "Undo", () -> model.undo());
        undo.setFocusTraversable(false);
        undo.disableProperty().bind(model.undoState().canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip("Undo "
                + model.undoState().undoTextProperty().get() + " (Ctrl+Z)"), model.undoState().undoTextProperty()));
        Button redo = Buttons.of("label-redo", "Redo", () -> model.redo());
        redo.setFocusTraversable(false);
        redo.disableProperty().bind(model.undoState().canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip("Redo "
                + model.undoState().redoTextProperty().get() + " (Ctrl+Shift+Z)"), model.undoState().redoTextProperty()));

        Label recorded = Labels.bound("label-recorded-as", model.recordedAsProperty());
        recorded.setWrapText(true);
        recorded.managedProperty().bind(recorded.textProperty().isNotEmpty());

        Label message = Labels.bound("label-message", model.messageProperty());
        message.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, new Label("Class"), labelClass);
        grid.addRow(1, new Label("Quality"), quality);
        grid.addRow(2, new Label("Opinion"), opinion);
        grid.addRow(3, new Label("New events"), type);
        GridPane.setHgrow(labelClass, Priority.ALWAYS);
        VBox.setVgrow(notes, Priority.SOMETIMES);
        VBox editors = new VBox(6, grid, notes, signed, new HBox(4, undo, redo));
        VBox.setVgrow(editors, Priority.SOMETIMES);
        // The editors, not the panel: a Tab sets its content's disable property itself.
        editors.disableProperty().bind(model.availableProperty().not());
        getChildren().addAll(recorded, editors, message);

        model.labelProperty().addListener((observable, before, after) -> show(after, qualityGroup));
        model.recordingProperty().addListener((observable, before, after) -> show(model.labelProperty().get(),
                qualityGroup));
    }

    private void show(RecordingLabel label, ToggleGroup qualityGroup) {
        updating = true;
        try {
            labelClass.setValue(label == null ? null : label.labelClass().orElse(null));
            Quality quality = label == null ? null : label.quality().orElse(null);
            qualityGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == quality));
            if (!notes.isFocused()) {
                notes.setText(label == null ? "" : label.notes());
            }
        } finally {
            updating = false;
        }
    }

    /** Saves the notes being typed (before the recording changes). */
    public void commitNotes() {
        if (notes.isFocused()) {
            model.setNotes(notes.getText());
        }
    }
}
