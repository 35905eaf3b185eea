package org.auscult.app.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.auscult.app.controls.Labels;
import org.auscult.library.Layout;

/**
 * The choice after a folder is picked in Open…: how to read it. Detection is the default; every layout Auscult
 * reads is listed by name with what it looks for, so a folder that detection misreads (sub-folders taken for
 * classes, say) can be opened as a plain folder of unlabelled recordings instead.
 */
public final class OpenAsChoice extends VBox {

    /** One entry of the list: a layout, or empty for detection. */
    public record Entry(Optional<Layout> layout) {

        String text() {
            return layout.map(Layout::displayName).orElse("Detect the layout");
        }

        String explanation() {
            return layout.map(l -> "Looks for: " + l.lookedFor() + ".")
                    .orElse("Tries each layout in turn: a labelled collection's files first, then a folder per "
                            + "class, then a plain folder of unlabelled recordings.");
        }
    }

    private final ComboBox<Entry> layouts = new ComboBox<>();
    private final Label explanation = new Label();

    public OpenAsChoice() {
        super(8);
        setPadding(new Insets(12));
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(Optional.empty()));
        for (Layout layout : Layout.values()) {
            entries.add(new Entry(Optional.of(layout)));
        }
        layouts.getItems().setAll(entries);
        layouts.setId("open-as-layout");
        layouts.setConverter(Labels.named(Entry::text));
        layouts.setMaxWidth(Double.MAX_VALUE);
        explanation.setId("open-as-explanation");
        explanation.setWrapText(true);
        explanation.setPrefWidth(420);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        layouts.valueProperty().addListener((obs, old, entry) -> explanation.setText(
                entry == null ? "" : entry.explanation()));
        layouts.setValue(entries.get(0));
        getChildren().addAll(new Label("Read the folder as:"), layouts, explanation);
    }

    /** The layout chosen, or empty for detection. */
    public Optional<Layout> chosen() {
        Entry entry = layouts.getValue();
        return entry == null ? Optional.empty() : entry.layout();
    }

    /** Selects {@code layout} (empty: detection). */
    public void choose(Optional<Layout> layout) {
        layouts.getItems().stream().filter(e -> e.layout().equals(layout)).findFirst().ifPresent(layouts::setValue);
    }

    /**
     * Asks how to read {@code folderName}; empty when the user cancels, else the layout chosen (itself empty for
     * detection).
     */
    public static Optional<Optional<Layout>> ask(Window owner, String folderName) {
        OpenAsChoice choice = new OpenAsChoice();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open " + folderName);
        dialog.setHeaderText("Open " + folderName);
        dialog.getDialogPane().setContent(choice);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        return dialog.showAndWait().filter(open::equals).map(pressed -> choice.chosen());
    }
}
