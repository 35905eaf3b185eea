package org.auscult.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.ExperimentStore;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.FoldResult;

/**
 * The wizard's Run page: one training run in the background (features, evaluation with every finished fold shown
 * at once, final model, the run kept in the {@link ExperimentStore}), its progress, elapsed and remaining time. A
 * cancelled run keeps nothing: the task's cancellation token stops the runner, and reports still in flight are
 * dropped by a run counter.
 */
public final class RunPageViewModel {

    private final TaskExecutor executor;
    private final Consumer<Runnable> ui;
    private final ExperimentStore store;
    private final ExperimentRunner runner;
    private final StringProperty message;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty stage = new SimpleStringProperty(this, "stage", "");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final StringProperty remaining = new SimpleStringProperty(this, "remaining", "");
    private final ObjectProperty<ConfusionMatrix> liveConfusion = new SimpleObjectProperty<>(this, "liveConfusion");
    private final StringProperty liveMetrics = new SimpleStringProperty(this, "liveMetrics", "");
    /** The completed-fold count of every live matrix shown, in order: proof that the matrix filled in as it ran. */
    private final List<Integer> liveUpdates = new ArrayList<>();
    private TaskExecutor.Handle run;
    /** Counts runs started and cancelled: a report from an older run is dropped. */
    private long runGeneration;
    private long runStartNanos;

    /**
     * @param ui      runs a change on the UI thread (fold results arrive on worker threads)
     * @param message the wizard's message line
     */
    RunPageViewModel(TaskExecutor executor, Consumer<Runnable> ui, ExperimentStore store, ExperimentRunner runner,
                     StringProperty message) {
        this.executor = executor;
        this.ui = ui;
        this.store = store;
        this.runner = runner;
        this.message = message;
    }

    /**
     * Runs {@code settings} on {@code collections} (combined when several) in the background, keeps the run, named
     * after them, in the store and hands it, with every run kept, to {@code finished} on the UI thread.
     */
    void start(TrainingCollections collections, ExperimentSettings settings,
               BiConsumer<ExperimentRunner.Outcome, List<Experiment>> finished) {
        long generation = ++runGeneration;
        runStartNanos = System.nanoTime();
        liveUpdates.clear();
        liveConfusion.set(null);
        liveMetrics.set("");
        progress.set(0);
        elapsed.set(formatDuration(0));
        remaining.set("");
        stage.set("Starting …");
        running.set(true);
        ExperimentRunner.ProgressListener progressListener = (runStage, done, total) -> ui.accept(() -> {
            if (generation == runGeneration) {
                showProgress(runStage, done, total);
            }
        });
        run = executor.execute(BackgroundTask.of("training run", context -> {
                    ExperimentRunner.Outcome result = runner.run(collections.combined(), collections.name(),
                            settings, progressListener,
                            fold -> ui.accept(() -> {
                                if (generation == runGeneration) {
                                    showFold(fold);
                                }
                            }), context.cancellation(), collections.patientStatuses());
                    context.checkCancelled();
                    store.save(result.experiment());
                    return Map.entry(result, store.list());
                }).onSuccess(result -> {
                    if (generation == runGeneration) {
                        running.set(false);
                        progress.set(1);
                        remaining.set(formatDuration(0));
                        elapsed.set(formatDuration(System.nanoTime() - runStartNanos));
                        stage.set("Done: run " + result.getKey().experiment().id() + " kept");
                        finished.accept(result.getKey(), result.getValue());
                    }
                })
                .onFailure(failure -> {
                    if (generation == runGeneration) {
                        running.set(false);
                        stage.set("The run failed");
                        message.set("The run failed: " + failure.getMessage());
                    }
                }));
    }

    /** Stops the run; nothing of it is kept. */
    void cancel() {
        if (!running.get()) {
            return;
        }
        runGeneration++;
        if (run != null) {
            run.cancel();
        }
        running.set(false);
        liveConfusion.set(null);
        liveMetrics.set("");
        progress.set(0);
        remaining.set("");
        stage.set("Cancelled: nothing was kept.");
    }

    private void showProgress(ExperimentRunner.Stage runStage, int done, int total) {
        double share = total == 0 ? 1 : done / (double) total;
        double fraction = switch (runStage) {
            case FEATURES -> 0.4 * share;
            case EVALUATION -> 0.4 + 0.55 * share;
            case FINAL_MODEL -> 0.95 + 0.05 * share;
        };
        progress.set(fraction);
        stage.set(switch (runStage) {
            case FEATURES -> "Features: " + done + " of " + total + " recordings";
            case EVALUATION -> "Evaluation: " + done + " of " + total + " folds";
            case FINAL_MODEL -> "Training the final model on every recording";
        });
        tick();
    }

    /**
     * Updates the elapsed and remaining time of a running run (the view calls it every second, so the clock moves
     * during a long fold too). Remaining = elapsed x (1 - progress) / progress, shown once 2 % is done.
     */
    public void tick() {
        if (!running.get()) {
            return;
        }
        double fraction = progress.get();
        long elapsedNanos = System.nanoTime() - runStartNanos;
        elapsed.set(formatDuration(elapsedNanos));
        remaining.set(fraction > 0.02 ? formatDuration((long) (elapsedNanos * (1 - fraction) / fraction)) : "");
    }

    private void showFold(FoldResult fold) {
        liveUpdates.add(fold.completed());
        ConfusionMatrix matrix = fold.partial().confusion();
        liveConfusion.set(matrix);
        liveMetrics.set(String.format(Locale.ROOT, "After %d of %d folds: accuracy %.3f, macro-F1 %.3f",
                fold.completed(), fold.total(), matrix.accuracy(), matrix.macroF1()));
    }

    static String formatDuration(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public StringProperty remainingProperty() {
        return remaining;
    }

    /** The confusion matrix of the folds finished so far, null before the first. */
    public ObjectProperty<ConfusionMatrix> liveConfusionProperty() {
        return liveConfusion;
    }

    public StringProperty liveMetricsProperty() {
        return liveMetrics;
    }

    /** The completed-fold count of each live matrix shown in the last run, in the order shown. */
    public List<Integer> liveUpdates() {
        return List.copyOf(liveUpdates);
    }
}
