package org.auscult.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureRow;
import org.auscult.analysis.FeatureTable;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableFormat;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.Fold;
import org.auscult.learn.Folds;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelFactory;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Murmur;
import org.auscult.learn.MurmurWeightedAccuracy;
import org.auscult.learn.OperatingPoint;
import org.auscult.learn.PatientVerdict;
import org.auscult.learn.Preset;
import org.auscult.learn.RandomForestOptions;
import org.auscult.learn.Balancing;
import org.auscult.library.CollectionImporter;
import org.auscult.library.Corpora;
import org.auscult.library.ImportOptions;
import org.auscult.library.LabelTaxonomy;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * {@code auscult bench corpora}: device robustness measured one step at a time on the three public corpora, one
 * table row per step, so that every figure of docs/benchmarks.md comes from one command.
 *
 * <p>Each step is a recipe: an analysis configuration (rate, band, per-recording spectral normalisation), a
 * training weighting (class-balanced, or source-and-class balanced), optionally the removal of the features that
 * most identify the device, optionally training on every corpus through the {@link LabelTaxonomy}. Each is scored
 * by the headline protocols:
 * <ul>
 *   <li>PhysioNet 2016 leave-one-source-out: train on five sources (normal / abnormal = follow-up), predict the
 *       sixth; balanced accuracy of all out-of-source predictions pooled.</li>
 *   <li>CirCor 2022 patient-grouped 5-fold cross-validation (folds stratified by patient murmur status; a child
 *       with two IDs is one patient): recording-level murmur recall at specificity >= 0.90 (the ROC point of the
 *       pooled out-of-fold murmur probabilities of recordings labelled murmur or normal) and the patient-level
 *       {@link MurmurWeightedAccuracy} of {@link PatientVerdict}s whose thresholds are fitted, for each test fold, on
 *       the out-of-fold probabilities of the other folds' patients only.</li>
 *   <li>PASCAL 2011 five classes, patient-grouped 10-fold cross-validation: accuracy and macro-F1.</li>
 *   <li>Source check: how well the features name the PhysioNet source (balanced accuracy of a forest predicting
 *       the six sources, 5-fold); 1/6 is chance, high means the features identify the device.</li>
 * </ul>
 * Features are computed once per recording and analysis configuration and cached as feature tables (with their
 * configuration beside) outside the repository.
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

    static final String PHYSIONET = "physionet2016";
    static final String CIRCOR = "circor2022";
    static final String PASCAL = "pascal2011";

    /** The analysis every source supports: PhysioNet's 2 kHz rate, a band below its 1 kHz Nyquist frequency. */
    static final Map<String, String> COMMON = orderedMap("analysis.rate", "2000", "bandpass.low", "25",
            "bandpass.high", "900", "bandpass.order", "4", "feature.frameSize", "128", "feature.hopSize", "32",
            "feature.fmax", "1000");

    /** The whole-recording features and the heart-cycle groups (docs/decisions/cycle-features.md). */
    static final String CYCLE_FEATURES = "mfcc,zcr,spectral_centroid,spectral_rolloff,chroma,rhythm,quality,cycle,"
            + "cycle_mfcc,cycle_murmur";

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

    /** One recipe. */
    record Step(String name, Map<String, String> analysis, boolean sourceBalanced, boolean dropSource,
                boolean pooled) {
    }

    /** One recording with its features. */
    record Row(String id, String corpus, String source, String patient, String label, String originalLabel,
               Layout layout, Recording recording, double[] x) {
    }

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
        Files.createDirectories(cache);
        out.printf(Locale.ROOT, "Device-robustness benchmark: %s; model %s (%d trees), seed %d, %d threads%n",
                collections.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().recordings().size())
                        .toList(), preset, trees, seed, threads);
        out.printf(Locale.ROOT, "%-20s %10s %12s %10s %10s %10s %10s %8s%n", "step", "PN LOSO BA", "CC R@Sp.90",
                "CC WA", "PA acc", "PA mF1", "src check", "wall s");
        out.flush();
        for (String name : steps) {
            Step step = step(name);
            long start = System.nanoTime();
            List<Row> rows = rows(combined, collections, locations, AnalysisConfig.of(step.analysis()), threads, out);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                double loso = physioNetLoso(rows, step, pool, out);
                double[] circor = circorCv(rows, step, pool, out);
                double[] pascalScores = pascalCv(rows, step, pool);
                double sourceCheck = sourceCheck(rows, step, pool);
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

    /**
     * A named step, optionally with modifiers after '+': {@code +drop-source} removes the source-identifying
     * features, {@code +class-weights} weights by class only (no source balancing), {@code +level} and
     * {@code +mean-log-spectrum} set the spectral normalisation ({@code cycles+drop-source}).
     */
    Step step(String name) {
        String[] parts = name.split("\\+");
        Step step = baseStep(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            Map<String, String> analysis = new LinkedHashMap<>(step.analysis());
            step = switch (parts[i]) {
                case "drop-source" -> new Step(name, step.analysis(), step.sourceBalanced(), true, step.pooled());
                case "class-weights" -> new Step(name, step.analysis(), false, step.dropSource(), step.pooled());
                case "none", "level", "mean-log-spectrum" -> {
                    analysis.put("feature.spectralNorm", parts[i]);
                    yield new Step(name, analysis, step.sourceBalanced(), step.dropSource(), step.pooled());
                }
                default -> throw new IllegalArgumentException("unknown step modifier '" + parts[i]
                        + "'; known: drop-source, class-weights, none, level, mean-log-spectrum");
            };
        }
        return new Step(name, step.analysis(), step.sourceBalanced(), step.dropSource(), step.pooled());
    }

    private Step baseStep(String name) {
        Map<String, String> normalised = new LinkedHashMap<>(COMMON);
        normalised.put("feature.spectralNorm", normalisation);
        return switch (name) {
            case "baseline" -> new Step(name, Map.of(), false, false, false);
            case "common" -> new Step(name, COMMON, false, false, false);
            case "level", "mean-log-spectrum" -> {
                Map<String, String> analysis = new LinkedHashMap<>(COMMON);
                analysis.put("feature.spectralNorm", name);
                yield new Step(name, analysis, false, false, false);
            }
            case "balanced" -> new Step(name, normalised, true, false, false);
            case "drop-source" -> new Step(name, normalised, true, true, false);
            case "pooled" -> new Step(name, normalised, true, true, true);
            case "cycles", "cycles-pooled" -> {
                Map<String, String> analysis = new LinkedHashMap<>(normalised);
                analysis.put("feature.features", CYCLE_FEATURES);
                yield new Step(name, analysis, true, false, name.equals("cycles-pooled"));
            }
            default -> throw new IllegalArgumentException("unknown step '" + name + "'; known: baseline, common, "
                    + "level, mean-log-spectrum, balanced, drop-source, pooled, cycles, cycles-pooled");
        };
    }

    // ---------------------------------------------------------------- features, cached

    private List<Row> rows(Corpora combined, Map<String, RecordingCollection> collections, Map<String, Path> locations,
                           AnalysisConfig config, int threads, PrintWriter out) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, Recording> combinedById = new HashMap<>();
        combined.recordings().forEach(r -> combinedById.put(r.id(), r));
        for (Map.Entry<String, RecordingCollection> entry : collections.entrySet()) {
            String corpus = entry.getKey();
            FeatureTable table = features(corpus, locations.get(corpus), entry.getValue(), config, threads, out);
            for (FeatureRow row : table.rows()) {
                Recording recording = combinedById.get(corpus + "/" + row.id());
                if (recording == null) {
                    continue;
                }
                rows.add(new Row(recording.id(), corpus, recording.source(), recording.patient(),
                        recording.label().orElse(""), recording.originalLabel(), entry.getValue().layout(),
                        recording, row.values()));
            }
        }
        return rows;
    }

    private FeatureTable features(String corpus, Path location, RecordingCollection collection, AnalysisConfig config,
                                  int threads, PrintWriter out) throws IOException {
        Map<String, String> properties = new TreeMap<>(config.toProperties());
        try (DirectoryStream<Path> tables = Files.newDirectoryStream(cache, "*-" + corpus + ".csv")) {
            for (Path table : tables) {
                Path configuration = FeatureTableFormat.configurationFile(table);
                if (Files.isRegularFile(configuration) && properties.equals(readProperties(configuration))) {
                    return readTable(table, properties);
                }
            }
        }
        out.printf("extracting %s features (%d recordings) under %s ...%n", corpus, collection.recordings().size(),
                properties);
        out.flush();
        List<FeatureTableBuilder.Input> inputs = collection.recordings().stream().map(FeatureTableBuilder.Input::of)
                .toList();
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, threads).build(inputs, (d, t, s) -> { });
        Path file = cache.resolve(digest(location.toAbsolutePath() + properties.toString()) + "-" + corpus + ".csv");
        FeatureTableFormat.CSV.write(result.table(), file, true);
        return result.table();
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    /** Reads a CSV feature table as {@link FeatureTableFormat#CSV} writes it (id,path,label,patient,source,...). */
    static FeatureTable readTable(Path file, Map<String, String> configuration) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = csvFields(reader.readLine());
            List<String> names = header.subList(5, header.size());
            List<FeatureRow> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = csvFields(line);
                double[] values = new double[names.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(fields.get(5 + i));
                }
                rows.add(new FeatureRow(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                        values));
            }
            return FeatureTable.of(names, rows, configuration);
        }
    }

    /** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- protocols

    /** PhysioNet 2016 leave-one-source-out balanced accuracy (normal against follow-up), predictions pooled. */
    private double physioNetLoso(List<Row> rows, Step step, ExecutorService pool, PrintWriter out) throws Exception {
        List<Row> physionet = rows.stream().filter(r -> r.corpus().equals(PHYSIONET) && !r.label().isEmpty()).toList();
        List<String> sources = physionet.stream().map(Row::source).distinct().sorted().toList();
        List<String> classes = List.of(LabelTaxonomy.NORMAL, LabelTaxonomy.FOLLOW_UP);
        List<Future<int[][]>> futures = new ArrayList<>();
        for (String held : sources) {
            futures.add(pool.submit(() -> {
                List<Row> train = new ArrayList<>();
                for (Row row : rows) {
                    boolean otherPhysioNet = row.corpus().equals(PHYSIONET) && !row.source().equals(held);
                    if (otherPhysioNet || (step.pooled() && !row.corpus().equals(PHYSIONET))) {
                        train.add(row);
                    }
                }
                List<Row> test = physionet.stream().filter(r -> r.source().equals(held)).toList();
                Model model = Model.train(train, r -> followUp(r), classes, step, physioNetSources(train), this);
                int[][] pairs = new int[test.size()][2];
                for (int i = 0; i < test.size(); i++) {
                    pairs[i][0] = classes.indexOf(followUp(test.get(i)));
                    pairs[i][1] = model.predict(test.get(i).x());
                }
                return pairs;
            }));
        }
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            int[][] pairs = futures.get(s).get();
            int[] t = new int[pairs.length];
            int[] p = new int[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                t[i] = pairs[i][0];
                p[i] = pairs[i][1];
                truth.add(t[i]);
                predicted.add(p[i]);
            }
            if (verbose) {
                ConfusionMatrix one = ConfusionMatrix.of(classes, t, p);
                out.printf(Locale.ROOT, "  %s held out: %d records, recall normal %.3f, recall abnormal %.3f%n",
                        sources.get(s), pairs.length, one.recall(0), one.recall(1));
            }
        }
        return ConfusionMatrix.of(classes, truth.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray()).balancedAccuracy();
    }

    private static String followUp(Row row) {
        return LabelTaxonomy.labelFor(LabelTaxonomy.Answer.FOLLOW_UP, row.layout(), row.recording()).orElse("");
    }

    private static String murmur(Row row) {
        return LabelTaxonomy.labelFor(LabelTaxonomy.Answer.MURMUR, row.layout(), row.recording()).orElse("");
    }

    /** The PhysioNet sources among training rows, for ranking device-identifying features. */
    private static List<Row> physioNetSources(List<Row> train) {
        return train.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
    }

    /** {recall at specificity 0.90, patient-level weighted accuracy} on CirCor. */
    private double[] circorCv(List<Row> rows, Step step, ExecutorService pool, PrintWriter out) throws Exception {
        List<Row> circor = rows.stream().filter(r -> r.corpus().equals(CIRCOR)).toList();
        Map<String, Murmur> status = new TreeMap<>();
        for (Row row : circor) {
            Murmur murmur = Murmur.parse(row.originalLabel());
            status.merge(row.patient(), murmur, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        int folds = 5;
        Map<String, Integer> foldOf = stratifiedPatientFolds(status, folds, seed);
        List<Row> physionetRows = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        List<String> classes = List.of(LabelTaxonomy.NORMAL, LabelTaxonomy.MURMUR);
        List<Future<double[]>> futures = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            futures.add(pool.submit(() -> {
                List<Row> train = new ArrayList<>();
                for (Row row : circor) {
                    if (foldOf.get(row.patient()) != fold) {
                        train.add(row);
                    }
                }
                if (step.pooled()) {
                    rows.stream().filter(r -> r.corpus().equals(PASCAL)).forEach(train::add);
                }
                Model model = Model.train(train, BenchCorpora::murmur, classes, step, physionetRows, this);
                double[] scores = new double[circor.size()];
                Arrays.fill(scores, Double.NaN);
                for (int i = 0; i < circor.size(); i++) {
                    if (foldOf.get(circor.get(i).patient()) == fold) {
                        scores[i] = model.posterior(circor.get(i).x())[1];
                    }
                }
                return scores;
            }));
        }
        double[] score = new double[circor.size()];
        for (Future<double[]> future : futures) {
            double[] part = future.get();
            for (int i = 0; i < part.length; i++) {
                if (!Double.isNaN(part[i])) {
                    score[i] = part[i];
                }
            }
        }
        // recording level: recordings labelled murmur or normal
        List<Double> labelledScores = new ArrayList<>();
        List<Boolean> positive = new ArrayList<>();
        for (int i = 0; i < circor.size(); i++) {
            String label = murmur(circor.get(i));
            if (!label.isEmpty()) {
                labelledScores.add(score[i]);
                positive.add(label.equals(LabelTaxonomy.MURMUR));
            }
        }
        double[] s = labelledScores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] p = new boolean[positive.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = positive.get(i);
        }
        OperatingPoint point = OperatingPoint.atSpecificity(s, p, 0.90);

        // patient level: thresholds fitted on the other folds' out-of-fold probabilities
        Map<String, List<Double>> perPatient = new TreeMap<>();
        for (int i = 0; i < circor.size(); i++) {
            perPatient.computeIfAbsent(circor.get(i).patient(), k -> new ArrayList<>()).add(score[i]);
        }
        List<Murmur> truth = new ArrayList<>();
        List<Murmur> verdicts = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<double[]> fitProbabilities = new ArrayList<>();
            List<Murmur> fitTruth = new ArrayList<>();
            for (Map.Entry<String, List<Double>> entry : perPatient.entrySet()) {
                if (foldOf.get(entry.getKey()) != fold) {
                    fitProbabilities.add(toArray(entry.getValue()));
                    fitTruth.add(status.get(entry.getKey()));
                }
            }
            PatientVerdict rule = PatientVerdict.fit(fitProbabilities, fitTruth);
            if (verbose) {
                out.printf(Locale.ROOT, "  CirCor fold %d: present >= %.2f, unknown >= %.2f%n", fold + 1,
                        rule.presentThreshold(), rule.unknownThreshold());
            }
            for (Map.Entry<String, List<Double>> entry : perPatient.entrySet()) {
                if (foldOf.get(entry.getKey()) == fold) {
                    truth.add(status.get(entry.getKey()));
                    verdicts.add(rule.verdict(toArray(entry.getValue())));
                }
            }
        }
        if (verbose) {
            out.printf(Locale.ROOT, "  CirCor: %d recordings scored, %d patients; recall %.3f at specificity %.3f%n",
                    s.length, truth.size(), point.recall(), point.specificity());
            int[][] confusion = MurmurWeightedAccuracy.confusion(truth, verdicts);
            out.printf(Locale.ROOT, "  CirCor patients [verdict][truth] P/U/A: %s%n", Arrays.deepToString(confusion));
        }
        return new double[] {point.recall(), MurmurWeightedAccuracy.of(truth, verdicts)};
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Patients dealt to folds in turn, within each status, after a seeded shuffle. */
    static Map<String, Integer> stratifiedPatientFolds(Map<String, Murmur> status, int folds, long seed) {
        Map<String, Integer> foldOf = new HashMap<>();
        Random random = new Random(seed);
        int next = 0;
        for (Murmur murmur : Murmur.values()) {
            List<String> patients = new ArrayList<>();
            status.forEach((patient, s) -> {
                if (s == murmur) {
                    patients.add(patient);
                }
            });
            Collections.shuffle(patients, random);
            for (String patient : patients) {
                foldOf.put(patient, next);
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }

    /** {accuracy, macro-F1} of PASCAL's five classes, patient-grouped 10-fold. */
    private double[] pascalCv(List<Row> rows, Step step, ExecutorService pool) throws Exception {
        List<Row> pascalRows = rows.stream().filter(r -> r.corpus().equals(PASCAL) && !r.label().isEmpty()).toList();
        List<String> classes = pascalRows.stream().map(Row::label).distinct().sorted().toList();
        List<Row> physionetRows = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        double[][] x = pascalRows.stream().map(Row::x).toArray(double[][]::new);
        int[] y = pascalRows.stream().mapToInt(r -> classes.indexOf(r.label())).toArray();
        String[] ids = pascalRows.stream().map(Row::id).toArray(String[]::new);
        String[] groups = pascalRows.stream().map(Row::patient).toArray(String[]::new);
        String[] sources = pascalRows.stream().map(Row::source).toArray(String[]::new);
        LabelledDataset dataset = new LabelledDataset(names(x[0].length), classes, x, y, ids, groups, sources);
        List<Fold> plan = Folds.groupedCrossValidation(dataset, 10, 1, seed);
        List<Future<int[][]>> futures = new ArrayList<>();
        for (Fold fold : plan) {
            futures.add(pool.submit(() -> {
                List<Row> train = Arrays.stream(fold.trainRows()).mapToObj(pascalRows::get).toList();
                Model model = Model.train(train, Row::label, classes, step, physionetRows, this);
                int[][] pairs = new int[fold.testRows().length][2];
                for (int i = 0; i < pairs.length; i++) {
                    Row row = pascalRows.get(fold.testRows()[i]);
                    pairs[i][0] = classes.indexOf(row.label());
                    pairs[i][1] = model.predict(row.x());
                }
                return pairs;
            }));
        }
        List<int[]> all = new ArrayList<>();
        for (Future<int[][]> future : futures) {
            all.addAll(Arrays.asList(future.get()));
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(classes, all.stream().mapToInt(a -> a[0]).toArray(),
                all.stream().mapToInt(a -> a[1]).toArray());
        return new double[] {matrix.accuracy(), matrix.macroF1()};
    }

    /** Balanced accuracy of a forest naming the PhysioNet source from the step's (kept) features, 5-fold. */
    private double sourceCheck(List<Row> rows, Step step, ExecutorService pool) throws Exception {
        List<Row> physionet = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        List<String> classes = physionet.stream().map(Row::source).distinct().sorted().toList();
        Step plain = new Step(step.name(), step.analysis(), false, step.dropSource(), false);
        Map<String, Integer> foldOf = new HashMap<>();
        List<Row> shuffled = new ArrayList<>(physionet);
        Collections.shuffle(shuffled, new Random(seed));
        for (int i = 0; i < shuffled.size(); i++) {
            foldOf.put(shuffled.get(i).id(), i % 5);
        }
        List<Future<int[][]>> futures = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            int fold = f;
            futures.add(pool.submit(() -> {
                List<Row> train = physionet.stream().filter(r -> foldOf.get(r.id()) != fold).toList();
                List<Row> test = physionet.stream().filter(r -> foldOf.get(r.id()) == fold).toList();
                Model model = Model.train(train, Row::source, classes, plain, train, this);
                int[][] pairs = new int[test.size()][2];
                for (int i = 0; i < test.size(); i++) {
                    pairs[i][0] = classes.indexOf(test.get(i).source());
                    pairs[i][1] = model.predict(test.get(i).x());
                }
                return pairs;
            }));
        }
        List<int[]> all = new ArrayList<>();
        for (Future<int[][]> future : futures) {
            all.addAll(Arrays.asList(future.get()));
        }
        return ConfusionMatrix.of(classes, all.stream().mapToInt(a -> a[0]).toArray(),
                all.stream().mapToInt(a -> a[1]).toArray()).balancedAccuracy();
    }

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("f" + i);
        }
        return names;
    }

    ModelSpec modelSpec() {
        Preset chosen = Preset.valueOf(preset.toUpperCase(Locale.ROOT).replace('-', '_'));
        ModelSpec base = ModelSpec.DEFAULTS.withPreset(chosen).withBalancing(Balancing.NONE).withSeed(seed);
        RandomForestOptions forest = base.forest();
        return base.withForest(new RandomForestOptions(trees, forest.featuresPerSplit(), forest.maxDepth(),
                forest.seed()));
    }

    // ---------------------------------------------------------------- training

    /** A trained classifier and the features it reads. */
    static final class Model {

        private final Classifier classifier;
        private final Instances header;
        private final int[] kept;

        private Model(Classifier classifier, Instances header, int[] kept) {
            this.classifier = classifier;
            this.header = header;
            this.kept = kept;
        }

        /**
         * Trains on the rows whose {@code labeller} label is one of {@code classes}. Weights: with {@code N} rows,
         * {@code K} classes and {@code n_c} rows of class {@code c}, each row weighs {@code N / (K n_c)} (every class
         * the same total); with source balancing each row weighs {@code N / (C n_{s,c})}, {@code C} the number of
         * non-empty (source, class) cells, so that every source and every class within it counts the same. With
         * drop-source, the features with the largest source eta squared among {@code sourceRows} are not used.
         */
        static Model train(List<Row> candidates, java.util.function.Function<Row, String> labeller,
                           List<String> classes, Step step, List<Row> sourceRows, BenchCorpora bench)
                throws Exception {
            List<Row> train = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (Row row : candidates) {
                int c = classes.indexOf(labeller.apply(row));
                if (c >= 0) {
                    train.add(row);
                    y.add(c);
                }
            }
            int features = train.get(0).x().length;
            int[] kept = step.dropSource() ? keptFeatures(sourceRows, features, bench.dropShare)
                    : java.util.stream.IntStream.range(0, features).toArray();
            Map<String, Integer> cells = new HashMap<>();
            int[] perClass = new int[classes.size()];
            for (int i = 0; i < train.size(); i++) {
                cells.merge(train.get(i).source() + "\u0000" + y.get(i), 1, Integer::sum);
                perClass[y.get(i)]++;
            }
            int presentClasses = (int) Arrays.stream(perClass).filter(n -> n > 0).count();
            List<String> names = new ArrayList<>();
            for (int k : kept) {
                names.add("f" + k);
            }
            Instances data = LabelledDataset.header(names, classes);
            int n = train.size();
            for (int i = 0; i < n; i++) {
                double weight = step.sourceBalanced()
                        ? n / (double) (cells.size() * cells.get(train.get(i).source() + "\u0000" + y.get(i)))
                        : n / (double) (presentClasses * perClass[y.get(i)]);
                double[] values = new double[kept.length + 1];
                for (int j = 0; j < kept.length; j++) {
                    values[j] = train.get(i).x()[kept[j]];
                }
                values[kept.length] = y.get(i);
                data.add(new DenseInstance(weight, values));
            }
            Classifier classifier = ModelFactory.build(bench.modelSpec());
            // a design that ignores instance weights (Weka's Stacking) learns from a weighted resample instead:
            // N rows drawn with replacement, each with probability proportional to its weight
            classifier.buildClassifier(classifier instanceof weka.core.WeightedInstancesHandler ? data
                    : data.resampleWithWeights(new Random(bench.seed)));
            return new Model(classifier, new Instances(data, 0), kept);
        }

        double[] posterior(double[] x) throws Exception {
            double[] values = new double[kept.length + 1];
            for (int j = 0; j < kept.length; j++) {
                values[j] = x[kept[j]];
            }
            values[kept.length] = weka.core.Utils.missingValue();
            Instance instance = new DenseInstance(1.0, values);
            instance.setDataset(header);
            return classifier.distributionForInstance(instance);
        }

        int predict(double[] x) throws Exception {
            double[] p = posterior(x);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The features to keep: all but the {@code share} with the largest source eta squared among {@code rows},
     * {@code eta^2 = sum_s n_s (mean_s - mean)^2 / sum_i (x_i - mean)^2}, the share of a feature's variance that
     * the source explains.
     */
    static int[] keptFeatures(List<Row> rows, int features, double share) {
        double[] eta = new double[features];
        Map<String, List<Row>> bySource = new TreeMap<>();
        rows.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        for (int f = 0; f < features; f++) {
            double mean = 0;
            int n = 0;
            for (Row row : rows) {
                if (Double.isFinite(row.x()[f])) {
                    mean += row.x()[f];
                    n++;
                }
            }
            mean /= Math.max(1, n);
            double total = 0;
            double between = 0;
            for (List<Row> group : bySource.values()) {
                double groupMean = 0;
                int groupN = 0;
                for (Row row : group) {
                    double v = row.x()[f];
                    if (Double.isFinite(v)) {
                        groupMean += v;
                        groupN++;
                        total += (v - mean) * (v - mean);
                    }
                }
                if (groupN > 0) {
                    groupMean /= groupN;
                    between += groupN * (groupMean - mean) * (groupMean - mean);
                }
            }
            eta[f] = total == 0 ? 0 : between / total;
        }
        Integer[] order = new Integer[features];
        for (int f = 0; f < features; f++) {
            order[f] = f;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eta[b], eta[a]));
        int drop = (int) Math.floor(share * features);
        Set<Integer> dropped = new HashSet<>(Arrays.asList(order).subList(0, drop));
        return java.util.stream.IntStream.range(0, features).filter(f -> !dropped.contains(f)).toArray();
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
