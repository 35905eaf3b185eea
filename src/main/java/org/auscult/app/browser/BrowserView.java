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
import org.auscult.app.controls.Labels;
import org.auscult.app.table.TableColumns;

/**
 * The recording browser: a sortable table (virtualised, so thousands of rows stay instant) with a class filter
 * and a text search. Unlabelled recordings show their label in grey italics; unreadable ones are red and say why
 * in a tooltip. The columns share the browser's width, none narrower than its title; the patient and the sample
 * rate are in every row's tooltip, and can be shown as columns from the menu of any column title (right click).
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
        TableColumn<RecordingRow, String> name = text("Name", 150, RecordingRow::name);
        name.setMinWidth(80); // a CirCor or PhysioNet name whole; longer ones are whole in the row's tooltip
        table.getColumns().add(name);
        table.getColumns().add(labelColumn());
        TableColumn<RecordingRow, String> patient = text("Patient", 70, RecordingRow::patient);
        patient.setVisible(false);
        table.getColumns().add(patient);
        TableColumn<RecordingRow, Number> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(cell -> cell.getValue().durationProperty());
        duration.setCellFactory(column -> numberCell("%.1f s"));
        duration.setPrefWidth(64);
        TableColumn<RecordingRow, Number> rate = new TableColumn<>("Rate");
        rate.setCellValueFactory(cell -> cell.getValue().sampleRateProperty());
        rate.setCellFactory(column -> numberCell("%.0f Hz"));
        rate.setPrefWidth(64);
        rate.setVisible(false);
        TableColumn<RecordingRow, String> predicted = new TableColumn<>("Predicted");
        predicted.setCellValueFactory(cell -> cell.getValue().predictedProperty());
        predicted.setPrefWidth(72);
        TableColumn<RecordingRow, Number> confidence = new TableColumn<>("Conf.");
        confidence.setCellValueFactory(cell -> cell.getValue().confidenceProperty());
        confidence.setCellFactory(column -> numberCell("%.2f"));
        confidence.setPrefWidth(48);
        table.getColumns().addAll(java.util.List.of(duration, rate, predicted, confidence));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumns.keepTitlesWhole(table);
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
                } else if (!empty && row != null) {
                    setTooltip(new Tooltip(describe(row)));
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
        Label note = Labels.bound("collection-note", model.noteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("hint-text");
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(new HBox(4, search, classFilter), table, note);
    }

    /** A row in words for its tooltip: "36327_MV, patient 36327, 4000 Hz, 20.5 s, labelled murmur". */
    static String describe(RecordingRow row) {
        StringBuilder text = new StringBuilder(row.name());
        if (row.patient() != null && !row.patient().isEmpty()) {
            text.append(", patient ").append(row.patient());
        }
        double rate = row.sampleRateProperty().get();
        if (rate > 0) {
            text.append(String.format(Locale.ROOT, ", %.0f Hz", rate));
        }
        double seconds = row.durationProperty().get();
        if (seconds > 0) {
            text.append(String.format(Locale.ROOT, ", %.1f s", seconds));
        }
        text.append(row.labelled() ? ", labelled " + row.label() : ", unlabelled");
        return text.toString();
    }

    /**
     * Lets the user show or hide columns from the menu of any column title; call once every column is in the table
     * (the window adds its own).
     */
    public void offerColumnChoice() {
        TableColumns.offerColumnChoice(table);
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
        column.setPrefWidth(80);
        column.setMinWidth(80); // room for "unlabelled" and the built-in class names
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
