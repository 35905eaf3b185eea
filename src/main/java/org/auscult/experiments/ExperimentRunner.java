package org.auscult.experiments;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.auscult.analysis.Datasets;
import org.auscult.analysis.FeatureTable;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.Evaluator;
import org.auscult.learn.FoldListener;
import org.auscult.learn.FoldResult;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.TrainedModel;
import org.auscult.learn.FollowUpScreen;
import org.auscult.learn.Murmur;
import org.auscult.learn.Trainer;
import org.auscult.library.RecordingCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run from a collection: the features of every trainable recording, the evaluation of the model by
 * the chosen protocol (each finished fold published while the others run), and the final model trained on every
 * labelled recording. With equal settings and recordings, the evaluation is the same to the last digit.
 *
 * <p>The settings' {@link TrainingLabels} choose the labels: with {@code keepNoisy}, PASCAL's noisy recordings are
 * trained under their written label (the collection itself is left as it is); with a merge map, the model is trained
 * on the fine classes and answers in the coarse ones, and the evaluation (the published folds, the outcome and the
 * experiment record) is scored in the coarse ones.
 */
public final class ExperimentRunner {

    /** The stages of a run, in order. */
    public enum Stage { FEATURES, EVALUATION, FINAL_MODEL }

    /** Told of progress: {@code done} of {@code total} steps of the stage (recordings, folds, or 0/1). */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(Stage stage, int done, int total);
    }

    /**
     * What a run produced.
     *
     * @param features   the feature table of every recording that could be analysed, under the labels trained on
     * @param failures   recordings that could not be analysed, with why
     * @param data       the labelled rows evaluated and trained on (the fine classes when classes are merged)
     * @param evaluation the out-of-fold evaluation, in the classes the model answers in
     * @param model      the model trained on every labelled row, with the evaluation kept in it
     * @param experiment the record of the run (not yet kept in a store)
     */
    public record Outcome(FeatureTable features, List<FeatureTableBuilder.Failure> failures, LabelledDataset data,
                          EvaluationResult evaluation, TrainedModel model, Experiment experiment) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final int jobs;
    private final Clock clock;
    private final Path featureCache;

    /**
     * @param jobs  recordings analysed at once (the evaluation uses its own thread count)
     * @param clock the time recorded with the experiment
     */
    public ExperimentRunner(int jobs, Clock clock) {
        this(jobs, clock, null);
    }

    private ExperimentRunner(int jobs, Clock clock, Path featureCache) {
        org.auscult.dsp.ParameterException.require(jobs >= 1, "jobs must be at least 1, got " + jobs);
        this.jobs = jobs;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.featureCache = featureCache;
    }

    /** This runner reading and keeping features in a {@link org.auscult.analysis.FeatureCache}; null for none. */
    public ExperimentRunner withFeatureCache(Path folder) {
        return new ExperimentRunner(jobs, clock, folder);
    }

    /**
     * The first stage of a run: the features of every trainable recording under the settings' labels.
     *
     * @param features the feature table of every recording that could be analysed
     * @param failures recordings that could not be analysed, with why
     * @param data     its labelled rows (the fine classes when classes are merged)
     */
    public record Analysed(FeatureTable features, List<FeatureTableBuilder.Failure> failures, LabelledDataset data) {
        public Analysed {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Runs the experiment: {@link #analyse}, {@link #evaluate}, {@link #train} and {@link #experiment}, the steps
     * the command line's {@code train} and {@code evaluate} take one by one.
     *
     * @throws CancellationException when cancelled, at the next recording or fold
     * @throws org.auscult.dsp.ParameterException when fewer than two classes could be analysed, the protocol
     *                                            cannot divide the rows, or the merge names a class the data does
     *                                            not have
     */
    public Outcome run(RecordingCollection collection, ExperimentSettings settings, ProgressListener progress,
                       FoldListener folds, Cancellation cancellation) {
        return run(collection, collection.root().toString(), settings, progress, folds, cancellation,
                PatientStatuses.of(List.of(collection)));
    }

    /**
     * As {@link #run(RecordingCollection, ExperimentSettings, ProgressListener, FoldListener, Cancellation)}, the
     * record naming the collection {@code collectionName} (several collections combined are named together), and
     * the patients' murmur statuses by recording id ({@link PatientStatuses}) fitting the follow-up screen.
     */
    public Outcome run(RecordingCollection collection, String collectionName, ExperimentSettings settings,
                       ProgressListener progress, FoldListener folds, Cancellation cancellation,
                       Map<String, Murmur> patientStatuses) {
        Analysed analysed = analyse(collection, settings, progress, cancellation);
        EvaluationResult fineEvaluation = evaluate(analysed, settings, progress, folds, cancellation);
        EvaluationResult evaluation = scored(fineEvaluation, settings);
        progress.progress(Stage.FINAL_MODEL, 0, 1);
        TrainedModel model = train(analysed, settings, fineEvaluation, patientStatuses);
        cancellation.throwIfCancelled();
        progress.progress(Stage.FINAL_MODEL, 1, 1);
        Experiment experiment = experiment(collectionName, settings, analysed.data(), evaluation);
        LOG.info("Training run {}: accuracy {}, macro-F1 {}", experiment.id(), experiment.accuracy(),
                experiment.macroF1());
        return new Outcome(analysed.features(), analysed.failures(), analysed.data(), evaluation, model, experiment);
    }

    /** The features of every trainable recording of {@code collection}, under the settings' labels. */
    public Analysed analyse(RecordingCollection collection, ExperimentSettings settings, ProgressListener progress,
                            Cancellation cancellation) {
        TrainingLabels labels = settings.labels();
        List<FeatureTableBuilder.Input> inputs = collection.trainable().stream().map(labels::inputOf).toList();
        // checked before the features are computed so that a wrong merge does not cost the whole feature stage
        labels.requireMergeableFrom(inputs.stream().map(FeatureTableBuilder.Input::label).toList(),
                "the labelled recordings of " + collection.root());
        progress.progress(Stage.FEATURES, 0, inputs.size());
        FeatureTableBuilder.Result analysed = new FeatureTableBuilder(settings.analysis(), jobs)
                .withCache(featureCache)
                .build(inputs, (done, total, seconds) -> progress.progress(Stage.FEATURES, done, total), cancellation);
        cancellation.throwIfCancelled();
        LabelledDataset data = Datasets.of(analysed.table()).labelledOnly();
        labels.requireMergeableFrom(data.classNames(), "the recordings that could be analysed");
        return new Analysed(analysed.table(), analysed.failures(), data);
    }

    /**
     * The out-of-fold evaluation in the fine classes (the model keeps it so); each finished fold is published in
     * the classes the model answers in.
     */
    public EvaluationResult evaluate(Analysed analysed, ExperimentSettings settings, ProgressListener progress,
                                     FoldListener folds, Cancellation cancellation) {
        Map<String, String> merge = settings.labels().merge();
        int totalFolds = org.auscult.learn.Folds.plan(settings.evaluation(), analysed.data()).size();
        progress.progress(Stage.EVALUATION, 0, totalFolds);
        EvaluationResult evaluation = new Evaluator(settings.evaluation()).evaluate(analysed.data(), settings.model(),
                fold -> {
                    folds.foldFinished(merge.isEmpty() ? fold : new FoldResult(fold.repeat(), fold.fold(),
                            fold.partial().mergeClasses(merge), fold.completed(), fold.total()));
                    progress.progress(Stage.EVALUATION, fold.completed(), fold.total());
                }, cancellation);
        cancellation.throwIfCancelled();
        return evaluation;
    }

    /** {@code fineEvaluation} in the classes the model answers in (the merged ones when classes are merged). */
    public static EvaluationResult scored(EvaluationResult fineEvaluation, ExperimentSettings settings) {
        Map<String, String> merge = settings.labels().merge();
        return merge.isEmpty() ? fineEvaluation : fineEvaluation.mergeClasses(merge);
    }

    /**
     * The model trained on every labelled row, keeping {@code fineEvaluation} (null when the design was not
     * evaluated) and the recordings' rates, durations and levels in its training profile. When the evaluation holds
     * patients of known murmur status ({@code patientStatuses}, by recording id), the model carries the follow-up
     * screen fitted for their weighted accuracy ({@link FollowUpScreen#fitted}).
     */
    public TrainedModel train(Analysed analysed, ExperimentSettings settings, EvaluationResult fineEvaluation,
                              Map<String, Murmur> patientStatuses) {
        Map<String, String> merge = settings.labels().merge();
        Map<String, org.auscult.learn.RecordingFacts> facts = Datasets.recordingFacts(analysed.features());
        TrainedModel model = merge.isEmpty()
                ? Trainer.train(analysed.data(), settings.model(), analysed.features().configuration(),
                        fineEvaluation, facts)
                : Trainer.trainMerged(analysed.data(), settings.model(), analysed.features().configuration(),
                        fineEvaluation, facts, merge);
        EvaluationResult evaluation = model.evaluation();
        if (evaluation == null) {
            return model;
        }
        return FollowUpScreen.fitted(evaluation.classNames(), evaluation.predictions(), analysed.data(),
                        patientStatuses)
                .filter(screen -> screen.basis() == FollowUpScreen.Basis.PATIENT_WEIGHTED_ACCURACY)
                .map(model::withFollowUpScreen).orElse(model);
    }

    /** The record of a run on {@code collection}, scored by {@code evaluation} (not yet kept in a store). */
    public Experiment experiment(RecordingCollection collection, ExperimentSettings settings, LabelledDataset data,
                                 EvaluationResult evaluation) {
        return experiment(collection.root().toString(), settings, data,
                evaluation);
    }

    /** The record of a run on the collection(s) named {@code collection}, scored by {@code evaluation}. */
    public Experiment experiment(String collection, ExperimentSettings settings, LabelledDataset data,
                                 EvaluationResult evaluation) {
        return Experiment.of(clock.instant(), collection, settings, data.fingerprint(), evaluation);
    }
}
