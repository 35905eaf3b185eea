package org.auscult.app.selections;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.auscult.analysis.SelectionMeasurement;
import org.auscult.app.controls.Buttons;
import org.auscult.app.table.TableColumns;

/**
 * The measurement table: one row per measured selection (recording, begin, duration, frequency bounds, peak and
 * centre frequency, peak time, band level), with Measure (M), Remove and Export CSV….
 */
public final class SelectionsView extends VBox {

    private final SelectionsViewModel model;
    private final TableView<SelectionsViewModel.Row> table = new TableView<>();
    private final Label message = new Label();
    private Supplier<Path> exportChooser = this::chooseExportFile;

    /**
     * @param measure measures the current selection (the window knows the recording, the stretch and the band)
     */
    public SelectionsView(SelectionsViewModel model, Runnable measure) {
        super(6);
        this.model = model;
        setPadding(new Insets(6));
        table.setId("selections-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Drag over the waveform, or over the spectrogram for frequency bounds too, "
                + "then press M to measure."));
        ((Label) table.getPlaceholder()).setWrapText(true);
        table.getColumns().add(TableColumns.of("#", SelectionsViewModel.Row::number));
        table.getColumns().add(TableColumns.of("Recording", SelectionsViewModel.Row::recording));
        table.getColumns().add(number("Begin s", SelectionMeasurement::beginSeconds, "%.3f"));
        table.getColumns().add(number("Length s", SelectionMeasurement::durationSeconds, "%.3f"));
        table.getColumns().add(number("Low Hz", SelectionMeasurement::lowHz, "%.0f"));
        table.getColumns().add(number("High Hz", SelectionMeasurement::highHz, "%.0f"));
        table.getColumns().add(number("Peak Hz", SelectionMeasurement::peakFrequencyHz, "%.1f"));
        table.getColumns().add(number("Centre Hz", SelectionMeasurement::centreFrequencyHz, "%.1f"));
        table.getColumns().add(number("Peak at s", SelectionMeasurement::peakTimeSeconds, "%.3f"));
        table.getColumns().add(number("Level dBFS", SelectionMeasurement::levelDbfs, "%.1f"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button measureButton = Buttons.of("measure-selection", "Measure (M)", () -> measure.run());
        measureButton.setTooltip(new Tooltip("Measure the selected stretch (and frequency band, when dragged on the "
                + "spectrogram)"));
        Button remove = Buttons.of("remove-selection", "Remove",
                () -> model.remove(table.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button export = Buttons.of("export-selections", "Export CSV…", () -> export());
        export.disableProperty().bind(Bindings.isEmpty(model.rows()));
        message.setId("selections-message");
        message.setWrapText(true);
        getChildren().addAll(new HBox(6, measureButton, remove, export), table, message);
    }

    private static TableColumn<SelectionsViewModel.Row, String> number(String title,
            Function<SelectionMeasurement, Double> value, String format) {
        return TableColumns.of(title, row -> String.format(Locale.ROOT, format, value.apply(row.measurement())));
    }

    /** Replaces the file dialog of Export CSV… (tests pass a fixed file). */
    public void setExportChooser(Supplier<Path> chooser) {
        this.exportChooser = chooser;
    }

    private Path chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the selections' measurements");
        chooser.setInitialFileName("selections.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private void export() {
        Path file = exportChooser.get();
        if (file == null) {
            return;
        }
        try {
            // the save dialog has asked before replacing an existing file
            model.export(file, true);
            message.setText("Exported " + model.rows().size() + " selections to " + file);
        } catch (IOException e) {
            message.setText("Cannot export to " + file + ": " + e.getMessage());
        }
    }

    public TableView<SelectionsViewModel.Row> table() {
        return table;
    }
}
