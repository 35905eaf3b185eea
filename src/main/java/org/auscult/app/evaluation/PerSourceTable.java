package org.auscult.app.evaluation;

import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import org.auscult.app.table.TableColumns;
import org.auscult.learn.PerSourceReport;

/**
 * How an evaluation went on each source (device, site, collection) of its data, the rows of a
 * {@link PerSourceReport}: one per source, then the pooled row "all". Undefined figures (a source without normal or
 * without follow-up recordings) show "–". Like {@link ClassMetricsTable}, the table is as tall as its rows.
 */
public final class PerSourceTable extends RowsHighTable<PerSourceReport.Row> {

    public PerSourceTable() {
        setId("per-source");
        getColumns().add(TableColumns.of("Source", PerSourceReport.Row::source));
        getColumns().add(TableColumns.of("Recordings", PerSourceReport.Row::recordings));
        getColumns().add(number("Accuracy", PerSourceReport.Row::accuracy));
        getColumns().add(TableColumns.of("Follow-up", PerSourceReport.Row::followUp));
        getColumns().add(TableColumns.of("Normal", PerSourceReport.Row::normal));
        getColumns().add(number("Sensitivity", PerSourceReport.Row::sensitivity));
        getColumns().add(number("Specificity", PerSourceReport.Row::specificity));
        getColumns().add(number("Bal. acc.", PerSourceReport.Row::balancedAccuracy));
        getColumns().add(number("Murmur R@Sp.90", PerSourceReport.Row::murmurRecallAtSpecificity90));
        getColumns().add(number("Screen sens.", PerSourceReport.Row::screenSensitivity));
        getColumns().add(number("Screen spec.", PerSourceReport.Row::screenSpecificity));
        getColumns().forEach(column -> column.setSortable(false)); // the pooled row stays last
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        TableColumns.keepTitlesWhole(this);
        setPlaceholder(new Label("One source: no per-source figures"));
    }

    private static TableColumn<PerSourceReport.Row, String> number(String title,
                                                                  Function<PerSourceReport.Row, Double> value) {
        return TableColumns.of(title, row -> ClassMetricsTable.format(value.apply(row)));
    }

    /** Shows the rows of {@code report} (null clears the table). */
    public void show(PerSourceReport report) {
        getItems().setAll(report == null ? java.util.List.of() : report.rows());
    }
}
