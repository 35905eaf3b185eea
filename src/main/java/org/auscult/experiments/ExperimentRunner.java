package org.auscult.experiments;

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

    /**
     * @param jobs  recordings analysed at once (the evaluation uses its own thread count)
     * @param clock the time recorded with the experiment
     */
    public ExperimentRunner(int jobs, Clock clock) {
        org.auscult.dsp.ParameterException.require(jobs >= 1, "jobs must be at least 1, got " + jobs);
        this.jobs = jobs;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the experiment.
     *
     * @throws CancellationException when cancelled, at the next recording or fold
     * @throws org.auscult.dsp.ParameterException when fewer than two classes could be analysed, the protocol
     *                                                 cannot divide the rows, or the merge names a class the data
     *                                                 does not have
     */
    public Outcome run(RecordingCollection collection, ExperimentSettings settings, ProgressListener progress,
                       FoldListener folds, Cancellation cancellation) {
        TrainingLabels labels = settings.labels();
        List<FeatureTableBuilder.Input> inputs = collection.trainable().stream().map(labels::inputOf).toList();
        // checked before the features are computed so that a wrong merge does not cost the whole feature stage
        labels.requireMergeableFrom(inputs.stream().map(FeatureTableBuilder.Input::label).toList(),
                "the labelled recordings of " + collection.root());
        FeatureTableBuilder builder = new FeatureTableBuilder(settings.analysis(), jobs);
        progress.progress(Stage.FEATURES, 0, inputs.size());
        FeatureTableBuilder.Result analysed = builder.build(inputs,
                (done, total, seconds) -> progress.progress(Stage.FEATURES, done, total), cancellation);
        cancellation.throwIfCancelled();
        LabelledDataset data = Datasets.of(analysed.table()).labelledOnly();
        labels.requireMergeableFrom(data.classNames(), "the recordings that could be analysed");
        Map<String, String> merge = labels.merge();
        int totalFolds = org.auscult.learn.Folds.plan(settings.evaluation(), data).size();
        progress.progress(Stage.EVALUATION, 0, totalFolds);
        EvaluationResult fineEvaluation = new Evaluator(settings.evaluation()).evaluate(data, settings.model(),
                fold -> {
                    folds.foldFinished(merge.isEmpty() ? fold : new FoldResult(fold.repeat(), fold.fold(),
                            fold.partial().mergeClasses(merge), fold.completed(), fold.total()));
                    progress.progress(Stage.EVALUATION, fold.completed(), fold.total());
                }, cancellation);
        cancellation.throwIfCancelled();
        EvaluationResult evaluation = merge.isEmpty() ? fineEvaluation : fineEvaluation.mergeClasses(merge);
        progress.progress(Stage.FINAL_MODEL, 0, 1);
        // the recordings' rates, durations and levels go into the model's training profile, as with `auscult train`
        Map<String, org.auscult.learn.RecordingFacts> facts = Datasets.recordingFacts(analysed.table());
        TrainedModel model = merge.isEmpty()
                ? Trainer.train(data, settings.model(), analysed.table().configuration(), fineEvaluation, facts)
                : Trainer.trainMerged(data, settings.model(), analysed.table().configuration(), fineEvaluation,
                        facts, merge);
        cancellation.throwIfCancelled();
        progress.progress(Stage.FINAL_MODEL, 1, 1);
        Experiment experiment = Experiment.of(clock.instant(), collection.root().toString(), settings,
                data.fingerprint(), evaluation);
        LOG.info("Training run {}: accuracy {}, macro-F1 {}", experiment.id(), experiment.accuracy(),
                experiment.macroF1());
        return new Outcome(analysed.table(), analysed.failures(), data, evaluation, model, experiment);
    }
}
