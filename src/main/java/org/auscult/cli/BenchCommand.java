package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.concurrent.Callable;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.analysis.Datasets;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.Evaluator;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelSpec;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult bench}: measured runs on a real collection, printed as a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on a real collection (default: the PASCAL 2011 recordings in "
                + "../shared/data/pascal2011).",
        subcommands = {BenchCommand.Features.class, BenchCommand.Evaluate.class, BenchSegmentation.class,
            BenchLongRecording.class, BenchQuality.class, BenchCorpora.class, BenchSegmentationCv.class,
            BenchMurmurDescription.class, BenchOneRecording.class})
final class BenchCommand implements Runnable {

    static final Path DEFAULT_DATA = Path.of("../shared/data/pascal2011");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Feature extraction throughput over every WAV under a folder. */
    @Command(name = "features", mixinStandardHelpOptions = true,
            description = {
                "Decode, condition and extract the default features of every WAV under DATA, and print files/s, "
                        + "seconds of audio per wall second and peak memory.",
                "The process line counts from JVM start, so it includes start-up: the end-to-end figure."
            })
    static final class Features implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Folder of recordings (default: ${DEFAULT-VALUE}).")
        Path data = DEFAULT_DATA;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: cores).")
        int jobs;

        @Mixin
        AnalysisOptions analysis;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException(data + ": no such folder; name the recordings with --data DIR");
            }
            AnalysisConfig config = analysis.resolve();
            List<Input> inputs = RecordingInputs.recordingFilesUnder(data).stream()
                    .map(file -> Input.of(file, data.relativize(file).toString())).toList();
            int threads = Jobs.resolve(jobs);

            long start = System.nanoTime();
            FeatureTableBuilder.Result result = new FeatureTableBuilder(config, threads)
                    .build(inputs, (done, total, seconds) -> { });
            double wall = (System.nanoTime() - start) / 1e9;
            double sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;

            int analysed = result.table().rows().size();
            out.printf("Feature extraction benchmark: %s, %d jobs, %d features per recording%n", data, threads,
                    result.table().featureNames().size());
            out.printf("%-34s %12s%n", "measure", "value");
            out.printf("%-34s %12d%n", "files analysed", analysed);
            out.printf("%-34s %12d%n", "files failed", result.failures().size());
            out.printf("%-34s %12.1f%n", "seconds of audio", result.audioSeconds());
            out.printf("%-34s %12.3f%n", "extraction wall time (s)", wall);
            out.printf("%-34s %12.3f%n", "process wall time from JVM start (s)", sinceJvmStart);
            out.printf("%-34s %12.1f%n", "files per second (extraction)", analysed / wall);
            out.printf("%-34s %12.0f%n", "audio s per wall s (extraction)", result.audioSeconds() / wall);
            out.printf("%-34s %12.0f%n", "audio s per wall s (process)", result.audioSeconds() / sinceJvmStart);
            out.printf("%-34s %12.0f%n", "peak heap used (MB)", peakHeapBytes() / 1e6);
            long rss = BenchLongRecording.highWaterMark(Path.of("/proc/self/status"));
            if (rss > 0) {
                out.printf("%-34s %12.0f%n", "peak resident memory (MB)", rss / 1e6);
            }
            result.failures().forEach(failure -> out.println("failed: " + failure));
            return result.failures().isEmpty() ? AuscultCommand.EXIT_OK : AuscultCommand.EXIT_INPUT_FAILED;
        }
    }

    /**
     * Patient-grouped cross-validation of one or more model designs on a labelled collection: the headline
     * metrics, per-class recall with their spread over repeats, and the wall time, one row per design.
     */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {
                "Evaluate model designs by repeated patient-grouped k-fold cross-validation on a labelled collection "
                        + "and print accuracy, balanced accuracy, macro-F1 and per-class recall (mean and standard "
                        + "deviation over repeats) and the wall time of each.",
                "Give several --preset or --balancing values (comma-separated) to compare designs on the same "
                        + "features and folds."
            })
    static final class Evaluate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Labelled collection (default: ${DEFAULT-VALUE}).")
        Path data = DEFAULT_DATA;

        @Option(names = "--preset", split = ",", paramLabel = "PRESET", defaultValue = "stacked",
                description = "Model presets to compare (default: ${DEFAULT-VALUE}).")
        List<String> presets;

        @Option(names = "--balancing", split = ",", paramLabel = "METHOD",
                description = "Balancing methods to compare: none, class-weights, resample, cost-sensitive, "
                        + "calibrated-thresholds (default: the project default).")
        List<String> balancings;

        @Option(names = "--model-set", paramLabel = "KEY=VALUE",
                description = "One model option for every design, e.g. --model-set forest.trees=300.")
        Map<String, String> modelSettings = new LinkedHashMap<>();

        @Option(names = "--folds", defaultValue = "10", description = "Folds (default ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--repeats", defaultValue = "3", description = "Repeats (default ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Threads (default: cores).")
        int jobs;

        @Mixin
        AnalysisOptions analysis;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            long start = System.nanoTime();
            AnalysisConfig config = analysis.resolve();
            RecordingCollection collection = new CollectionImporter().importCollection(data, ImportOptions.defaults());
            List<Input> inputs = collection.trainable().stream().map(Input::of).toList();
            int threads = Jobs.resolve(jobs);
            FeatureTableBuilder.Result features = new FeatureTableBuilder(config, threads)
                    .build(inputs, (done, total, seconds) -> { });
            LabelledDataset dataset = Datasets.of(features.table());
            double featureSeconds = (System.nanoTime() - start) / 1e9;
            EvaluationOptions options = EvaluateCommand.evaluationOptions("grouped-cv", folds, repeats, seed, threads);

            out.printf(Locale.ROOT, "Evaluation benchmark: %s, %d labelled recordings, %d patients, %d features "
                            + "(extracted in %.1f s), %s, %d threads%n", data, dataset.size(),
                    Arrays.stream(dataset.groups()).distinct().count(), dataset.featureNames().size(),
                    featureSeconds, options.describe(), threads);
            List<String> classNames = dataset.classNames();
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s %13s %13s %13s",
                    "design", "accuracy", "bal. accuracy", "macro-F1"));
            classNames.forEach(name -> header.append(String.format(Locale.ROOT, " %13s", "R " + name)));
            header.append(String.format(Locale.ROOT, " %8s", "wall s"));
            out.println(header);
            List<String> balancingChoices = balancings == null || balancings.isEmpty()
                    ? List.of(ModelSpec.DEFAULTS.toProperties().get("balancing")) : balancings;
            for (String preset : presets) {
                for (String balancing : balancingChoices) {
                    ModelOptions design = new ModelOptions();
                    design.preset = preset;
                    design.balancing = balancing;
                    design.settings.putAll(modelSettings);
                    long designStart = System.nanoTime();
                    EvaluationResult result = new Evaluator(options).evaluate(dataset, design.resolve(seed));
                    double seconds = (System.nanoTime() - designStart) / 1e9;
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-30s %13s %13s %13s",
                            preset + " / " + balancing, spread(result, ConfusionMatrix::accuracy),
                            spread(result, ConfusionMatrix::balancedAccuracy), spread(result, ConfusionMatrix::macroF1)));
                    for (int c = 0; c < classNames.size(); c++) {
                        int classIndex = c;
                        row.append(String.format(Locale.ROOT, " %13s", spread(result, m -> m.recall(classIndex))));
                    }
                    row.append(String.format(Locale.ROOT, " %8.1f", seconds));
                    out.println(row);
                    out.flush();
                }
            }
            out.printf(Locale.ROOT, "process wall time from JVM start: %.1f s; peak heap used %.0f MB%n",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, peakHeapBytes() / 1e6);
            return AuscultCommand.EXIT_OK;
        }

        private static String spread(EvaluationResult result, ToDoubleFunction<ConfusionMatrix> metric) {
            EvaluationResult.Spread spread = result.spread(metric);
            return String.format(Locale.ROOT, "%.3f+-%.3f", spread.mean(), spread.standardDeviation());
        }
    }

    /** Sum of the peak usage of every heap pool since start. */
    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
