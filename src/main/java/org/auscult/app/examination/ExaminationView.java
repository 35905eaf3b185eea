package org.auscult.app.examination;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.controls.Labels;

/**
 * The patient of the selected recording, site by site: the patient's answer, where a murmur is most likely, and a
 * table of its recordings with their verdicts, follow-up answers and signal quality. Enter or a double click opens a site's recording; the arrow keys
 * move between sites.
 */
public final class ExaminationView extends VBox {

    /** @param open opens a recording in the workstation (selects it in the browser) */
    public ExaminationView(ExaminationViewModel model, Consumer<RecordingRow> open) {
        super(6);
        Objects.requireNonNull(open, "open");
        setPadding(new Insets(6));
        setId("examination");
        Label title = Labels.wrapped("examination-title", model.titleProperty());
        title.setStyle("-fx-font-weight: bold;");
        Label summary = Labels.wrapped("examination-summary", model.summaryProperty());
        summary.setTooltip(new javafx.scene.control.Tooltip("A murmur heard at any site makes the patient a murmur"
                + " patient: the site where the model finds one most likely says most."));
        Label answer = Labels.wrapped("examination-answer", model.answerProperty());
        answer.setStyle("-fx-font-weight: bold;");
        answer.setTooltip(new javafx.scene.control.Tooltip("A finding at any site calls the patient back: follow-up"
                + " when any site reaches the model's follow-up threshold, unknown when a site has no answer."));

        TableView<ExaminationViewModel.SiteRow> table = new TableView<>(model.sites());
        table.setId("examination-sites");
        table.setPlaceholder(new Label("No recordings of this patient"));
        table.getColumns().add(column("Site", 36, row -> row.site().isEmpty() ? "?" : row.site()));
        table.getColumns().add(column("Recording", 68, row -> row.row().name()));
        table.getColumns().add(column("Verdict", 96, ExaminationViewModel.SiteRow::verdict));
        table.getColumns().add(column("Follow-up", 70, ExaminationViewModel.SiteRow::followUp));
        table.getColumns().add(column("Quality", 58, ExaminationViewModel.SiteRow::quality));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setOnKeyPressed(event -> {
            var chosen = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                open.accept(chosen.row());
                event.consume();
            }
        });
        table.setOnMouseClicked(event -> {
            var chosen = table.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && chosen != null) {
                open.accept(chosen.row());
            }
        });
        // the recording on screen is the row selected, so the arrow keys move on from it
        model.sites().addListener((javafx.collections.ListChangeListener<ExaminationViewModel.SiteRow>) change ->
                model.sites().stream().filter(row -> row.row() == model.shownRow()).findFirst()
                        .ifPresent(row -> table.getSelectionModel().select(row)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, answer, summary, table);
    }

    private static TableColumn<ExaminationViewModel.SiteRow, String> column(
            String name, double width, java.util.function.Function<ExaminationViewModel.SiteRow, String> text) {
        TableColumn<ExaminationViewModel.SiteRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
