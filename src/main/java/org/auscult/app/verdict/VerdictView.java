package org.auscult.app.verdict;

import org.auscult.analysis.Verdict;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The verdict: predicted class in large type, every class's probability as a bar, the model used, warnings. */
public final class VerdictView extends VBox {

    private final VerdictViewModel model;
    private final Label headline = new Label();
    private final Label modelLabel = new Label();
    private final BarChart<Number, String> chart;
    private final ListView<String> warnings = new ListView<>();

    public VerdictView(VerdictViewModel model) {
        super(4);
        this.model = model;
        setId("verdict");
        headline.setId("verdict-headline");
        headline.getStyleClass().add("verdict-headline");
        headline.textProperty().bind(model.headlineProperty());
        headline.setWrapText(true);
        modelLabel.setId("verdict-model");
        modelLabel.setWrapText(true);
        modelLabel.getStyleClass().add("hint-text");
        modelLabel.textProperty().bind(model.modelProperty());
        NumberAxis probability = new NumberAxis(0, 1, 0.25);
        probability.setLabel("probability");
        CategoryAxis classes = new CategoryAxis();
        chart = new BarChart<>(probability, classes);
        chart.setId("verdict-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(150);
        chart.setMinHeight(100);
        Tooltip.install(chart, new Tooltip("The model's probability for every class"));
        warnings.setId("verdict-warnings");
        warnings.setItems(model.warnings());
        warnings.setPrefHeight(90);
        warnings.setPlaceholder(new Label("No warnings"));
        warnings.getStyleClass().add("warnings");
        warnings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(empty ? null : new Tooltip(item));
            }
        });
        model.verdictProperty().addListener((observable, before, after) -> showBars(after));
        getChildren().addAll(headline, chart, modelLabel, warnings);
    }

    private void showBars(Verdict verdict) {
        chart.getData().clear();
        if (verdict == null) {
            return;
        }
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        double[] probabilities = verdict.probabilities();
        for (int c = probabilities.length - 1; c >= 0; c--) {
            series.getData().add(new XYChart.Data<>(probabilities[c], verdict.classNames().get(c)));
        }
        chart.getData().add(series);
    }
}
