package org.auscult.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speed and class-imbalance behaviour of the models on a synthetic stand-in for PASCAL's feature table: 585 rows,
 * 60 features, classes of 351/129/46/40/19 rows, patients of 2 rows, overlapping Gaussian blobs. Prints a table;
 * asserts nothing about time. Run with
 * {@code mvn -B -o -q test -Pbenchmark -Dtest=LearnBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The real benchmark on heart-sound features replaces the synthetic table once the features exist.
 */
@Tag("benchmark")
class LearnBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(LearnBenchmark.class);
    private static final int[] PASCAL = {351, 129, 46, 40, 19};
    private static final LabelledDataset DATA = Blobs.make(PASCAL, 60, 2, 1.5, 2011);

    private record Row(String name, EvaluationResult result, double cpuSeconds) {
    }

    @Test
    void designsAndBalancings() {
        List<Row> rows = new ArrayList<>();
        int threads = Integer.getInteger("benchmark.threads", 2);
        EvaluationOptions options = new EvaluationOptions(Protocol.GROUPED_CV, 10, 3, 1, threads);
        for (Balancing balancing : Balancing.values()) {
            rows.add(run("stacked, " + OptionMap.enumText(balancing) + " (a = 1)", options,
                    ModelSpec.DEFAULTS.withCostSensitive(1.0).withBalancing(balancing)));
        }
        rows.add(run("stacked, class-weights, 10 internal folds", options, ModelSpec.DEFAULTS
                .withBalancing(Balancing.CLASS_WEIGHTS).withStacked(new StackedOptions(10,
                        StackedOptions.DEFAULTS.baseModels(), StackedOptions.DEFAULTS.metaRidge()))));
        for (Preset preset : List.of(Preset.RANDOM_FOREST, Preset.SMO, Preset.LOGITBOOST, Preset.ADABOOST,
                Preset.VOTING)) {
            rows.add(run(OptionMap.enumText(preset) + ", class-weights", options,
                    ModelSpec.of(preset).withBalancing(Balancing.CLASS_WEIGHTS)));
        }
        rows.add(run("stacked, default (cost-sensitive a = 0.5)", options, ModelSpec.DEFAULTS));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%-36s %8s %8s %8s %8s %8s %8s %8s%n", "model (" + options.describe() + ")", "acc", "bal.acc",
                "macroF1", "recall2", "recall4", "wall s", "cpu s"));
        for (Row row : rows) {
            ConfusionMatrix confusion = row.result.confusion();
            table.append(String.format(Locale.ROOT, "%-36s %8.3f %8.3f %8.3f %8.3f %8.3f %8.1f %8.1f%n", row.name,
                    confusion.accuracy(), confusion.balancedAccuracy(), confusion.macroF1(), confusion.recall(2),
                    confusion.recall(4), row.result.wallTimeMillis() / 1000.0, row.cpuSeconds));
        }
        LOG.info("{}", table);
    }

    /**
     * The cost-sensitive posterior at strengths 0..1, computed from one unbalanced run: {@link
     * CostSensitivePosterior} only rescales the posterior by {@code w_c^a} from each fold's training counts, and the
     * model underneath is seeded identically, so rescaling the out-of-fold posteriors reproduces its evaluation.
     */
    @Test
    void priorCorrectionSweep() {
        EvaluationOptions options = new EvaluationOptions(Protocol.GROUPED_CV, 10, 3, 1,
                Integer.getInteger("benchmark.threads", 2));
        java.util.Map<Preset, EvaluationResult> runs = new java.util.LinkedHashMap<>();
        for (Preset preset : List.of(Preset.STACKED, Preset.VOTING)) {
            runs.put(preset, new Evaluator(options).evaluate(DATA, ModelSpec.of(preset).withBalancing(Balancing.NONE)));
        }
        List<Fold> folds = Folds.plan(options, DATA);
        int[] labels = DATA.classIndex();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-22s %8s %8s %8s %8s %8s%n",
                "model, strength a", "acc", "bal.acc", "macroF1", "recall2", "recall4"));
        for (var run : runs.entrySet()) {
            for (double strength : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                List<Prediction> rescaled = new ArrayList<>();
                for (Prediction prediction : run.getValue().predictions()) {
                    Fold fold = folds.stream().filter(f -> f.repeat() == prediction.repeat()
                            && f.fold() == prediction.fold()).findFirst().orElseThrow();
                    double[] counts = new double[PASCAL.length];
                    for (int row : fold.trainRows()) {
                        counts[labels[row]]++;
                    }
                    double[] posterior = prediction.posterior();
                    double sum = 0;
                    for (int c = 0; c < posterior.length; c++) {
                        posterior[c] *= Math.pow(fold.trainRows().length / (PASCAL.length * counts[c]), strength);
                        sum += posterior[c];
                    }
                    for (int c = 0; c < posterior.length; c++) {
                        posterior[c] /= sum;
                    }
                    rescaled.add(Prediction.of(prediction.repeat(), prediction.fold(), prediction.row(),
                            prediction.id(), prediction.truth(), posterior));
                }
                ConfusionMatrix m = new EvaluationResult("", DATA.classNames(), rescaled, 0).confusion();
                table.append(String.format(Locale.ROOT, "%-22s %8.3f %8.3f %8.3f %8.3f %8.3f%n",
                        OptionMap.enumText(run.getKey()) + ", " + strength, m.accuracy(), m.balancedAccuracy(),
                        m.macroF1(), m.recall(2), m.recall(4)));
            }
        }
        LOG.info("{}", table);
    }

    /** CPU seconds of one build of each component on the whole table: where the reference design's time goes. */
    @Test
    void componentCosts() throws Exception {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        StackedOptions one = new StackedOptions(2, List.of(StackedOptions.BaseModel.RANDOM_FOREST), 1e-8);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-40s %10s%n", "component (one build, "
                + DATA.size() + " x " + DATA.featureNames().size() + ", class weights)", "cpu s"));
        record Component(String name, ModelSpec spec) {
        }
        List<Component> components = List.of(
                new Component("random forest, 100 trees", ModelSpec.of(Preset.RANDOM_FOREST)),
                new Component("SMO rbf, calibrated", ModelSpec.of(Preset.SMO)),
                new Component("SMO linear, calibrated", ModelSpec.of(Preset.SMO).withSmo(
                        new SmoOptions(1, new SmoKernel.Polynomial(1), true))),
                new Component("LogitBoost, 10 stumps", ModelSpec.of(Preset.LOGITBOOST)),
                new Component("AdaBoost.M1, 10 J48", ModelSpec.of(Preset.ADABOOST)),
                new Component("stacked, 5 internal folds", ModelSpec.DEFAULTS),
                new Component("stacked, 10 internal folds", ModelSpec.DEFAULTS.withStacked(new StackedOptions(10,
                        StackedOptions.DEFAULTS.baseModels(), 1e-8))),
                new Component("stacking overhead (forest only, 2 folds)", ModelSpec.DEFAULTS.withStacked(one)));
        weka.core.Instances instances = DATA.toInstances();
        for (Component component : components) {
            weka.classifiers.Classifier classifier = ModelFactory.build(component.spec().withBalancing(Balancing.CLASS_WEIGHTS));
            long start = bean.getCurrentThreadCpuTime();
            classifier.buildClassifier(instances);
            table.append(String.format(Locale.ROOT, "%-40s %10.2f%n", component.name(),
                    (bean.getCurrentThreadCpuTime() - start) / 1e9));
        }
        LOG.info("{}", table);
    }

    @Test
    void trainSaveAndLoadTheReferenceModel() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("auscult-benchmark");
        java.nio.file.Path file = folder.resolve("stacked.auscult");
        try {
            long start = System.nanoTime();
            TrainedModel model = Trainer.train(DATA, ModelSpec.DEFAULTS, java.util.Map.of(), null);
            long trained = System.nanoTime();
            ModelFile.save(model, file, false);
            long saved = System.nanoTime();
            TrainedModel loaded = ModelFile.load(file);
            long loadedAt = System.nanoTime();
            double[][] posteriors = loaded.posteriors(DATA.features());
            long predicted = System.nanoTime();
            LOG.info(String.format(Locale.ROOT, "%nreference model on %d x %d: train %.1f s, save %.2f s, file %.2f MB,"
                            + " load %.2f s, predict %d rows %.3f s (%d posteriors)", DATA.size(),
                    DATA.featureNames().size(), (trained - start) / 1e9, (saved - trained) / 1e9,
                    java.nio.file.Files.size(file) / 1e6, (loadedAt - saved) / 1e9, DATA.size(),
                    (predicted - loadedAt) / 1e9, posteriors.length));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.delete(folder);
        }
    }

    private static Row run(String name, EvaluationOptions options, ModelSpec spec) {
        long cpuStart = processCpuNanos();
        EvaluationResult result = new Evaluator(options).evaluate(DATA, spec);
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        LOG.info("{} ({} cpu s): {}", name, cpuSeconds, result.toTable());
        return new Row(name, result, cpuSeconds);
    }

    /** CPU time of the whole process: unlike wall time, not inflated when other work shares the cores. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
