package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.TrainingLabels;
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
    void save(PrintWriter err, Experiment experiment) {
        if (!record) {
            return;
        }
        ExperimentStore store = ExperimentStore.atDefaultFolder();
        try {
            Path file = store.save(experiment);
            err.println("Recorded as experiment " + experiment.id() + " (" + file + ")");
        } catch (IOException | RuntimeException e) {
            err.println("WARNING: the run was not recorded in " + store.folder() + ": " + e.getMessage());
        }
    }

    /**
     * The labels a run trains on and answers in, as the wizard keeps them; empty when the user chose none, for the
     * {@link org.auscult.experiments.DefaultRecipe} to choose from the collection.
     */
    static Optional<TrainingLabels> labels(NoisyLabelsOption noisy, MergeClassesOption merge) {
        if (noisy.keep || merge.any()) {
            return Optional.of(new TrainingLabels(noisy.keep, merge.any() ? merge.merge : Map.of()));
        }
        return merge.asImported ? Optional.of(TrainingLabels.AS_IMPORTED) : Optional.empty();
    }
}
