package org.auscult.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureRegistry;
import org.auscult.learn.FeatureImportance;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.Prediction;

/**
 * The Results page's feature importance of the last run: information gain and out-of-fold permutation importance
 * (in the background, cancellable), the distribution per class of a chosen feature, and its per-frame curve on one
 * recording.
 */
public final class FeatureImportanceViewModel {

    /** The values of one feature per class, for its distribution. */
    public record Distribution(String feature, Map<String, double[]> valuesPerClass) {
    }

    /** The per-frame curve behind a summary feature, on one recording. */
    public record FrameCurve(String column, String recording, double[] seconds, double[] values) {
    }

    private final TaskExecutor executor;
    private final StringProperty message;
    private final ReadOnlyObjectProperty<ExperimentRunner.Outcome> outcome;
    private final ObservableList<Prediction> cellPredictions;
    private final ObservableList<FeatureImportance.Score> informationGain = FXCollections.observableArrayList();
    private final ObservableList<FeatureImportance.Score> permutation = FXCollections.observableArrayList();
    private final BooleanProperty importanceRunning = new SimpleBooleanProperty(this, "importanceRunning");
    private final DoubleProperty importanceProgress = new SimpleDoubleProperty(this, "importanceProgress");
    private final ObjectProperty<Distribution> distribution = new SimpleObjectProperty<>(this, "distribution");
    private final ObjectProperty<FrameCurve> frameCurve = new SimpleObjectProperty<>(this, "frameCurve");
    private TaskExecutor.Handle curveTask;
    private TaskExecutor.Handle importance;

    /**
     * @param message         the wizard's message line
     * @param outcome         the last run
     * @param cellPredictions the recordings of the confusion cell on show (the frame curve takes the first)
     */
    FeatureImportanceViewModel(TaskExecutor executor, StringProperty message,
                               ReadOnlyObjectProperty<ExperimentRunner.Outcome> outcome,
                               ObservableList<Prediction> cellPredictions) {
        this.executor = executor;
        this.message = message;
        this.outcome = outcome;
        this.cellPredictions = cellPredictions;
    }

    /** Forgets the importance of an earlier run. */
    void clear() {
        informationGain.clear();
        permutation.clear();
        distribution.set(null);
    }

    /** Computes information gain and out-of-fold permutation importance of the last run, in the background. */
    public void computeImportance() {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null || importanceRunning.get()) {
            return;
        }
        importanceRunning.set(true);
        importanceProgress.set(0);
        ExperimentSettings settings = current.experiment().settings();
        importance = executor.execute(BackgroundTask.of("feature importance", context -> {
                    List<FeatureImportance.Score> gain = FeatureImportance.informationGain(current.data());
                    List<FeatureImportance.Score> drop = FeatureImportance.permutation(current.data(),
                            settings.model(), settings.evaluation(), settings.seed(),
                            (done, total) -> context.progress(done / (double) total, "Permutation importance"),
                            context.cancellation());
                    return List.of(gain, drop);
                }).onProgress(report -> importanceProgress.set(report.fraction()))
                .onSuccess(result -> {
                    importanceRunning.set(false);
                    importanceProgress.set(1);
                    informationGain.setAll(result.get(0));
                    permutation.setAll(result.get(1));
                    if (!result.get(1).isEmpty()) {
                        chooseFeature(result.get(1).get(0).feature());
                    }
                })
                .onFailure(failure -> {
                    importanceRunning.set(false);
                    message.set("Feature importance failed: " + failure.getMessage());
                }));
    }

    public void cancelImportance() {
        if (importanceRunning.get()) {
            if (importance != null) {
                importance.cancel();
            }
            importanceRunning.set(false);
            importanceProgress.set(0);
        }
    }

    /** Shows the distribution per class of one feature of the last run. */
    public void chooseFeature(String feature) {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null || feature == null) {
            return;
        }
        LabelledDataset data = current.data();
        int column = data.featureNames().indexOf(feature);
        if (column < 0) {
            return;
        }
        Map<String, List<Double>> perClass = new LinkedHashMap<>();
        data.classNames().forEach(name -> perClass.put(name, new ArrayList<>()));
        int[] classIndex = data.classIndex();
        double[][] values = data.features();
        for (int row = 0; row < data.size(); row++) {
            perClass.get(data.classNames().get(classIndex[row])).add(values[row][column]);
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        perClass.forEach((name, list) -> arrays.put(name, list.stream().mapToDouble(Double::doubleValue).toArray()));
        distribution.set(new Distribution(feature, arrays));
        showFrameCurve(current, feature);
    }

    /**
     * Computes, in the background, the per-frame curve summarised by {@code feature} (for {@code mfcc_02_mean}:
     * the column {@code mfcc_02}) on the first recording of the listed confusion cell, or of the collection. A
     * recording-level feature has no curve.
     */
    private void showFrameCurve(ExperimentRunner.Outcome current, String feature) {
        if (curveTask != null) {
            curveTask.cancel();
        }
        AnalysisConfig config = current.experiment().settings().analysis();
        String[] source = frameSource(config.features(), feature);
        if (source == null || current.features().rows().isEmpty()) {
            frameCurve.set(null);
            return;
        }
        String recordingId = cellPredictions.isEmpty() ? current.features().rows().get(0).id()
                : cellPredictions.get(0).id();
        Path path = current.features().rows().stream().filter(row -> row.id().equals(recordingId)).findFirst()
                .map(row -> Path.of(row.path())).orElse(null);
        if (path == null) {
            frameCurve.set(null);
            return;
        }
        curveTask = executor.execute(BackgroundTask.of("frame curve " + feature, context -> {
                    var series = new RecordingAnalyzer(config).analyze(path).features().series(source[0]);
                    double[] values = series.column(source[1]);
                    double[] seconds = new double[values.length];
                    Arrays.setAll(seconds, frame -> series.timeOfFrame(frame));
                    return new FrameCurve(source[1], recordingId, seconds, values);
                }).onSuccess(frameCurve::set)
                .onFailure(failure -> frameCurve.set(null)));
    }

    /** The frame feature and column whose summary statistic is {@code summaryName}, or null. */
    static String[] frameSource(FeatureConfig config, String summaryName) {
        for (String name : config.features()) {
            if (FeatureRegistry.isRecordingFeature(name)) {
                continue;
            }
            for (String column : FeatureRegistry.columns(name, config)) {
                for (var statistic : config.statistics()) {
                    if ((column + "_" + statistic.suffix()).equals(summaryName)) {
                        return new String[] {name, column};
                    }
                }
            }
        }
        return null;
    }

    public ObservableList<FeatureImportance.Score> informationGain() {
        return informationGain;
    }

    public ObservableList<FeatureImportance.Score> permutation() {
        return permutation;
    }

    public BooleanProperty importanceRunningProperty() {
        return importanceRunning;
    }

    public DoubleProperty importanceProgressProperty() {
        return importanceProgress;
    }

    /** The distribution per class of the chosen feature, null before one is chosen. */
    public ObjectProperty<Distribution> distributionProperty() {
        return distribution;
    }

    /** The per-frame curve of the chosen feature, null when it has none. */
    public ObjectProperty<FrameCurve> frameCurveProperty() {
        return frameCurve;
    }
}
