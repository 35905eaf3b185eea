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
import org.auscult.experiments.DataSummary;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.PatientStatuses;
import org.auscult.experiments.TrainingLabels;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.Murmur;
import org.auscult.learn.Protocol;
import org.auscult.library.Corpora;
import org.auscult.library.ImportOptions;
import org.auscult.library.PatientExclusion;
import org.auscult.library.LabelColumn;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A labelled collection and how to analyse it: what {@code train} and {@code evaluate} share. */
final class CollectionOptions {

    @Parameters(arity = "1..*", paramLabel = "COLLECTION",
            description = "A folder or label file in any layout Auscult imports (detected, or named with --layout). "
                    + "Several are trained and evaluated as one, each recording keeping its collection as part of "
                    + "its source and patient (docs/decisions/label-taxonomy.md).")
    List<Path> collections;

    @Option(names = "--exclude-patients-of", paramLabel = "COLLECTION",
            description = "Leave out every patient that has a recording in COLLECTION (matched by patient ID, "
                    + "with every recording of the same patient group): to keep a test collection unheard.")
    Path excludePatientsOf;

    @Option(names = "--label-column", paramLabel = "COLUMN",
            description = "Train on another column of the collection's label table instead of its labels, for the "
                    + "labelled recordings that have a value there (e.g. CirCor's \"Systolic murmur timing\" for the "
                    + "recordings where a murmur is heard); the others are left out.")
    String labelColumn;

    @Option(names = "--feature-cache", paramLabel = "DIR",
            description = "Keep the features of every recording in DIR and reuse them when the same file is "
                    + "analysed again under the same configuration by the same build (default: no cache).")
    Path featureCache;

    @Option(names = "--layout", paramLabel = "LAYOUT", completionCandidates = LayoutNames.class,
            description = "The collection layout when it cannot be detected: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Mixin
    NoisyLabelsOption noisyLabels;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Recordings analysed and folds run at once (default: the number of cores).")
    int jobs;

    @Mixin
    AnalysisOptions analysis;

    /** What the command reads, which its outputs may not replace. */
    org.auscult.io.OutputTargets.Inputs inputs() {
        List<Path> named = new ArrayList<>(collections);
        named.add(excludePatientsOf);
        return RecordingInputs.readFrom(named, analysis.configFile);
    }

    /** The analysed collection, the inputs that failed on the way, and the analysis it was made with. */
    record Analysed(FeatureTable table, List<Failure> failures, AnalysisConfig config) {
    }

    /** Imports the collection, prints its summary, and computes the features of every recording in it. */
    Analysed analyse(PrintWriter err) throws IOException {
        AnalysisConfig config = analysis.resolve();
        RecordingInputs.Resolved resolved = resolve(noisyLabels.labelMapping());
        RecordingCollection imported = trainingCollection(resolved, err);
        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        List<FeatureTableBuilder.Input> inputs = imported.recordings().stream()
                .filter(recording -> !recording.metadata().containsKey(org.auscult.library.Recording.PROBLEM))
                .map(FeatureTableBuilder.Input::of).toList();
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, Jobs.resolve(jobs)).withCache(featureCache)
                .build(inputs, (done, total, seconds) -> progress.update(done, total));
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(result.failures());
        return new Analysed(result.table(), failures, config);
    }

    /**
     * The training wizard's runner on this collection with the run's settings (labels resolved), its first stage
     * done: the collection imported as the
     * wizard imports it, and the features of every trainable recording under the settings' labels.
     */
    record ExperimentRun(ExperimentRunner runner, ExperimentSettings settings, RecordingCollection collection,
                         String collectionName, ExperimentRunner.Analysed analysed, List<Failure> failures,
                         Map<String, Murmur> patientStatus) {

        /** Evaluates the settings' design on this run's data, the finished folds shown on {@code err}. */
        EvaluationResult evaluate(PrintWriter err, String progressLabel) {
            ProgressBar progress = ProgressBar.forTerminal(err, progressLabel);
            return runner.evaluate(analysed, settings, (stage, done, total) -> { },
                    fold -> progress.update(fold.completed(), fold.total()), new Cancellation());
        }

        /** The record of this run, scored by {@code evaluation}, as the wizard records its runs. */
        Experiment experiment(EvaluationResult evaluation) {
            return runner.experiment(collectionName, settings, analysed.data(), evaluation);
        }
    }

    /** The collections imported, every one required to be a labelled collection, and the problems met. */
    private RecordingInputs.Resolved resolve(Map<String, String> labelMapping) throws IOException {
        List<FeatureTableBuilder.Input> inputs = new ArrayList<>();
        List<Failure> problems = new ArrayList<>();
        List<RecordingCollection> imported = new ArrayList<>();
        for (Path path : collections) {
            RecordingInputs.Resolved one = RecordingInputs.resolve(List.of(path), Optional.ofNullable(layout),
                    labelMapping);
            if (!java.nio.file.Files.exists(path)) {
                throw new IllegalArgumentException(path + ": no such file or folder");
            }
            if (one.collections().isEmpty()) {
                throw new IllegalArgumentException(path + ": not a labelled collection (a folder or label file "
                        + "in a known layout); see --layout");
            }
            inputs.addAll(one.inputs());
            problems.addAll(one.problems());
            imported.addAll(one.collections());
        }
        return new RecordingInputs.Resolved(inputs, problems, imported);
    }

    /**
     * The one collection trained on: the collection itself, or several combined as {@link Corpora} (each named by
     * its folder), less the patients of {@code --exclude-patients-of}.
     */
    private RecordingCollection trainingCollection(RecordingInputs.Resolved resolved, PrintWriter err)
            throws IOException {
        List<RecordingCollection> imported = resolved.collections();
        imported.forEach(collection -> err.println(collection.summary()));
        RecordingCollection combined = imported.size() == 1 ? imported.get(0) : Corpora.named(imported).combined();
        if (labelColumn != null) {
            combined = LabelColumn.relabelled(combined, labelColumn);
        }
        if (excludePatientsOf == null) {
            return withTwoClasses(combined);
        }
        RecordingInputs.Resolved held = RecordingInputs.resolve(List.of(excludePatientsOf), Optional.empty());
        if (held.collections().isEmpty()) {
            throw new IllegalArgumentException(excludePatientsOf + ": not a labelled collection; "
                    + "--exclude-patients-of needs one to read patient IDs from");
        }
        if (held.collections().get(0).recordings().isEmpty()) {
            throw new IllegalArgumentException(excludePatientsOf + ": holds no recordings, so no patient to leave out");
        }
        RecordingCollection kept = PatientExclusion.without(combined, held.collections().get(0));
        if (kept.trainable().isEmpty()) {
            throw new IllegalArgumentException("no labelled recording is left once the patients of "
                    + excludePatientsOf + " are left out");
        }
        err.printf("Left out %d recordings of the patients in %s.%n",
                combined.recordings().size() - kept.recordings().size(), excludePatientsOf);
        return withTwoClasses(kept);
    }

    /** {@code collection}, refused with what it holds when it has fewer than two labelled classes to learn from. */
    private static RecordingCollection withTwoClasses(RecordingCollection collection) {
        if (collection.classCounts().size() < 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: nothing to train on: %d "
                    + "recordings, %d with a label %s; a model needs labelled recordings of at least two classes (a "
                    + "folder per class, or a label file: see the README's 'Data formats')", collection.root(),
                    collection.recordings().size(), collection.trainable().size(), collection.classCounts().keySet()));
        }
        return collection;
    }

    /** What the experiment record names as the collection: the one path, or the paths joined by " + ". */
    String collectionName() {
        return String.join(" + ", collections.stream().map(path -> path.toAbsolutePath().normalize().toString())
                .toList());
    }

    /**
     * Imports the collection, prints its summary, and runs the feature stage of an experiment on it: the analysis
     * these options give on the default recipe's, the design of {@code model} at {@code seed}, and the labels
     * {@code mergeClasses} and {@code --keep-noisy-labels} ask for or, when none, the {@link DefaultRecipe}'s labels
     * for the collection. When {@code evaluates}, grouped cross-validation with more folds than labelled patients is
     * refused before the features are computed.
     */
    ExperimentRun startExperiment(PrintWriter err, ModelOptions model, long seed, EvaluationOptions evaluation,
                                  boolean evaluates, MergeClassesOption mergeClasses) throws IOException {
        ExperimentSettings chosen = new ExperimentSettings(analysis.resolve(DefaultRecipe.analysisProperties()),
                model.resolve(seed), evaluation, TrainingLabels.AS_IMPORTED);
        Optional<TrainingLabels> labels = ExperimentRecord.labels(noisyLabels, mergeClasses);
        RecordingInputs.Resolved resolved = resolve(ImportOptions.DEFAULT_LABEL_MAPPING);
        RecordingCollection imported = trainingCollection(resolved, err);
        if (imported != resolved.collections().get(0)) {
            err.println(imported.summary());
        }
        DataSummary.fewPatients(imported.patientCounts()).forEach(warning -> err.println("warning: " + warning));
        ExperimentSettings settings = chosen.withLabels(labels.orElseGet(
                () -> DefaultRecipe.labelsFor(imported.trainable())));
        List<String> classes = imported.trainable().stream().map(settings.labels()::inputOf)
                .map(FeatureTableBuilder.Input::label).filter(label -> !label.isEmpty()).distinct().sorted().toList();
        for (String fine : settings.labels().merge().keySet()) {
            ParameterException.require(classes.contains(fine),
                    "cannot merge class '" + fine + "': the classes are " + classes);
        }
        if (evaluates && evaluation.protocol() == Protocol.GROUPED_CV) {
            // before the features, which take minutes on a large collection; Folds checks again on what was read
            long patients = imported.trainable().stream().map(settings.labels()::inputOf)
                    .filter(input -> !input.label().isEmpty())
                    .map(input -> Recording.patientGroup(input.patient(), input.id()))
                    .distinct().count();
            ParameterException.require(patients >= evaluation.folds(), "grouped cross-validation needs at least "
                    + "as many patients as folds: " + patients + " labelled patients, " + evaluation.folds()
                    + " folds; give --folds " + Math.max(2, patients) + " or fewer");
        }
        ExperimentRunner runner = new ExperimentRunner(Jobs.resolve(jobs), Clock.systemUTC())
                .withFeatureCache(featureCache);
        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        ExperimentRunner.Analysed analysed = runner.analyse(imported, settings, (stage, done, total) -> {
            if (done > 0) {
                progress.update(done, total);
            }
        }, new Cancellation());
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(analysed.failures());
        return new ExperimentRun(runner, settings, imported, collectionName(), analysed, failures,
                PatientStatuses.of(resolved.collections()));
    }
}
