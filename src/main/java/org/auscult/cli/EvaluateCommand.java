package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.io.AtomicFiles;
import org.auscult.io.OutputTargets;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.FoldListener;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.PatientMurmurReport;
import org.auscult.learn.PerSourceReport;
import org.auscult.learn.SourceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult evaluate}: how good the model design really is on a labelled collection. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Evaluate a model design on a labelled collection and print accuracy, balanced accuracy, macro-F1, "
                    + "per-class precision and recall and the confusion matrix.",
            "The default protocol is repeated stratified k-fold grouped by patient: no patient is on both sides "
                    + "of a fold. Folds run in parallel; each finished fold is reported as it ends.",
            "The run takes the training wizard's steps with the wizard's settings, so the experiment it records "
                    + "repeats identically in the wizard."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CollectionOptions collection;

    @Mixin
    ModelOptions model;

    @Mixin
    ExperimentRecord experimentRecord;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "grouped-cv",
            description = "grouped-cv (default), split (stratified 80/10/10, test scored) or leave-source-out.")
    String protocol;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3",
            description = "Repeats with different shuffles (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @Mixin
    MergeClassesOption mergeClasses;

    @Option(names = "--predictions", description = "Include every out-of-fold prediction (recording, repeat, fold, "
            + "truth, predicted class, posterior) in the --json report.")
    boolean predictions;

    @Option(names = "--force", description = "Replace the --json FILE if it exists.")
    boolean force;

    @Option(names = "--source-check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check whether the features predict the recording source (on by default when the "
                    + "collection has several sources).")
    boolean sourceCheck;

    @Override
    public Integer call() throws Exception {
        OutputTargets.check(force, collection.inputs(), json);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvaluationOptions options = evaluationOptions(protocol, folds, repeats, seed, Jobs.resolve(collection.jobs));
        CollectionOptions.ExperimentRun run = collection.startExperiment(err, model, seed, options, true, mergeClasses);
        ExperimentSettings settings = run.settings();
        EvaluationResult result = ExperimentRunner.scored(run.evaluate(err, "folds"), settings);
        out.println(result.toTable());

        LabelledDataset data = run.analysed().data();
        if (data.distinctSources().size() > 1) {
            out.println("Per source, normal against needs follow-up (any class but normal and artifact), "
                    + "first repeat:");
            out.println(PerSourceReport.of(result, data, run.patientStatus()).toTable());
        }
        List<PatientMurmurReport> patients = PatientMurmurReport.bothRules(result, data, run.patientStatus());
        patients.forEach(report -> out.print(report.toText()));
        if (!patients.isEmpty()) {
            out.println();
        }
        if (sourceCheck && data.distinctSources().size() > 1) {
            SourceCheck check = SourceCheck.run(data, options.withRepeats(1), FoldListener.NONE, new Cancellation());
            out.printf(Locale.ROOT, "Source check: the features predict the source with balanced accuracy %.3f%n",
                    check.balancedAccuracy());
            check.warning().ifPresent(warning -> out.println("WARNING: " + warning));
        }
        experimentRecord.save(err, run.experiment(result));
        if (json != null) {
            String report = result.toJson(predictions);
            AtomicFiles.write(json, force, stream -> stream.write(report.getBytes(StandardCharsets.UTF_8)));
        }
        out.flush();
        return Failures.report(run.failures(), err);
    }

    /** Evaluation options from command-line words ({@code grouped-cv}, {@code split}, {@code leave-source-out}). */
    static EvaluationOptions evaluationOptions(String protocol, int folds, int repeats, long seed, int threads) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("protocol", protocol);
        properties.put("folds", Integer.toString(folds));
        properties.put("repeats", Integer.toString(repeats));
        properties.put("seed", Long.toString(seed));
        properties.put("threads", Integer.toString(threads));
        return EvaluationOptions.of(properties);
    }
}
