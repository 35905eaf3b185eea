package org.auscult.app.browser;

import java.util.Locale;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auscult.app.table.TableColumns;

/**
 * The recording browser: a sortable table (virtualised, so thousands of rows stay instant) with a class filter
 * and a text search. Unlabelled recordings show their label in grey italics; unreadable ones are red and say why
 * in a tooltip.
 */
public final class BrowserView extends VBox {

    private final BrowserViewModel model;
    private final TableView<RecordingRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<String> classFilter = new ComboBox<>();

    public BrowserView(BrowserViewModel model) {
        super(4);
        this.model = model;
        setId("browser");
        setPadding(new Insets(4));
        search.setId("search");
        search.setPromptText("Search name, patient, class (Ctrl+F)");
        search.setTooltip(new Tooltip("Filter the recordings by name, patient or class"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        classFilter.setId("class-filter");
        classFilter.setItems(model.classChoices());
        classFilter.valueProperty().bindBidirectional(model.classFilterProperty());
        classFilter.setTooltip(new Tooltip("Show one class, the unlabelled or the unreadable recordings"));
        table.setId("recordings");
        table.getColumns().add(text("Name", 150, RecordingRow::name));
        table.getColumns().add(labelColumn());
        table.getColumns().add(text("Patient", 70, RecordingRow::patient));
        TableColumn<RecordingRow, Number> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(cell -> cell.getValue().durationProperty());
        duration.setCellFactory(column -> numberCell("%.1f s"));
        duration.setPrefWidth(64);
        TableColumn<RecordingRow, Number> rate = new TableColumn<>("Rate");
        rate.setCellValueFactory(cell -> cell.getValue().sampleRateProperty());
        rate.setCellFactory(column -> numberCell("%.0f Hz"));
        rate.setPrefWidth(64);
        TableColumn<RecordingRow, String> predicted = new TableColumn<>("Predicted");
        predicted.setCellValueFactory(cell -> cell.getValue().predictedProperty());
        predicted.setPrefWidth(72);
        TableColumn<RecordingRow, Number> confidence = new TableColumn<>("Conf.");
        confidence.setCellValueFactory(cell -> cell.getValue().confidenceProperty());
        confidence.setCellFactory(column -> numberCell("%.2f"));
        confidence.setPrefWidth(48);
        table.getColumns().addAll(java.util.List.of(duration, rate, predicted, confidence));
        SortedList<RecordingRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("Open a folder or collection (Ctrl+O)"));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(RecordingRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("unreadable");
                setTooltip(null);
                if (!empty && row != null && !row.problemProperty().get().isEmpty()) {
                    getStyleClass().add("unreadable");
                    setTooltip(new Tooltip(row.problemProperty().get()));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) ->
                model.selectedProperty().set(after));
        // A recording chosen elsewhere (the training wizard's "Open in the waveform view") is selected and shown
        // in the table too, so the user sees which one is on screen.
        model.selectedProperty().addListener((observable, before, after) -> {
            if (after != null && table.getSelectionModel().getSelectedItem() != after
                    && table.getItems().contains(after)) {
                table.getSelectionModel().select(after);
                table.scrollTo(after);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label note = new Label();
        note.setId("collection-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint-text");
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(new HBox(4, search, classFilter), table, note);
    }

    /** Focuses the search field. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<RecordingRow> table() {
        return table;
    }

    private static TableColumn<RecordingRow, String> text(String title, double width,
                                                          java.util.function.Function<RecordingRow, String> value) {
        TableColumn<RecordingRow, String> column = TableColumns.of(title, value);
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<RecordingRow, String> labelColumn() {
        TableColumn<RecordingRow, String> column = TableColumns.of("Label",
                row -> row.labelled() ? row.label() : "unlabelled");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("unlabelled");
                if (!empty && "unlabelled".equals(item)) {
                    getStyleClass().add("unlabelled");
                }
            }
        });
        column.setPrefWidth(70);
        return column;
    }

    private static TableCell<RecordingRow, Number> numberCell(String format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                boolean missing = empty || item == null || Double.isNaN(item.doubleValue()) || item.doubleValue() == 0;
                setText(missing ? "" : String.format(Locale.ROOT, format, item.doubleValue()));
            }
        };
    }
}
