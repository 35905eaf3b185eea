package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

import org.auscult.analysis.AnalysisConfig;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.TrainingLabels;
import org.auscult.dsp.ParameterException;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelSpec;
import picocli.CommandLine.Option;

/**
 * {@code --[no-]record}: keeps an evaluation from the command line in the experiment store the training wizard
 * reads ({@link ExperimentStore#defaultFolder()}), so runs from either face can be compared side by side.
 * {@code --keep-noisy-labels} and {@code --merge-classes} are kept as the run's {@link TrainingLabels}, so the
 * wizard repeats such a run with the same labels.
 */
final class ExperimentRecord {

    @Option(names = "--record", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep the run (settings, seed, data fingerprint, confusion matrix, model file) in the "
                    + "experiment store shared with the workstation's training wizard (~/.auscult/experiments, or "
                    + "the system property auscult.experiments); on by default.")
    boolean record;

    /**
     * Saves the run when asked. A store that cannot be written is reported on {@code err} and does not fail the
     * command: the evaluation and any model are already done and kept.
     */
    void save(PrintWriter err, CollectionOptions collection, AnalysisConfig analysis, ModelSpec design,
              EvaluationOptions options, LabelledDataset data, EvaluationResult evaluation, Path modelFile,
              MergeClassesOption merge) {
        if (!record || evaluation == null) {
            return;
        }
        TrainingLabels labels;
        try {
            labels = new TrainingLabels(collection.noisyLabels.keep, merge.any() ? merge.merge : java.util.Map.of());
        } catch (ParameterException e) {
            // for example a chained merge (a=b,b=c): the run is done, but the store could not repeat it as asked
            err.println("Not recorded as an experiment: " + e.getMessage());
            return;
        }
        Experiment experiment = Experiment.of(Instant.now(), collection.collection.toAbsolutePath().toString(),
                new ExperimentSettings(analysis, design, options, labels), data.labelledOnly().fingerprint(),
                evaluation);
        if (modelFile != null) {
            experiment = experiment.withModelPath(modelFile.toAbsolutePath().toString());
        }
        ExperimentStore store = ExperimentStore.atDefaultFolder();
        try {
            Path file = store.save(experiment);
            err.println("Recorded as experiment " + experiment.id() + " (" + file + ")");
        } catch (IOException | RuntimeException e) {
            err.println("WARNING: the run was not recorded in " + store.folder() + ": " + e.getMessage());
        }
    }
}
