package org.auscult.app.training;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.FeatureRow;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.analysis.LoadedModel;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.ExperimentStore;
import org.auscult.dsp.ParameterException;
import org.auscult.labels.LabelClasses;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.ModelFile;
import org.auscult.learn.Prediction;
import org.auscult.learn.Protocol;

/**
 * The state of the training wizard, page by page, and the one place that starts its background work: summarising a
 * collection, previewing features, the training run (features, evaluation with every finished fold shown at once,
 * final model, the run kept in the {@link ExperimentStore}) on the Data page's collections, combined when several,
 * the run's per-source and patient-level figures, saving the model, and feature importance. Needs no toolkit: tests
 * drive it with a {@link org.auscult.app.task.CurrentThreadTaskExecutor}.
 *
 * <p>A cancelled run leaves everything as it was before it started: the results and past runs on show, the
 * workstation's model, and the experiment store (nothing is kept).
 */
public final class TrainingWizardViewModel {

    /** The pages, in order. */
    public enum Page {
        DATA, FEATURES, MODEL, PROTOCOL, RUN, RESULTS;

        /** "Data", "Features", …: the page's name on its tab. */
        public String title() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final TaskExecutor executor;
    private final Consumer<Runnable> ui;
    private final ExperimentStore store;
    private final WorkstationLink workstation;
    private final DataPageViewModel data;
    private final FeaturesPageViewModel features;
    private final ModelPageViewModel model = new ModelPageViewModel();
    private final ProtocolPageViewModel protocol;
    private final FeatureImportanceViewModel importance;
    private final RunPageViewModel run;
    private final ResultFiguresViewModel figures;
    /** The collections the run on show was trained on, where its recordings are opened from. */
    private TrainingCollections ranOn;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DATA);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

    private final ObjectProperty<ExperimentRunner.Outcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<Experiment> experiment = new SimpleObjectProperty<>(this, "experiment");
    private final ObservableList<Experiment> pastRuns = FXCollections.observableArrayList();
    private final BooleanProperty normalised = new SimpleBooleanProperty(this, "normalised");
    private final ObservableList<Prediction> cellPredictions = FXCollections.observableArrayList();
    private final StringProperty cellTitle = new SimpleStringProperty(this, "cellTitle", "");

    /**
     * @param executor          runs every piece of background work
     * @param ui                runs a change on the UI thread (fold results arrive on worker threads)
     * @param store             where runs are kept
     * @param workstation       the workstation's collection, model and waveform view
     * @param clock             the time recorded with each run
     * @param jobs              recordings analysed at once
     * @param evaluationThreads folds trained at once
     */
    public TrainingWizardViewModel(TaskExecutor executor, Consumer<Runnable> ui, ExperimentStore store,
                                   WorkstationLink workstation, Clock clock, int jobs, int evaluationThreads) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
        this.workstation = Objects.requireNonNull(workstation, "workstation");
        this.features = new FeaturesPageViewModel(executor, message);
        this.data = new DataPageViewModel(executor, message, workstation, features::clearPreview);
        this.protocol = new ProtocolPageViewModel(evaluationThreads);
        this.importance = new FeatureImportanceViewModel(executor, message, outcome, cellPredictions);
        this.run = new RunPageViewModel(executor, ui, store, new ExperimentRunner(jobs, clock), message);
        this.figures = new ResultFiguresViewModel(executor, message);
        LiveValidation.watch(this, problem, message);
        refreshPastRuns();
    }

    /** Moves to the next page when the current one is complete; otherwise {@link #messageProperty()} says why. */
    public boolean next() {
        String problem = problemOf(page.get());
        if (problem != null) {
            message.set(problem);
            return false;
        }
        message.set("");
        if (page.get().ordinal() < Page.values().length - 1) {
            page.set(Page.values()[page.get().ordinal() + 1]);
        }
        return true;
    }

    public void back() {
        if (page.get().ordinal() > 0 && !run.runningProperty().get()) {
            message.set("");
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    /** What keeps {@code of} from being complete, or null. */
    public String problemOf(Page of) {
        try {
            switch (of) {
                case DATA -> {
                    return data.problem();
                }
                case FEATURES -> features.analysisConfig();
                case MODEL -> model.modelSpec();
                case PROTOCOL -> {
                    settings();
                    return protocol.problemFor(data.summaryProperty().get());
                }
                case RUN -> {
                    if (outcome.get() == null || run.runningProperty().get()) {
                        return "Run the evaluation first.";
                    }
                }
                default -> {
                }
            }
            return null;
        } catch (ParameterException e) {
            return e.getMessage();
        }
    }

    /** Computes the summary vector of the collection's first trainable recording, in the background. */
    public void previewFeatures() {
        features.previewFeatures(data.collectionProperty().get());
    }

    /** Everything the run needs, the seed applied to folds and model. @throws ParameterException when invalid */
    public ExperimentSettings settings() {
        EvaluationOptions evaluation = protocol.evaluation();
        return new ExperimentSettings(features.analysisConfig(), model.modelSpec(), evaluation,
                data.trainingLabelsProperty().get())
                .withSeed(evaluation.seed());
    }

    /** Fills every page from a past run's settings, to repeat or vary it. */
    public void applySettings(ExperimentSettings settings) {
        features.apply(settings.analysis());
        model.apply(settings.model());
        protocol.apply(settings.evaluation());
        data.apply(settings.labels());
    }

    /** Starts the run in the background (on the Run page); every finished fold updates the live matrix. */
    public void start() {
        if (run.runningProperty().get()) {
            return;
        }
        String dataProblem = Objects.requireNonNullElse(problemOf(Page.DATA),
                Objects.requireNonNullElse(protocol.problemFor(data.summaryProperty().get()), ""));
        ExperimentSettings settings;
        try {
            if (!dataProblem.isEmpty()) {
                throw new ParameterException(dataProblem);
            }
            settings = settings();
        } catch (ParameterException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("");
        page.set(Page.RUN);
        TrainingCollections collections = data.trainingCollectionsProperty().get();
        run.start(collections, settings, (result, kept) -> finished(result, kept, collections));
    }

    /** Stops the run; nothing of it is kept and everything else stays as it was before it started. */
    public void cancel() {
        run.cancel();
    }

    private void finished(ExperimentRunner.Outcome result, List<Experiment> kept, TrainingCollections collections) {
        ranOn = collections;
        figures.show(result, collections);
        outcome.set(result);
        experiment.set(result.experiment());
        pastRuns.setAll(kept);
        importance.clear();
        cellPredictions.clear();
        cellTitle.set("");
        page.set(Page.RESULTS);
    }

    /** Lists the recordings of one confusion cell (truth row, predicted column). */
    public void selectCell(int truth, int predicted) {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null) {
            return;
        }
        List<String> classes = current.evaluation().classNames();
        List<Prediction> cell = current.evaluation().cell(truth, predicted);
        cellPredictions.setAll(cell);
        cellTitle.set(cell.size() + (cell.size() == 1 ? " recording" : " recordings") + " of class "
                + LabelClasses.forPeople(classes.get(truth)) + " predicted "
                + LabelClasses.forPeople(classes.get(predicted)));
    }

    /** Opens a listed recording in the workstation's waveform view. */
    public void openRecording(Prediction prediction) {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null || prediction == null) {
            return;
        }
        for (FeatureRow row : current.features().rows()) {
            if (row.id().equals(prediction.id())) {
                workstation.showRecording(ranOn.partHolding(Path.of(row.path())), Path.of(row.path()));
                return;
            }
        }
    }

    /**
     * Saves the model in the background; refuses to replace an existing file unless {@code overwrite} (the view
     * asks first). The run's record then names the file.
     */
    public void saveModel(Path file, boolean overwrite) {
        ExperimentRunner.Outcome current = outcome.get();
        Experiment kept = experiment.get();
        if (current == null || kept == null) {
            message.set("Run the evaluation first.");
            return;
        }
        executor.execute(BackgroundTask.of("save model " + file, context -> {
                    if (!overwrite && java.nio.file.Files.exists(file)) {
                        // ModelFile.save refuses too; this names the refusal so the message can say what happened.
                        throw new java.nio.file.FileAlreadyExistsException(file.toString());
                    }
                    ModelFile.save(current.model(), file, overwrite);
                    Experiment withModel = kept.withModelPath(file.toAbsolutePath().toString());
                    store.update(withModel);
                    return Map.entry(withModel, store.list());
                }).onSuccess(result -> {
                    experiment.set(result.getKey());
                    pastRuns.setAll(result.getValue());
                    message.set("Model saved to " + file);
                })
                .onFailure(failure -> message.set(failure instanceof java.nio.file.FileAlreadyExistsException
                        ? file + " exists already; it was not replaced."
                        : "Cannot save the model to " + file + ": " + failure.getMessage())));
    }

    /** Makes the trained model the workstation's model for verdicts. */
    public void useAsActiveModel() {
        ExperimentRunner.Outcome current = outcome.get();
        Experiment kept = experiment.get();
        if (current == null) {
            message.set("Run the evaluation first.");
            return;
        }
        String source = kept.modelPath().isEmpty() ? "trained in the wizard, run " + kept.id()
                : Path.of(kept.modelPath()).getFileName().toString();
        workstation.useModel(new LoadedModel(current.model(), source));
        message.set("The workstation now gives verdicts with this model.");
    }

    /** Re-reads the past runs from the store, in the background. */
    public void refreshPastRuns() {
        executor.execute(BackgroundTask.of("list experiments", context -> store.list())
                .onSuccess(pastRuns::setAll)
                .onFailure(failure -> message.set("Cannot list the past runs in " + store.folder() + ": "
                        + failure.getMessage())));
    }

    /** Stops every piece of background work of the wizard. */
    public void shutdown() {
        cancel();
        importance.cancelImportance();
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The latest problem or confirmation, for the message line. */
    public StringProperty messageProperty() {
        return message;
    }

    /**
     * What is wrong with the values of the settings page on show (Features, Model or Protocol), checked at every
     * change; empty when they are valid.
     */
    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<ExperimentRunner.Outcome> outcomeProperty() {
        return outcome;
    }

    /** The record of the last finished run. */
    public ObjectProperty<Experiment> experimentProperty() {
        return experiment;
    }

    public ObservableList<Experiment> pastRuns() {
        return pastRuns;
    }

    /** Whether the result matrix shows row-normalised shares instead of counts. */
    public BooleanProperty normalisedProperty() {
        return normalised;
    }

    public ObservableList<Prediction> cellPredictions() {
        return cellPredictions;
    }

    public StringProperty cellTitleProperty() {
        return cellTitle;
    }

    /** The Run page. */
    public RunPageViewModel run() {
        return run;
    }

    /** The Data page. */
    public DataPageViewModel data() {
        return data;
    }

    /** The Features page. */
    public FeaturesPageViewModel features() {
        return features;
    }

    /** The Model page. */
    public ModelPageViewModel model() {
        return model;
    }

    /** The Results page's feature importance. */
    public FeatureImportanceViewModel importance() {
        return importance;
    }

    /** The Results page's per-source and patient-level figures. */
    public ResultFiguresViewModel figures() {
        return figures;
    }

    /** The Protocol page. */
    public ProtocolPageViewModel protocol() {
        return protocol;
    }

    public ExperimentStore store() {
        return store;
    }

    /** Whether the view should ask before saving to {@code file}. */
    public static boolean needsOverwriteConfirmation(Path file) {
        return java.nio.file.Files.exists(file);
    }
}
