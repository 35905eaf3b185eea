package org.auscult.app.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.scene.control.TableColumn;
import org.auscult.app.table.TableColumns;
import org.auscult.labels.LabelClasses;
import org.auscult.learn.ConfusionMatrix;

/**
 * Precision, recall, F1 and support of every class of a confusion matrix, one row per class. The table is as tall
 * as its rows: every class is on show, none behind a scroll bar.
 */
public final class ClassMetricsTable extends RowsHighTable<ClassMetricsTable.Row> {

    /** One class's figures. */
    public record Row(String className, double precision, double recall, double f1, long support) {
    }

    public ClassMetricsTable() {
        setId("class-metrics");
        getColumns().add(TableColumns.of("Class", Row::className));
        getColumns().add(number("Precision", Row::precision));
        getColumns().add(number("Recall", Row::recall));
        getColumns().add(number("F1", Row::f1));
        getColumns().add(TableColumns.of("Support", Row::support));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label("No results yet"));
    }

    private static TableColumn<Row, String> number(String title, Function<Row, Double> value) {
        return TableColumns.of(title, row -> format(value.apply(row)));
    }

    static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Shows the figures of {@code matrix} (null clears the table). */
    public void show(ConfusionMatrix matrix) {
        List<Row> rows = new ArrayList<>();
        if (matrix != null) {
            for (int c = 0; c < matrix.numClasses(); c++) {
                rows.add(new Row(LabelClasses.forPeople(matrix.classNames().get(c)), matrix.precision(c), matrix.recall(c), matrix.f1(c),
                        matrix.support(c)));
            }
        }
        getItems().setAll(rows);
    }
}
