package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTable;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.dsp.ParameterException;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationResult;
import org.auscult.library.ImportOptions;
import org.auscult.library.Layout;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A labelled collection and how to analyse it: what {@code train} and {@code evaluate} share. */
final class CollectionOptions {

    @Parameters(index = "0", paramLabel = "COLLECTION",
            description = "A folder or label file in any layout Auscult imports (detected, or named with --layout).")
    Path collection;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The collection layout when it cannot be detected: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Mixin
    NoisyLabelsOption noisyLabels;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Recordings analysed and folds run at once (default: the number of cores).")
    int jobs;

    @Mixin
    AnalysisOptions analysis;

    /** The analysed collection, the inputs that failed on the way, and the analysis it was made with. */
    record Analysed(FeatureTable table, List<Failure> failures, AnalysisConfig config) {
    }

    /** Imports the collection, prints its summary, and computes the features of every recording in it. */
    Analysed analyse(PrintWriter err) throws IOException {
        AnalysisConfig config = analysis.resolve();
        RecordingInputs.Resolved resolved = resolve(noisyLabels.labelMapping());
        resolved.collections().forEach(imported -> err.println(imported.summary()));
        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, Jobs.resolve(jobs))
                .build(resolved.inputs(), (done, total, seconds) -> progress.update(done, total));
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(result.failures());
        return new Analysed(result.table(), failures, config);
    }

    /**
     * The training wizard's runner on this collection, its first stage done: the collection imported as the
     * wizard imports it, and the features of every trainable recording under the settings' labels.
     */
    record ExperimentRun(ExperimentRunner runner, RecordingCollection collection, ExperimentRunner.Analysed analysed,
                         List<Failure> failures) {

        /** Evaluates the settings' design on this run's data, the finished folds shown on {@code err}. */
        EvaluationResult evaluate(PrintWriter err, ExperimentSettings settings, String progressLabel) {
            ProgressBar progress = ProgressBar.forTerminal(err, progressLabel);
            return runner.evaluate(analysed, settings, (stage, done, total) -> { },
                    fold -> progress.update(fold.completed(), fold.total()), new Cancellation());
        }

        /** The record of this run, scored by {@code evaluation}, as the wizard records its runs. */
        Experiment experiment(ExperimentSettings settings, EvaluationResult evaluation) {
            return runner.experiment(collection, settings, analysed.data(), evaluation);
        }
    }

    private RecordingInputs.Resolved resolve(Map<String, String> labelMapping) throws IOException {
        RecordingInputs.Resolved resolved = RecordingInputs.resolve(List.of(collection), Optional.ofNullable(layout),
                labelMapping);
        if (resolved.collections().isEmpty()) {
            throw new IllegalArgumentException(collection + ": not a labelled collection (a folder or label file "
                    + "in a known layout); see --layout");
        }
        return resolved;
    }

    /** Imports the collection, prints its summary, and runs the feature stage of an experiment on it. */
    ExperimentRun startExperiment(PrintWriter err, ExperimentSettings settings) throws IOException {
        RecordingInputs.Resolved resolved = resolve(ImportOptions.DEFAULT_LABEL_MAPPING);
        RecordingCollection imported = resolved.collections().get(0);
        err.println(imported.summary());
        List<String> classes = imported.trainable().stream().map(settings.labels()::inputOf)
                .map(FeatureTableBuilder.Input::label).filter(label -> !label.isEmpty()).distinct().sorted().toList();
        for (String fine : settings.labels().merge().keySet()) {
            ParameterException.require(classes.contains(fine),
                    "cannot merge class '" + fine + "': the classes are " + classes);
        }
        ExperimentRunner runner = new ExperimentRunner(Jobs.resolve(jobs), Clock.systemUTC());
        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        ExperimentRunner.Analysed analysed = runner.analyse(imported, settings, (stage, done, total) -> {
            if (done > 0) {
                progress.update(done, total);
            }
        }, new Cancellation());
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(analysed.failures());
        return new ExperimentRun(runner, imported, analysed, failures);
    }
}
