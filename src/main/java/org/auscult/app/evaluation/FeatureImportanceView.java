package org.auscult.app.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auscult.app.controls.Labels;
import org.auscult.labels.LabelClasses;
import org.auscult.learn.FeatureImportance;

/**
 * Feature importance as a bar chart of the top {@value #TOP} features, by information gain or by permutation
 * importance (the drop in out-of-fold accuracy), and the distribution per class of the chosen feature (a histogram
 * of {@value #BINS} equal bins over the feature's range, one series per class) beside its per-frame curve on one
 * recording. Click a bar or pick a name to choose a feature. Until there are scores, a sentence ({@link
 * #PLACEHOLDER}) says what computing them does, instead of empty charts.
 */
public final class FeatureImportanceView extends VBox {

    static final int TOP = 15;
    static final int BINS = 12;
    static final int CURVE_POINTS = 1500;

    /** What the view says before the importance is computed. */
    public static final String PLACEHOLDER = "No feature importance yet. Compute feature importance ranks the "
            + "features by how much this run's model relies on them: by information gain, and by how much the "
            + "out-of-fold accuracy drops when a feature's values are shuffled (this repeats the evaluation once per "
            + "feature, so it takes a while). Then click a bar to see that feature's values in each class and its "
            + "curve on one recording.";

    private final ToggleGroup measure = new ToggleGroup();
    private final RadioButton gainButton = new RadioButton("Information gain (bits)");
    private final RadioButton permutationButton = new RadioButton("Permutation: accuracy drop");
    private final NumberAxis scoreAxis = new NumberAxis();
    private final BarChart<Number, String> ranking = new BarChart<>(scoreAxis, new CategoryAxis());
    private final ComboBox<String> feature = new ComboBox<>();
    private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<Number, Number> curve = new LineChart<>(new NumberAxis(), new NumberAxis());
    private List<FeatureImportance.Score> gain = List.of();
    private List<FeatureImportance.Score> permutation = List.of();
    private Consumer<String> onFeatureChosen = name -> { };
    private boolean updating;
    private final javafx.beans.property.BooleanProperty scored = new javafx.beans.property.SimpleBooleanProperty();
    private final Label placeholder = new Label(PLACEHOLDER);

    public FeatureImportanceView() {
        setSpacing(6);
        gainButton.setToggleGroup(measure);
        permutationButton.setToggleGroup(measure);
        permutationButton.setSelected(true);
        permutationButton.setId("importance-permutation");
        gainButton.setId("importance-gain");
        measure.selectedToggleProperty().addListener((observable, before, after) -> redrawRanking());
        ranking.setId("importance-chart");
        ranking.setLegendVisible(false);
        ranking.setAnimated(false);
        ranking.setMinHeight(300);
        ranking.setCategoryGap(3);
        ranking.setBarGap(0);
        feature.setId("importance-feature");
        feature.setPromptText("Feature");
        feature.valueProperty().addListener((observable, before, after) -> {
            if (!updating && after != null) {
                onFeatureChosen.accept(after);
            }
        });
        histogram.setId("feature-distribution");
        histogram.setAnimated(false);
        histogram.setBarGap(0);
        histogram.setCategoryGap(2);
        histogram.setMinHeight(220);
        curve.setId("feature-curve");
        curve.setAnimated(false);
        curve.setCreateSymbols(false);
        curve.setLegendVisible(false);
        curve.setMinHeight(160);
        curve.getXAxis().setLabel("seconds");
        VBox.setVgrow(ranking, Priority.ALWAYS);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        HBox.setHgrow(curve, Priority.ALWAYS);
        VBox charts = new VBox(6, new HBox(12, gainButton, permutationButton), ranking,
                new HBox(8, new Label("Distribution per class of"), feature), new HBox(8, histogram, curve));
        charts.setId("importance-charts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        placeholder.setId("importance-placeholder");
        Labels.wrapping(placeholder);
        placeholder.setMaxWidth(640);
        placeholder.setStyle("-fx-text-fill: #555555; -fx-padding: 12 0 0 0;");
        charts.visibleProperty().bind(scored);
        charts.managedProperty().bind(charts.visibleProperty());
        placeholder.visibleProperty().bind(scored.not());
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        getChildren().addAll(placeholder, charts);
    }

    /** Called with a feature's name when the user chooses it. */
    public void setOnFeatureChosen(Consumer<String> callback) {
        this.onFeatureChosen = callback;
    }

    /** Shows both rankings (either may be empty). */
    public void showScores(List<FeatureImportance.Score> newGain, List<FeatureImportance.Score> newPermutation) {
        this.gain = List.copyOf(newGain);
        this.permutation = List.copyOf(newPermutation);
        scored.set(!gain.isEmpty() || !permutation.isEmpty());
        updating = true;
        try {
            feature.getItems().setAll((permutation.isEmpty() ? gain : permutation).stream()
                    .map(FeatureImportance.Score::feature).toList());
        } finally {
            updating = false;
        }
        redrawRanking();
    }

    private void redrawRanking() {
        List<FeatureImportance.Score> scores = measure.getSelectedToggle() == gainButton ? gain : permutation;
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // The category axis lists bottom-up: add the top feature last so it is drawn at the top.
        List<FeatureImportance.Score> top = scores.subList(0, Math.min(TOP, scores.size()));
        for (int i = top.size() - 1; i >= 0; i--) {
            series.getData().add(new XYChart.Data<>(top.get(i).value(), top.get(i).feature()));
        }
        ranking.getData().setAll(List.of(series));
        for (XYChart.Data<Number, String> bar : series.getData()) {
            if (bar.getNode() != null) {
                bar.getNode().setOnMouseClicked(event -> onFeatureChosen.accept(bar.getYValue()));
            }
        }
    }

    /** Shows a per-frame curve (null clears it); long curves are thinned to at most {@value #CURVE_POINTS} points. */
    public void showFrameCurve(String title, double[] seconds, double[] values) {
        curve.getData().clear();
        if (title == null) {
            curve.setTitle("No per-frame curve (a recording-level feature)");
            return;
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        int step = Math.max(1, values.length / CURVE_POINTS);
        for (int frame = 0; frame < values.length; frame += step) {
            series.getData().add(new XYChart.Data<>(seconds[frame], values[frame]));
        }
        curve.getData().add(series);
        curve.setTitle(title);
    }

    /** Shows the values of {@code name} per class as histograms over one shared set of bins. */
    public void showDistribution(String name, Map<String, double[]> valuesPerClass) {
        updating = true;
        try {
            feature.setValue(name);
        } finally {
            updating = false;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : valuesPerClass.values()) {
            for (double value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        histogram.getData().clear();
        if (min > max) {
            return;
        }
        double width = max > min ? (max - min) / BINS : 1;
        String[] labels = new String[BINS];
        for (int bin = 0; bin < BINS; bin++) {
            labels[bin] = String.format(Locale.ROOT, "%.3g", min + (bin + 0.5) * width);
        }
        for (Map.Entry<String, double[]> entry : valuesPerClass.entrySet()) {
            int[] counts = new int[BINS];
            for (double value : entry.getValue()) {
                counts[Math.min(BINS - 1, (int) ((value - min) / width))]++;
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(LabelClasses.forPeople(entry.getKey()) + " (" + entry.getValue().length + ")");
            for (int bin = 0; bin < BINS; bin++) {
                // A share of the class, so classes of different sizes compare.
                series.getData().add(new XYChart.Data<>(labels[bin],
                        entry.getValue().length == 0 ? 0 : counts[bin] / (double) entry.getValue().length));
            }
            histogram.getData().add(series);
        }
        histogram.setTitle(name + ": share of each class's recordings per bin");
    }
}
