package org.auscult.experiments;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.FeatureImportance;
import org.auscult.learn.FoldListener;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a wizard run costs on PASCAL 2011 (from {@code ../shared/data/pascal2011}): the data summary, features,
 * grouped 10-fold cross-validation of the default random forest (1 repeat), the final model, and then information
 * gain and out-of-fold permutation importance. Prints a table; asserts nothing about time.
 *
 * <p>Run: {@code mvn -B -o -q test -Pbenchmark -Dtest=ExperimentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class ExperimentBenchmark {

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void wizardRunOnPascal() throws Exception {
        Path shared = Path.of(System.getProperty("auscult.shared", "../shared"));
        Path pascal = shared.resolve("data/pascal2011");
        assumeTrue(Files.isDirectory(pascal), "PASCAL 2011 not found at " + pascal + "; benchmark skipped");
        int cores = Runtime.getRuntime().availableProcessors();
        RecordingCollection collection = new CollectionImporter().importCollection(pascal, ImportOptions.defaults());

        long start = System.nanoTime();
        DataSummary summary = DataSummary.of(collection);
        double summarySeconds = seconds(start);

        ExperimentSettings settings = new ExperimentSettings(ExperimentSettings.defaults().analysis(),
                ModelSpec.of(Preset.RANDOM_FOREST), new EvaluationOptions(Protocol.GROUPED_CV, 10, 1, 1, cores));
        double[] stageStart = new double[3];
        double[] stageEnd = new double[3];
        long runStart = System.nanoTime();
        ExperimentRunner.Outcome outcome = new ExperimentRunner(cores, Clock.systemUTC()).run(collection, settings,
                (stage, done, total) -> {
                    int index = stage.ordinal();
                    if (done == 0) {
                        stageStart[index] = seconds(runStart);
                    }
                    if (done == total) {
                        stageEnd[index] = seconds(runStart);
                    }
                }, FoldListener.NONE, new Cancellation());

        start = System.nanoTime();
        List<FeatureImportance.Score> gain = FeatureImportance.informationGain(outcome.data());
        double gainSeconds = seconds(start);
        start = System.nanoTime();
        List<FeatureImportance.Score> drop = FeatureImportance.permutation(outcome.data(), settings.model(),
                settings.evaluation(), settings.seed(), (done, total) -> { }, new Cancellation());
        double permutationSeconds = seconds(start);

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "PASCAL 2011: %d labelled recordings, %d features, %d cores%n",
                outcome.data().size(), outcome.data().featureNames().size(), cores));
        table.append(String.format(Locale.ROOT, "%-44s %8s%n", "step", "seconds"));
        table.append(String.format(Locale.ROOT, "%-44s %8.1f%n", "data summary (headers, warnings)", summarySeconds));
        String[] names = {"features", "grouped 10-fold CV, random forest 100", "final model"};
        for (int i = 0; i < 3; i++) {
            table.append(String.format(Locale.ROOT, "%-44s %8.1f%n", names[i], stageEnd[i] - stageStart[i]));
        }
        table.append(String.format(Locale.ROOT, "%-44s %8.1f%n", "information gain", gainSeconds));
        table.append(String.format(Locale.ROOT, "%-44s %8.1f%n", "permutation importance (1 thread)",
                permutationSeconds));
        table.append(String.format(Locale.ROOT, "accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f; %d warnings%n",
                outcome.evaluation().accuracy(), outcome.evaluation().balancedAccuracy(),
                outcome.evaluation().macroF1(), summary.warnings().size()));
        table.append("top 5 by information gain: ").append(gain.subList(0, 5)).append('\n');
        table.append("top 5 by permutation:      ").append(drop.subList(0, 5)).append('\n');
        summary.warnings().forEach(warning -> table.append("warning: ").append(warning).append('\n'));
        // A benchmark's output is its table: printed for the person running it.
        System.out.print(table);
    }

    /**
     * The wizard's runner on PASCAL 2011 with the labels as imported and with the noisy labels kept apart and merged
     * back ({@link TrainingLabels#pascalNoisyApart()}): random forest with class weights, default features, grouped
     * 10-fold CV, 1 repeat, seed 1. The second row is what {@code auscult evaluate ../shared/data/pascal2011
     * --keep-noisy-labels --merge-classes noisynormal=normal,noisymurmur=murmur --balancing class-weights --repeats 1}
     * prints.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void noisyLabelsApartOnPascal() throws Exception {
        Path pascal = Path.of(System.getProperty("auscult.shared", "../shared")).resolve("data/pascal2011");
        assumeTrue(Files.isDirectory(pascal), "PASCAL 2011 not found at " + pascal + "; benchmark skipped");
        int cores = Runtime.getRuntime().availableProcessors();
        RecordingCollection collection = new CollectionImporter().importCollection(pascal, ImportOptions.defaults());
        ExperimentSettings asImported = new ExperimentSettings(ExperimentSettings.defaults().analysis(),
                ModelSpec.of(Preset.RANDOM_FOREST).withBalancing(org.auscult.learn.Balancing.CLASS_WEIGHTS),
                new EvaluationOptions(Protocol.GROUPED_CV, 10, 1, 1, cores)).withSeed(1);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "PASCAL 2011, %d noisy recordings; random forest, class weights, grouped 10-fold CV, seed 1%n",
                TrainingLabels.countMergedNoisy(collection.trainable())));
        table.append(String.format(Locale.ROOT, "%-70s %8s %8s %8s %8s%n", "labels", "classes", "accuracy",
                "bal.acc", "macro-F1"));
        for (TrainingLabels labels : List.of(TrainingLabels.AS_IMPORTED, TrainingLabels.pascalNoisyApart())) {
            long start = System.nanoTime();
            ExperimentRunner.Outcome outcome = new ExperimentRunner(cores, Clock.systemUTC()).run(collection,
                    asImported.withLabels(labels), (stage, done, total) -> { }, FoldListener.NONE,
                    new Cancellation());
            table.append(String.format(Locale.ROOT, "%-70s %3d -> %d %8.3f %8.3f %8.3f  (%.1f s)%n",
                    labels.describe(), outcome.data().classNames().size(), outcome.model().classNames().size(),
                    outcome.evaluation().accuracy(), outcome.evaluation().balancedAccuracy(),
                    outcome.evaluation().macroF1(), seconds(start)));
        }
        // A benchmark's output is its table: printed for the person running it.
        System.out.print(table);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
