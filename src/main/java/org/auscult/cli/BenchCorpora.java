package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.CorpusFeatureCache;
import org.auscult.analysis.CorpusProtocols;
import org.auscult.analysis.CorpusRow;
import org.auscult.analysis.CorpusStep;
import org.auscult.learn.Balancing;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.RandomForestOptions;
import org.auscult.library.CollectionImporter;
import org.auscult.library.Corpora;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench corpora}: device robustness measured one step at a time on the three public corpora, one
 * table row per step, so that every figure of docs/benchmarks.md comes from one command.
 *
 * <p>Each step is a {@link CorpusStep} recipe, scored by the headline {@link CorpusProtocols}. Features are
 * computed once per recording and analysis configuration and cached as feature tables (with their configuration
 * beside) outside the repository by {@link CorpusFeatureCache}.
 */
@Command(name = "corpora", mixinStandardHelpOptions = true,
        description = {
            "Measure device robustness step by step on PhysioNet 2016, CirCor 2022 and PASCAL 2011 and print one row "
                    + "per step: PhysioNet leave-one-source-out balanced accuracy, CirCor murmur recall at "
                    + "specificity 0.90 and patient-level weighted accuracy, PASCAL five-class accuracy and macro-F1, "
                    + "and the source check.",
            "Steps: baseline (default analysis), common (2 kHz, 25-900 Hz, a rate and band every source has), "
                    + "level and mean-log-spectrum (per-recording normalisation on top of common), balanced (source "
                    + "and class balanced weights), drop-source (without the quarter of features that most identify "
                    + "the PhysioNet source), pooled (trained on every corpus through the label taxonomy), cycles "
                    + "(balanced, with the heart-cycle feature groups), cycles-pooled (cycles trained on every "
                    + "corpus)."
        })
final class BenchCorpora implements Callable<Integer> {

    static final String PHYSIONET = CorpusProtocols.PHYSIONET;
    static final String CIRCOR = CorpusProtocols.CIRCOR;
    static final String PASCAL = CorpusProtocols.PASCAL;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding circor2022/ and physionet2016/ (default: $AUSCULT_DATA, else ~/auscult-data).")
    Path data;

    @Option(names = "--pascal", paramLabel = "DIR", description = "PASCAL 2011 collection (default: ${DEFAULT-VALUE}).")
    Path pascal = BenchCommand.DEFAULT_DATA;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Feature-table cache (default: auscult-bench-cache in the temporary folder).")
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "auscult-bench-cache");

    @Option(names = "--steps", split = ",", paramLabel = "STEP",
            defaultValue = "baseline,common,level,mean-log-spectrum,balanced,drop-source,pooled,cycles,cycles-pooled",
            description = "Steps to run (default: ${DEFAULT-VALUE}).")
    List<String> steps;

    @Option(names = "--normalisation", defaultValue = "none", paramLabel = "NORM",
            description = "Spectral normalisation the balanced, drop-source, pooled and cycles steps build on: none, "
                    + "level, mean-log-spectrum (default: ${DEFAULT-VALUE}, the best measured).")
    String normalisation;

    @Option(names = "--preset", defaultValue = "random-forest", paramLabel = "PRESET",
            description = "Model preset for every step (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--trees", defaultValue = "100", description = "Forest trees (default: ${DEFAULT-VALUE}).")
    int trees;

    @Option(names = "--drop-share", defaultValue = "0.25", paramLabel = "SHARE",
            description = "Share of features removed by drop-source, those with the largest source eta squared "
                    + "(default: ${DEFAULT-VALUE}).")
    double dropShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Threads (default: cores).")
    int jobs;

    @Option(names = "--verbose", description = "Also print per-source and per-fold details.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path corpora = data != null ? data : defaultDataFolder();
        Map<String, Path> locations = new LinkedHashMap<>();
        locations.put(PHYSIONET, corpora.resolve(PHYSIONET));
        locations.put(CIRCOR, corpora.resolve(CIRCOR));
        locations.put(PASCAL, pascal);
        for (Map.Entry<String, Path> entry : locations.entrySet()) {
            if (!Files.exists(entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " not found at " + entry.getValue().toAbsolutePath()
                        + "; name the folders with --data and --pascal");
            }
        }
        Map<String, RecordingCollection> collections = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : locations.entrySet()) {
            collections.put(entry.getKey(), new CollectionImporter().importCollection(entry.getValue(),
                    ImportOptions.defaults()));
        }
        Corpora combined = new Corpora(collections);
        int threads = Jobs.resolve(jobs);
        CorpusFeatureCache features = new CorpusFeatureCache(cache, threads, line -> {
            out.println(line);
            out.flush();
        });
        CorpusProtocols protocols = new CorpusProtocols(modelSpec(), dropShare, seed, verbose ? out::println : null);
        out.printf(Locale.ROOT, "Device-robustness benchmark: %s; model %s (%d trees), seed %d, %d threads%n",
                collections.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().recordings().size())
                        .toList(), preset, trees, seed, threads);
        out.printf(Locale.ROOT, "%-20s %10s %12s %10s %10s %10s %10s %8s%n", "step", "PN LOSO BA", "CC R@Sp.90",
                "CC WA", "PA acc", "PA mF1", "src check", "wall s");
        out.flush();
        for (String name : steps) {
            CorpusStep step = step(name);
            long start = System.nanoTime();
            List<CorpusRow> rows = features.rows(combined, collections, locations, AnalysisConfig.of(step.analysis()));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                double loso = protocols.physioNetLoso(rows, step, pool);
                double[] circor = protocols.circorCv(rows, step, pool);
                double[] pascalScores = protocols.pascalCv(rows, step, pool);
                double sourceCheck = protocols.sourceCheck(rows, step, pool);
                out.printf(Locale.ROOT, "%-20s %10.3f %12.3f %10.3f %10.3f %10.3f %10.3f %8.0f%n", step.name(), loso,
                        circor[0], circor[1], pascalScores[0], pascalScores[1], sourceCheck,
                        (System.nanoTime() - start) / 1e9);
                out.flush();
            } finally {
                pool.shutdownNow();
            }
        }
        return AuscultCommand.EXIT_OK;
    }

    static Path defaultDataFolder() {
        String configured = System.getenv("AUSCULT_DATA");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), "auscult-data");
    }

    /** The named step ({@link CorpusStep#parse}) on top of this command's --normalisation. */
    CorpusStep step(String name) {
        return CorpusStep.parse(name, normalisation);
    }

    ModelSpec modelSpec() {
        Preset chosen = Preset.valueOf(preset.toUpperCase(Locale.ROOT).replace('-', '_'));
        ModelSpec base = ModelSpec.DEFAULTS.withPreset(chosen).withBalancing(Balancing.NONE).withSeed(seed);
        RandomForestOptions forest = base.forest();
        return base.withForest(new RandomForestOptions(trees, forest.featuresPerSplit(), forest.maxDepth(),
                forest.seed()));
    }
}
