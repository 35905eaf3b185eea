package org.auscult.app.features;

import java.util.Locale;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.auscult.app.controls.Labels;
import org.auscult.app.table.TableColumns;
import org.auscult.learn.FeatureDistribution;

/**
 * Summary features of the recording in a table (value, and its percentile within each reference class), and for
 * the selected feature a box plot per class with the recording's value marked: where does this recording sit?
 */
public final class FeatureInspectionView extends VBox {

    private final FeatureInspectionViewModel model;
    private final TableView<FeatureInspectionViewModel.Row> table = new TableView<>();
    private final Canvas boxes = new Canvas();
    private final Pane boxPane = new Pane(boxes);
    private final Label reference = new Label();
    private final Label placeholder = new Label(NO_RECORDING);

    /** What the empty table says when no recording is selected. */
    public static final String NO_RECORDING = "Select a recording to see its features";

    public FeatureInspectionView(FeatureInspectionViewModel model) {
        super(4);
        this.model = model;
        setId("feature-inspection");
        TableColumn<FeatureInspectionViewModel.Row, String> name = TableColumns.of("Feature",
                FeatureInspectionViewModel.Row::name);
        name.setPrefWidth(140);
        // Long names wrap after an underscore (a zero-width space there), not in the middle of a word.
        name.setCellFactory(column -> TableColumns.wrapping(text -> text.replace("_", "_\u200B")));
        TableColumn<FeatureInspectionViewModel.Row, Double> value = TableColumns.of("Value",
                FeatureInspectionViewModel.Row::value);
        value.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : String.format(Locale.ROOT, "%.4g", item));
            }
        });
        value.setPrefWidth(80);
        TableColumn<FeatureInspectionViewModel.Row, String> placement = TableColumns.of("Percentile in class",
                FeatureInspectionViewModel.Row::placement);
        placement.setPrefWidth(200);
        placement.setCellFactory(column -> TableColumns.wrapping(text -> text));
        table.getColumns().setAll(java.util.List.of(name, value, placement));
        // The columns share the panel's width; long names and many classes wrap onto more lines.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumns.keepTitlesWhole(table);
        table.setItems(model.rows());
        table.setId("feature-table");
        table.setPlaceholder(placeholder);
        placeholder.setWrapText(true);
        table.setTooltip(new Tooltip("Summary features of the selected recording; select one to see its class "
                + "distributions below"));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.selectedFeatureProperty().set(after.index());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        boxPane.setMinHeight(110);
        boxPane.setPrefHeight(140);
        boxes.widthProperty().bind(boxPane.widthProperty());
        boxes.heightProperty().bind(boxPane.heightProperty());
        boxes.widthProperty().addListener(o -> drawBoxes());
        boxes.heightProperty().addListener(o -> drawBoxes());
        model.selectedFeatureProperty().addListener(o -> drawBoxes());
        model.referenceProperty().addListener(o -> drawBoxes());
        model.featuresProperty().addListener(o -> drawBoxes());
        Labels.wrapping(reference);
        reference.getStyleClass().add("hint-text");
        reference.textProperty().bind(model.captionProperty());
        reference.setId("reference-caption");
        getChildren().addAll(table, boxPane, reference);
    }

    /**
     * What the empty table says while the selected recording's features are on their way: {@code waiting}
     * ("Analysing 36327_MV…"), or the invitation to select a recording when it is "".
     */
    public void bindWaiting(javafx.beans.value.ObservableStringValue waiting) {
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> waiting.get() == null || waiting.get().isEmpty() ? NO_RECORDING : waiting.get(), waiting));
    }

    private void drawBoxes() {
        GraphicsContext g = boxes.getGraphicsContext2D();
        double width = boxes.getWidth();
        double height = boxes.getHeight();
        g.setFill(Color.web("#1b1b1b"));
        g.fillRect(0, 0, width, height);
        Map<String, FeatureDistribution> distributions = model.selectedDistributions();
        double value = model.selectedValue();
        g.setFill(Color.web("#c8c8c8"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(model.selectedName().isEmpty() ? "" : model.selectedName()
                + (Double.isFinite(value) ? String.format(Locale.ROOT, " = %.4g", value) : ""), 6, 4);
        if (distributions.isEmpty()) {
            return;
        }
        double low = Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
        double high = Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
        for (FeatureDistribution d : distributions.values()) {
            if (d.count() > 0) {
                low = Math.min(low, d.min());
                high = Math.max(high, d.max());
            }
        }
        if (!(high > low)) {
            high = low + 1;
        }
        double left = 90;
        double right = width - 12;
        double rowHeight = Math.min(26, (height - 24) / distributions.size());
        double y = 22;
        final double lo = low;
        final double span = high - low;
        java.util.function.DoubleUnaryOperator x = v -> left + (v - lo) / span * (right - left);
        for (Map.Entry<String, FeatureDistribution> entry : distributions.entrySet()) {
            FeatureDistribution d = entry.getValue();
            double middle = y + rowHeight / 2;
            g.setFill(Color.web("#c8c8c8"));
            g.setTextBaseline(VPos.CENTER);
            g.fillText(entry.getKey() + " (" + d.count() + ")", 6, middle);
            if (d.count() > 0) {
                g.setStroke(Color.web("#9e9e9e"));
                g.setLineWidth(1);
                g.strokeLine(x.applyAsDouble(d.min()), middle, x.applyAsDouble(d.max()), middle);
                // Ticks at the 5th and 95th percentiles: the range most of the class lies in.
                for (double tail : new double[] {d.p05(), d.p95()}) {
                    double at = x.applyAsDouble(tail);
                    g.strokeLine(at, middle - rowHeight * 0.18, at, middle + rowHeight * 0.18);
                }
                g.setFill(Color.web("#5c6bc0"));
                double q1 = x.applyAsDouble(d.p25());
                double q3 = x.applyAsDouble(d.p75());
                g.fillRect(q1, middle - rowHeight * 0.3, Math.max(1, q3 - q1), rowHeight * 0.6);
                g.setStroke(Color.WHITE);
                double median = x.applyAsDouble(d.median());
                g.strokeLine(median, middle - rowHeight * 0.3, median, middle + rowHeight * 0.3);
            }
            y += rowHeight;
        }
        if (Double.isFinite(value)) {
            g.setStroke(Color.web("#ffd54f"));
            g.setLineWidth(2);
            g.strokeLine(x.applyAsDouble(value), 20, x.applyAsDouble(value), y);
        }
    }
}
