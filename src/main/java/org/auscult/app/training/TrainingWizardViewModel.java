package org.auscult.app.training;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureRow;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.analysis.LoadedModel;
import org.auscult.dsp.SignalConditioning;
import org.auscult.experiments.DataSummary;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.TrainingLabels;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureVector;
import org.auscult.dsp.ParameterException;
import org.auscult.learn.Balancing;
import org.auscult.learn.BoostingOptions;
import org.auscult.learn.Cancellation;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.FeatureImportance;
import org.auscult.learn.FoldResult;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelFile;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Prediction;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;
import org.auscult.learn.RandomForestOptions;
import org.auscult.learn.SmoOptions;
import org.auscult.learn.StackedOptions;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * The state of the training wizard, page by page, and the one place that starts its background work: summarising a
 * collection, previewing features, the training run (features, evaluation with every finished fold shown at once,
 * final model, the run kept in the {@link ExperimentStore}), saving the model, and feature importance. Needs no
 * toolkit: tests drive it with a {@link org.auscult.app.task.CurrentThreadTaskExecutor}.
 *
 * <p>A cancelled run leaves everything as it was before it started: the results and past runs on show, the
 * workstation's model, and the experiment store (nothing is kept).
 */
public final class TrainingWizardViewModel {

    /** The pages, in order. */
    public enum Page {
        DATA("Data"), FEATURES("Features"), MODEL("Model"), PROTOCOL("Protocol"), RUN("Run"), RESULTS("Results");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A feature group the user may switch on or off. */
    public record FeatureChoice(String name, String description, boolean recordingLevel, BooleanProperty selected) {
    }

    /** One value of the preview's summary vector. */
    public record PreviewValue(String name, double value) {
    }

    /** The values of one feature per class, for its distribution. */
    public record Distribution(String feature, Map<String, double[]> valuesPerClass) {
    }

    /** The per-frame curve behind a summary feature, on one recording. */
    public record FrameCurve(String column, String recording, double[] seconds, double[] values) {
    }

    /** The presets the wizard offers, the default first. */
    public static final List<Preset> PRESETS = List.of(Preset.RANDOM_FOREST, Preset.STACKED, Preset.SMO,
            Preset.LOGITBOOST, Preset.ADABOOST, Preset.VOTING);
    /** The balancings the wizard offers, in order of increasing intervention. */
    public static final List<Balancing> BALANCINGS = List.of(Balancing.values());

    /** What the wizard calls a balancing. */
    public static String balancingLabel(Balancing balancing) {
        return switch (balancing) {
            case NONE -> "None (learn the class sizes as they are)";
            case CLASS_WEIGHTS -> "Class weights";
            case RESAMPLE -> "Balanced resampling";
            case COST_SENSITIVE -> "Cost-sensitive posterior";
            case CALIBRATED_THRESHOLDS -> "Calibrated thresholds";
        };
    }

    /** The protocols the wizard offers: grouped k-fold (default) and the 80/10/10 split. */
    public static final List<Protocol> PROTOCOLS = List.of(Protocol.GROUPED_CV, Protocol.SPLIT);

    private final TaskExecutor executor;
    private final Consumer<Runnable> ui;
    private final ExperimentStore store;
    private final WorkstationLink workstation;
    private final ExperimentRunner runner;
    private final int evaluationThreads;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DATA);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    private final ObjectProperty<RecordingCollection> collection = new SimpleObjectProperty<>(this, "collection");
    private final ObjectProperty<DataSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final BooleanProperty summarising = new SimpleBooleanProperty(this, "summarising");
    private final IntegerProperty noisyRecordings = new SimpleIntegerProperty(this, "noisyRecordings");
    private final StringProperty noisyRecordingsNote = new SimpleStringProperty(this, "noisyRecordingsNote", "");
    private final BooleanProperty noisyLabelsApart = new SimpleBooleanProperty(this, "noisyLabelsApart");
    private final ObjectProperty<TrainingLabels> trainingLabels = new SimpleObjectProperty<>(this,
            "trainingLabels", TrainingLabels.AS_IMPORTED);

    private final ObservableList<FeatureChoice> featureChoices = FXCollections.observableArrayList();
    private final StringProperty analysisRate = new SimpleStringProperty(this, "analysisRate");
    private final StringProperty bandLow = new SimpleStringProperty(this, "bandLow");
    private final StringProperty bandHigh = new SimpleStringProperty(this, "bandHigh");
    private final StringProperty frameSize = new SimpleStringProperty(this, "frameSize");
    private final StringProperty hopSize = new SimpleStringProperty(this, "hopSize");
    private final StringProperty nMfcc = new SimpleStringProperty(this, "nMfcc");
    private final ObservableList<PreviewValue> preview = FXCollections.observableArrayList();
    private final StringProperty previewSource = new SimpleStringProperty(this, "previewSource", "");

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.RANDOM_FOREST);
    private final ObjectProperty<Balancing> balancing = new SimpleObjectProperty<>(this, "balancing",
            ModelSpec.DEFAULTS.balancing());
    private final StringProperty trees = new SimpleStringProperty(this, "trees");
    private final StringProperty smoComplexity = new SimpleStringProperty(this, "smoComplexity");
    private final StringProperty boostingIterations = new SimpleStringProperty(this, "boostingIterations");
    private final StringProperty stackingFolds = new SimpleStringProperty(this, "stackingFolds");

    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.GROUPED_CV);
    private final StringProperty folds = new SimpleStringProperty(this, "folds");
    private final StringProperty repeats = new SimpleStringProperty(this, "repeats");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty stage = new SimpleStringProperty(this, "stage", "");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final StringProperty remaining = new SimpleStringProperty(this, "remaining", "");
    private final ObjectProperty<ConfusionMatrix> liveConfusion = new SimpleObjectProperty<>(this, "liveConfusion");
    private final StringProperty liveMetrics = new SimpleStringProperty(this, "liveMetrics", "");
    /** The completed-fold count of every live matrix shown, in order: proof that the matrix filled in as it ran. */
    private final List<Integer> liveUpdates = new ArrayList<>();

    private final ObjectProperty<ExperimentRunner.Outcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<Experiment> experiment = new SimpleObjectProperty<>(this, "experiment");
    private final ObservableList<Experiment> pastRuns = FXCollections.observableArrayList();
    private final BooleanProperty normalised = new SimpleBooleanProperty(this, "normalised");
    private final ObservableList<Prediction> cellPredictions = FXCollections.observableArrayList();
    private final StringProperty cellTitle = new SimpleStringProperty(this, "cellTitle", "");

    private final ObservableList<FeatureImportance.Score> informationGain = FXCollections.observableArrayList();
    private final ObservableList<FeatureImportance.Score> permutation = FXCollections.observableArrayList();
    private final BooleanProperty importanceRunning = new SimpleBooleanProperty(this, "importanceRunning");
    private final DoubleProperty importanceProgress = new SimpleDoubleProperty(this, "importanceProgress");
    private final ObjectProperty<Distribution> distribution = new SimpleObjectProperty<>(this, "distribution");
    private final ObjectProperty<FrameCurve> frameCurve = new SimpleObjectProperty<>(this, "frameCurve");
    private TaskExecutor.Handle curveTask;

    private TaskExecutor.Handle run;
    private Cancellation runCancellation;
    /** Counts runs started and cancelled: a report from an older run is dropped. */
    private long runGeneration;
    private long runStartNanos;
    private TaskExecutor.Handle importance;
    private Cancellation importanceCancellation;

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
        this.runner = new ExperimentRunner(jobs, clock);
        this.evaluationThreads = evaluationThreads;
        FeatureConfig features = FeatureConfig.defaults();
        for (String name : FeatureRegistry.names()) {
            featureChoices.add(new FeatureChoice(name, FeatureRegistry.description(name),
                    FeatureRegistry.isRecordingFeature(name), new SimpleBooleanProperty(features.features()
                    .contains(name))));
        }
        SignalConditioning conditioning = SignalConditioning.defaults();
        analysisRate.set(Integer.toString(conditioning.analysisRate()));
        bandLow.set(number(conditioning.bandLowHz()));
        bandHigh.set(number(conditioning.bandHighHz()));
        frameSize.set(Integer.toString(features.frameSize()));
        hopSize.set(Integer.toString(features.hopSize()));
        nMfcc.set(Integer.toString(features.nMfcc()));
        ModelSpec model = ModelSpec.DEFAULTS;
        trees.set(Integer.toString(model.forest().trees()));
        smoComplexity.set(number(model.smo().c()));
        boostingIterations.set(Integer.toString(model.logitBoost().iterations()));
        stackingFolds.set(Integer.toString(model.stacked().folds()));
        folds.set(Integer.toString(EvaluationOptions.DEFAULTS.folds()));
        repeats.set(Integer.toString(EvaluationOptions.DEFAULTS.repeats()));
        seed.set(Long.toString(EvaluationOptions.DEFAULTS.seed()));
        // The check box offers one choice (the standard PASCAL one); a past run's labels set the box through it.
        noisyLabelsApart.addListener((observable, before, apart) -> {
            if (apart != trainingLabels.get().keepNoisy()) {
                trainingLabels.set(apart ? TrainingLabels.pascalNoisyApart() : TrainingLabels.AS_IMPORTED);
            }
        });
        trainingLabels.addListener((observable, before, labels) -> noisyLabelsApart.set(labels.keepNoisy()));
        refreshPastRuns();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    // ---------------------------------------------------------------- navigation

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
        if (page.get().ordinal() > 0 && !running.get()) {
            message.set("");
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    /** What keeps {@code of} from being complete, or null. */
    public String problemOf(Page of) {
        try {
            switch (of) {
                case DATA -> {
                    if (summary.get() == null) {
                        return summarising.get() ? "The collection is still being read." : "Choose a collection.";
                    }
                    if (summary.get().classCounts().size() < 2) {
                        return "Training needs labelled recordings of at least two classes; this collection has "
                                + summary.get().classCounts() + ".";
                    }
                }
                case FEATURES -> analysisConfig();
                case MODEL -> modelSpec();
                case PROTOCOL -> settings();
                case RUN -> {
                    if (outcome.get() == null || running.get()) {
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

    // ---------------------------------------------------------------- data

    /** Uses the collection open in the workstation, if any. */
    public void useWorkstationCollection() {
        RecordingCollection open = workstation.openCollection();
        if (open != null) {
            summarise(open);
        }
    }

    /** Imports a collection (any layout the importer knows) in the background and summarises it. */
    public void openCollection(Path folderOrLabelFile) {
        summarising.set(true);
        message.set("Reading " + folderOrLabelFile + " …");
        executor.execute(BackgroundTask.of("import " + folderOrLabelFile, context -> {
                    RecordingCollection imported = workstation.withCurrentLabels(new CollectionImporter()
                            .importCollection(folderOrLabelFile, ImportOptions.defaults()));
                    context.checkCancelled();
                    return Map.entry(imported, DataSummary.of(imported));
                }).onSuccess(result -> showCollection(result.getKey(), result.getValue()))
                .onFailure(failure -> {
                    summarising.set(false);
                    message.set("Cannot open " + folderOrLabelFile + ": " + failure.getMessage());
                }));
    }

    private void summarise(RecordingCollection chosen) {
        summarising.set(true);
        executor.execute(BackgroundTask.of("summarise " + chosen.root(), context -> {
                    RecordingCollection labelled = workstation.withCurrentLabels(chosen);
                    return Map.entry(labelled, DataSummary.of(labelled));
                })
                .onSuccess(result -> showCollection(result.getKey(), result.getValue()))
                .onFailure(failure -> {
                    summarising.set(false);
                    message.set("Cannot read " + chosen.root() + ": " + failure.getMessage());
                }));
    }

    private void showCollection(RecordingCollection chosen, DataSummary result) {
        summarising.set(false);
        collection.set(chosen);
        summary.set(result);
        showNoisyRecordings(chosen);
        preview.clear();
        previewSource.set("");
        message.set("");
    }

    /**
     * Counts the recordings the import merged from PASCAL's noisy labels (a few thousand records at most: cheap
     * enough for the UI thread). Without any, the choice to keep them apart is not offered and, if it was made for
     * an earlier collection, is dropped: there would be no noisy class to train or merge.
     */
    private void showNoisyRecordings(RecordingCollection chosen) {
        Map<String, Integer> perLabel = new java.util.TreeMap<>();
        for (Recording recording : chosen.trainable()) {
            String noisy = TrainingLabels.mergedNoisyLabel(recording);
            if (noisy != null) {
                perLabel.merge(noisy, 1, Integer::sum);
            }
        }
        int count = perLabel.values().stream().mapToInt(Integer::intValue).sum();
        noisyRecordings.set(count);
        List<String> parts = new ArrayList<>();
        perLabel.forEach((label, n) -> parts.add(n + " " + label));
        noisyRecordingsNote.set(count == 0 ? "" : String.join(" and ", parts)
                + (count == 1 ? " recording is" : " recordings are") + " counted as "
                + String.join(" / ", perLabel.keySet().stream()
                        .map(ImportOptions.DEFAULT_LABEL_MAPPING::get).toList()) + ".");
        if (count == 0 && trainingLabels.get().equals(TrainingLabels.pascalNoisyApart())) {
            trainingLabels.set(TrainingLabels.AS_IMPORTED);
        }
    }

    // ---------------------------------------------------------------- features

    /** The analysis of the Features page. @throws ParameterException naming the field and the problem */
    public AnalysisConfig analysisConfig() {
        List<String> chosen = featureChoices.stream().filter(choice -> choice.selected().get())
                .map(FeatureChoice::name).toList();
        ParameterException.require(!chosen.isEmpty(), "Choose at least one feature group.");
        int rate = integer(analysisRate, "Analysis rate");
        SignalConditioning conditioning = new SignalConditioning(rate, decimal(bandLow, "Band-pass low"),
                decimal(bandHigh, "Band-pass high"), SignalConditioning.defaults().filterOrder());
        FeatureConfig defaults = FeatureConfig.defaults();
        FeatureConfig features = defaults.withFeatures(chosen)
                .withFraming(integer(frameSize, "Frame size"), integer(hopSize, "Hop size"))
                .withMfcc(integer(nMfcc, "nMfcc"), defaults.nMels(), defaults.fmin(),
                        Math.min(defaults.fmax(), rate / 2.0));
        return new AnalysisConfig(conditioning, features);
    }

    /** Computes the summary vector of the collection's first trainable recording, in the background. */
    public void previewFeatures() {
        RecordingCollection current = collection.get();
        if (current == null || current.trainable().isEmpty()) {
            message.set("Choose a collection with labelled recordings first.");
            return;
        }
        AnalysisConfig config;
        try {
            config = analysisConfig();
        } catch (ParameterException e) {
            message.set(e.getMessage());
            return;
        }
        Recording first = current.trainable().get(0);
        previewSource.set("Computing the features of " + first.id() + " …");
        executor.execute(BackgroundTask.of("preview " + first.id(),
                        context -> new RecordingAnalyzer(config).analyze(first.path()).features().summary())
                .onSuccess(vector -> showPreview(first, vector))
                .onFailure(failure -> previewSource.set("Cannot analyse " + first.id() + ": "
                        + failure.getMessage())));
    }

    private void showPreview(Recording first, FeatureVector vector) {
        List<PreviewValue> values = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            values.add(new PreviewValue(vector.names().get(i), vector.values()[i]));
        }
        preview.setAll(values);
        previewSource.set(first.id() + ": " + values.size() + " summary values");
    }

    // ---------------------------------------------------------------- model and protocol

    /** The model of the Model page. @throws ParameterException naming the option and the problem */
    public ModelSpec modelSpec() {
        ModelSpec defaults = ModelSpec.DEFAULTS;
        int iterations = integer(boostingIterations, "Boosting iterations");
        return defaults.withPreset(preset.get()).withBalancing(balancing.get())
                .withForest(new RandomForestOptions(integer(trees, "Trees"), defaults.forest().featuresPerSplit(),
                        defaults.forest().maxDepth(), defaults.forest().seed()))
                .withSmo(new SmoOptions(decimal(smoComplexity, "SMO complexity C"), defaults.smo().kernel(),
                        defaults.smo().calibrate()))
                .withBoosting(new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, iterations,
                                defaults.logitBoost().weakLearner(), defaults.logitBoost().shrinkage()),
                        new BoostingOptions(BoostingOptions.Kind.ADABOOST, iterations,
                                defaults.adaBoost().weakLearner(), defaults.adaBoost().shrinkage()))
                .withStacked(new StackedOptions(integer(stackingFolds, "Stacking folds"),
                        defaults.stacked().baseModels(), defaults.stacked().metaRidge()));
    }

    /** Everything the run needs, the seed applied to folds and model. @throws ParameterException when invalid */
    public ExperimentSettings settings() {
        EvaluationOptions evaluation = new EvaluationOptions(protocol.get(), integer(folds, "Folds"),
                integer(repeats, "Repeats"), longInteger(seed, "Seed"), evaluationThreads);
        return new ExperimentSettings(analysisConfig(), modelSpec(), evaluation, trainingLabels.get())
                .withSeed(evaluation.seed());
    }

    /** Fills every page from a past run's settings, to repeat or vary it. */
    public void applySettings(ExperimentSettings settings) {
        AnalysisConfig analysis = settings.analysis();
        featureChoices.forEach(choice -> choice.selected().set(analysis.features().features().contains(choice.name())));
        analysisRate.set(Integer.toString(analysis.conditioning().analysisRate()));
        bandLow.set(number(analysis.conditioning().bandLowHz()));
        bandHigh.set(number(analysis.conditioning().bandHighHz()));
        frameSize.set(Integer.toString(analysis.features().frameSize()));
        hopSize.set(Integer.toString(analysis.features().hopSize()));
        nMfcc.set(Integer.toString(analysis.features().nMfcc()));
        ModelSpec model = settings.model();
        preset.set(model.preset());
        balancing.set(model.balancing());
        trees.set(Integer.toString(model.forest().trees()));
        smoComplexity.set(number(model.smo().c()));
        boostingIterations.set(Integer.toString(model.logitBoost().iterations()));
        stackingFolds.set(Integer.toString(model.stacked().folds()));
        protocol.set(settings.evaluation().protocol());
        folds.set(Integer.toString(settings.evaluation().folds()));
        repeats.set(Integer.toString(settings.evaluation().repeats()));
        seed.set(Long.toString(settings.seed()));
        trainingLabels.set(settings.labels());
    }

    private static int integer(StringProperty field, String name) {
        try {
            return Integer.parseInt(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a whole number, got '" + field.get() + "'");
        }
    }

    private static long longInteger(StringProperty field, String name) {
        try {
            return Long.parseLong(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a whole number, got '" + field.get() + "'");
        }
    }

    private static double decimal(StringProperty field, String name) {
        try {
            return Double.parseDouble(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a number, got '" + field.get() + "'");
        }
    }

    // ---------------------------------------------------------------- run

    /** Starts the run in the background (on the Run page); every finished fold updates the live matrix. */
    public void start() {
        if (running.get()) {
            return;
        }
        String problem = problemOf(Page.DATA);
        ExperimentSettings settings;
        try {
            if (problem != null) {
                throw new ParameterException(problem);
            }
            settings = settings();
        } catch (ParameterException e) {
            message.set(e.getMessage());
            return;
        }
        RecordingCollection data = collection.get();
        long generation = ++runGeneration;
        Cancellation cancellation = new Cancellation();
        runCancellation = cancellation;
        runStartNanos = System.nanoTime();
        liveUpdates.clear();
        liveConfusion.set(null);
        liveMetrics.set("");
        progress.set(0);
        elapsed.set(formatDuration(0));
        remaining.set("");
        stage.set("Starting …");
        message.set("");
        page.set(Page.RUN);
        running.set(true);
        ExperimentRunner.ProgressListener progressListener = (runStage, done, total) -> ui.accept(() -> {
            if (generation == runGeneration) {
                showProgress(runStage, done, total);
            }
        });
        run = executor.execute(BackgroundTask.of("training run", context -> {
                    ExperimentRunner.Outcome result = runner.run(data, settings, progressListener,
                            fold -> ui.accept(() -> {
                                if (generation == runGeneration) {
                                    showFold(fold);
                                }
                            }), cancellation);
                    context.checkCancelled();
                    store.save(result.experiment());
                    return Map.entry(result, store.list());
                }).onSuccess(result -> {
                    if (generation == runGeneration) {
                        finished(result.getKey(), result.getValue());
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

    /** Stops the run; nothing of it is kept and everything else stays as it was before it started. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        runGeneration++;
        runCancellation.cancel();
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

    private void finished(ExperimentRunner.Outcome result, List<Experiment> kept) {
        running.set(false);
        progress.set(1);
        remaining.set(formatDuration(0));
        elapsed.set(formatDuration(System.nanoTime() - runStartNanos));
        stage.set("Done: run " + result.experiment().id() + " kept");
        outcome.set(result);
        experiment.set(result.experiment());
        pastRuns.setAll(kept);
        informationGain.clear();
        permutation.clear();
        distribution.set(null);
        cellPredictions.clear();
        cellTitle.set("");
        page.set(Page.RESULTS);
    }

    static String formatDuration(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    // ---------------------------------------------------------------- results

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
                + classes.get(truth) + " predicted " + classes.get(predicted));
    }

    /** Opens a listed recording in the workstation's waveform view. */
    public void openRecording(Prediction prediction) {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null || prediction == null) {
            return;
        }
        for (FeatureRow row : current.features().rows()) {
            if (row.id().equals(prediction.id())) {
                workstation.showRecording(collection.get(), Path.of(row.path()));
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

    // ---------------------------------------------------------------- feature importance

    /** Computes information gain and out-of-fold permutation importance of the last run, in the background. */
    public void computeImportance() {
        ExperimentRunner.Outcome current = outcome.get();
        if (current == null || importanceRunning.get()) {
            return;
        }
        Cancellation cancellation = new Cancellation();
        importanceCancellation = cancellation;
        importanceRunning.set(true);
        importanceProgress.set(0);
        ExperimentSettings settings = current.experiment().settings();
        importance = executor.execute(BackgroundTask.of("feature importance", context -> {
                    List<FeatureImportance.Score> gain = FeatureImportance.informationGain(current.data());
                    List<FeatureImportance.Score> drop = FeatureImportance.permutation(current.data(),
                            settings.model(), settings.evaluation(), settings.seed(),
                            (done, total) -> context.progress(done / (double) total, "Permutation importance"),
                            cancellation);
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
            importanceCancellation.cancel();
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
                    for (int frame = 0; frame < values.length; frame++) {
                        seconds[frame] = series.timeOfFrame(frame);
                    }
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

    /** Stops every piece of background work of the wizard. */
    public void shutdown() {
        cancel();
        cancelImportance();
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The latest problem or confirmation, for the message line. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<RecordingCollection> collectionProperty() {
        return collection;
    }

    public ObjectProperty<DataSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty summarisingProperty() {
        return summarising;
    }

    /** How many trainable recordings the import merged from PASCAL's noisy labels; 0 hides the choice. */
    public ReadOnlyIntegerProperty noisyRecordingsProperty() {
        return noisyRecordings;
    }

    /** Whether training on PASCAL's noisy labels apart is offered: the collection has such recordings. */
    public boolean noisyLabelsOffered() {
        return noisyRecordings.get() > 0;
    }

    /**
     * Which noisy recordings the collection has, for example "29 noisymurmur and 120 noisynormal recordings are
     * counted as murmur / normal."; empty when none.
     */
    public StringProperty noisyRecordingsNoteProperty() {
        return noisyRecordingsNote;
    }

    /**
     * The check box: train PASCAL's noisy recordings under their own labels and answer in normal / murmur
     * ({@link TrainingLabels#pascalNoisyApart()}); off trains on the labels as imported.
     */
    public BooleanProperty noisyLabelsApartProperty() {
        return noisyLabelsApart;
    }

    /** The labels of the next run: as imported, the check box's choice, or those of a past run loaded. */
    public ReadOnlyObjectProperty<TrainingLabels> trainingLabelsProperty() {
        return trainingLabels;
    }

    public ObservableList<FeatureChoice> featureChoices() {
        return featureChoices;
    }

    public StringProperty analysisRateProperty() {
        return analysisRate;
    }

    public StringProperty bandLowProperty() {
        return bandLow;
    }

    public StringProperty bandHighProperty() {
        return bandHigh;
    }

    public StringProperty frameSizeProperty() {
        return frameSize;
    }

    public StringProperty hopSizeProperty() {
        return hopSize;
    }

    public StringProperty nMfccProperty() {
        return nMfcc;
    }

    public ObservableList<PreviewValue> preview() {
        return preview;
    }

    public StringProperty previewSourceProperty() {
        return previewSource;
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public ObjectProperty<Balancing> balancingProperty() {
        return balancing;
    }

    public StringProperty treesProperty() {
        return trees;
    }

    public StringProperty smoComplexityProperty() {
        return smoComplexity;
    }

    public StringProperty boostingIterationsProperty() {
        return boostingIterations;
    }

    public StringProperty stackingFoldsProperty() {
        return stackingFolds;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public StringProperty foldsProperty() {
        return folds;
    }

    public StringProperty repeatsProperty() {
        return repeats;
    }

    public StringProperty seedProperty() {
        return seed;
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

    /** The confusion matrix over the folds finished so far, null before the first. */
    public ObjectProperty<ConfusionMatrix> liveConfusionProperty() {
        return liveConfusion;
    }

    /** Running accuracy and macro-F1. */
    public StringProperty liveMetricsProperty() {
        return liveMetrics;
    }

    /** The completed-fold count of each live matrix shown in the last run, in the order shown. */
    public List<Integer> liveUpdates() {
        return List.copyOf(liveUpdates);
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

    public ObjectProperty<Distribution> distributionProperty() {
        return distribution;
    }

    /** The per-frame curve of the chosen feature on one recording, null for a recording-level feature. */
    public ObjectProperty<FrameCurve> frameCurveProperty() {
        return frameCurve;
    }

    /** The store runs are kept in. */
    public ExperimentStore store() {
        return store;
    }

    /** Whether the view should ask before saving to {@code file}. */
    public static boolean needsOverwriteConfirmation(Path file) {
        return java.nio.file.Files.exists(file);
    }
}
