package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.io.OutputTargets;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.ModelFile;
import org.auscult.learn.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult train}: a labelled collection to a saved model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Train a model on every labelled recording of a collection and save it, with its analysis "
                    + "configuration, class names, data fingerprint and evaluation figures.",
            "Unless --no-evaluate is given, the design is first evaluated by patient-grouped cross-validation "
                    + "and the figures are kept in the model file.",
            "The run takes the training wizard's steps with the wizard's settings, so the experiment it records "
                    + "repeats identically in the wizard."
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CollectionOptions collection;

    @Mixin
    ModelOptions model;

    @Mixin
    ExperimentRecord experimentRecord;

    @Mixin
    MergeClassesOption mergeClasses;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL",
            description = "The model file to write (e.g. model.auscult).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--evaluate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Evaluate the design first (grouped cross-validation; on by default).")
    boolean evaluate;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Repeats of the evaluation (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--force", description = "Replace MODEL if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputTargets.check(force, collection.inputs(), this.out);
        CollectionOptions.ExperimentRun run = collection.startExperiment(err, model, seed,
                EvaluateCommand.evaluationOptions("grouped-cv", folds, repeats, seed, Jobs.resolve(collection.jobs)),
                evaluate, mergeClasses);
        ExperimentSettings settings = run.settings();

        EvaluationResult evaluation = null;
        if (evaluate) {
            evaluation = run.evaluate(err, "evaluation folds");
            out.println(ExperimentRunner.scored(evaluation, settings).toTable());
        }
        err.println("Training on " + run.analysed().data().size() + " labelled recordings...");
        TrainedModel trained = run.runner().train(run.analysed(), settings, evaluation, run.patientStatus());
        ModelFile.save(trained, this.out, force);
        out.printf("Saved %s: %s, classes %s, %d features.%n", this.out, settings.model().toProperties().get("preset"),
                trained.classNames(), trained.featureNames().size());
        if (evaluation != null) {
            experimentRecord.save(err, run.experiment(ExperimentRunner.scored(evaluation, settings))
                    .withModelPath(this.out.toAbsolutePath().toString()));
        }
        out.flush();
        return Failures.report(run.failures(), err);
    }
}
