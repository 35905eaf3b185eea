package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auscult.analysis.Datasets;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.Evaluator;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelFile;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.TrainedModel;
import org.auscult.learn.Trainer;
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
                    + "and the figures are kept in the model file."
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
        ModelSpec design = model.resolve(seed);
        if (!force && java.nio.file.Files.exists(this.out)) {
            throw new IllegalArgumentException(this.out + " already exists; choose another name or add --force");
        }
        CollectionOptions.Analysed analysed = collection.analyse(err);
        LabelledDataset data = Datasets.of(analysed.table());

        EvaluationResult evaluation = null;
        EvaluationOptions options = EvaluateCommand.evaluationOptions("grouped-cv", folds, repeats, seed,
                Jobs.resolve(collection.jobs));
        if (evaluate) {
            ProgressBar progress = ProgressBar.forTerminal(err, "evaluation folds");
            evaluation = new Evaluator(options).evaluate(data, design,
                    fold -> progress.update(fold.completed(), fold.total()), new Cancellation());
            out.println((mergeClasses.any() ? evaluation.mergeClasses(mergeClasses.merge) : evaluation).toTable());
        }
        err.println("Training on " + data.labelledOnly().size() + " labelled recordings...");
        TrainedModel trained = mergeClasses.any()
                ? Trainer.trainMerged(data, design, analysed.table().configuration(), evaluation,
                        Datasets.recordingFacts(analysed.table()), mergeClasses.merge)
                : Trainer.train(data, design, analysed.table().configuration(), evaluation,
                        Datasets.recordingFacts(analysed.table()));
        ModelFile.save(trained, this.out, force);
        out.printf("Saved %s: %s, classes %s, %d features.%n", this.out, design.toProperties().get("preset"),
                trained.classNames(), trained.featureNames().size());
        experimentRecord.save(err, collection, analysed.config(), design, options, data, trained.evaluation(),
                this.out, mergeClasses);
        out.flush();
        return Failures.report(analysed.failures(), err);
    }
}
