package org.auscult.app.evaluation;

import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.auscult.labels.LabelClasses;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.RocCurve;

/**
 * One ROC curve per class of an evaluation (one class against the others, from the out-of-fold posteriors), the
 * chance diagonal beneath: how well each class is ranked whatever threshold a user would set. Each curve is named
 * with its area.
 */
public final class RocCurveView extends LineChart<Number, Number> {

    /** The legend name of the chance diagonal. */
    static final String CHANCE = "chance";

    public RocCurveView() {
        super(axis("False-positive rate (others called the class)"),
                axis("True-positive rate (the class found)"));
        setId("roc-curves");
        setCreateSymbols(false);
        setAnimated(false);
        setTitle("ROC curves, one class against the others");
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(0, 1, 0.2);
        axis.setLabel(label);
        return axis;
    }

    /** Shows the curves of {@code result} (null clears the chart). */
    public void show(EvaluationResult result) {
        getData().clear();
        if (result == null) {
            return;
        }
        for (RocCurve curve : RocCurve.all(result)) {
            if (curve.points().isEmpty()) {
                continue;
            }
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(legend(curve));
            curve.points().forEach(point -> series.getData().add(
                    new XYChart.Data<>(point.falsePositiveRate(), point.truePositiveRate())));
            getData().add(series);
        }
        XYChart.Series<Number, Number> chance = new XYChart.Series<>();
        chance.setName(CHANCE);
        chance.getData().addAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        getData().add(chance);
    }

    /** "murmur (AUC 0.914)". */
    static String legend(RocCurve curve) {
        return String.format(Locale.ROOT, "%s (AUC %.3f)", LabelClasses.forPeople(curve.className()), curve.auc());
    }
}
