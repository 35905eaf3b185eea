package org.auscult.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.DeviceBalancing;
import org.auscult.learn.Fold;
import org.auscult.learn.Folds;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Murmur;
import org.auscult.learn.MurmurWeightedAccuracy;
import org.auscult.learn.OperatingPoint;
import org.auscult.learn.PatientVerdict;
import org.auscult.library.LabelTaxonomy;

/**
 * The headline protocols of device robustness over PhysioNet 2016, CirCor 2022 and PASCAL 2011, each scoring one
 * {@link CorpusStep} on the {@link CorpusRow}s of the three corpora:
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
 */
public final class CorpusProtocols {

    public static final String PHYSIONET = "physionet2016";
    public static final String CIRCOR = "circor2022";
    public static final String PASCAL = "pascal2011";

    private final ModelSpec spec;
    private final double dropShare;
    private final long seed;
    private final boolean verbose;
    private final Consumer<String> details;

    /**
     * @param spec      the model every protocol trains
     * @param dropShare share of features drop-source removes
     * @param seed      seed of folds and resampling
     * @param details   told per-source and per-fold details, one line each; {@code null} for none
     */
    public CorpusProtocols(ModelSpec spec, double dropShare, long seed, Consumer<String> details) {
        this.spec = spec;
        this.dropShare = dropShare;
        this.seed = seed;
        this.verbose = details != null;
        this.details = details;
    }

    private CorpusModel train(List<CorpusRow> candidates, Function<CorpusRow, String> labeller,
                              List<String> classes, CorpusStep step, List<CorpusRow> sourceRows) throws Exception {
        return CorpusModel.train(candidates, labeller, classes, step, sourceRows, spec, dropShare, seed);
    }

    /** PhysioNet 2016 leave-one-source-out balanced accuracy (normal against follow-up), predictions pooled. */
    public double physioNetLoso(List<CorpusRow> rows, CorpusStep step, ExecutorService pool) throws Exception {
        List<CorpusRow> physionet = rows.stream().filter(r -> r.corpus().equals(PHYSIONET) && !r.label().isEmpty())
                .toList();
        List<String> sources = physionet.stream().map(CorpusRow::source).distinct().sorted().toList();
        List<String> classes = List.of(LabelTaxonomy.NORMAL, LabelTaxonomy.FOLLOW_UP);
        List<Future<int[][]>> futures = new ArrayList<>();
        for (String held : sources) {
            futures.add(pool.submit(() -> {
                // the other PhysioNet sources, and with a pooled step every other corpus
                List<CorpusRow> train = rows.stream().filter(row -> row.corpus().equals(PHYSIONET)
                        ? !row.source().equals(held) : step.pooled()).toList();
                List<CorpusRow> test = physionet.stream().filter(r -> r.source().equals(held)).toList();
                CorpusModel model = train(train, r -> followUp(r), classes, step, physioNetSources(train));
                return pairs(model, test, CorpusProtocols::followUp, classes);
            }));
        }
        List<int[][]> folds = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            int[][] pairs = futures.get(s).get();
            folds.add(pairs);
            if (verbose) {
                ConfusionMatrix one = pooled(classes, List.<int[][]>of(pairs));
                details.accept(String.format(Locale.ROOT,
                        "  %s held out: %d records, recall normal %.3f, recall abnormal %.3f",
                        sources.get(s), pairs.length, one.recall(0), one.recall(1)));
            }
        }
        return pooled(classes, folds).balancedAccuracy();
    }

    /** For each row of {@code test}, the class index of its truth as {@code label} reads it, and the prediction. */
    private static int[][] pairs(CorpusModel model, List<CorpusRow> test, Function<CorpusRow, String> label,
                                 List<String> classes) throws Exception {
        int[][] pairs = new int[test.size()][2];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i][0] = classes.indexOf(label.apply(test.get(i)));
            pairs[i][1] = model.predict(test.get(i).x());
        }
        return pairs;
    }

    /** The confusion matrix of the (truth, prediction) pairs of every fold. */
    private static ConfusionMatrix pooled(List<String> classes, List<int[][]> folds) {
        int[][] all = folds.stream().flatMap(Arrays::stream).toArray(int[][]::new);
        return ConfusionMatrix.of(classes, Arrays.stream(all).mapToInt(pair -> pair[0]).toArray(),
                Arrays.stream(all).mapToInt(pair -> pair[1]).toArray());
    }

    /** The pairs of every fold, in order, once each is done. */
    private static List<int[][]> done(List<Future<int[][]>> futures) throws Exception {
        List<int[][]> folds = new ArrayList<>();
        for (Future<int[][]> future : futures) {
            folds.add(future.get());
        }
        return folds;
    }

    private static String followUp(CorpusRow row) {
        return LabelTaxonomy.labelFor(LabelTaxonomy.Answer.FOLLOW_UP, row.layout(), row.recording()).orElse("");
    }

    private static String murmur(CorpusRow row) {
        return LabelTaxonomy.labelFor(LabelTaxonomy.Answer.MURMUR, row.layout(), row.recording()).orElse("");
    }

    /** The PhysioNet sources among training rows, for ranking device-identifying features. */
    private static List<CorpusRow> physioNetSources(List<CorpusRow> train) {
        return train.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
    }

    /** {recall at specificity 0.90, patient-level weighted accuracy} on CirCor. */
    public double[] circorCv(List<CorpusRow> rows, CorpusStep step, ExecutorService pool) throws Exception {
        List<CorpusRow> circor = rows.stream().filter(r -> r.corpus().equals(CIRCOR)).toList();
        Map<String, Murmur> status = new TreeMap<>();
        for (CorpusRow row : circor) {
            Murmur murmur = Murmur.parse(row.originalLabel());
            status.merge(row.patient(), murmur, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        int folds = 5;
        Map<String, Integer> foldOf = DeviceBalancing.stratifiedPatientFolds(status, folds, seed);
        List<CorpusRow> physionetRows = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        List<String> classes = List.of(LabelTaxonomy.NORMAL, LabelTaxonomy.MURMUR);
        List<Future<double[]>> futures = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            futures.add(pool.submit(() -> {
                List<CorpusRow> train = Stream.concat(circor.stream().filter(r -> foldOf.get(r.patient()) != fold),
                        rows.stream().filter(r -> step.pooled() && r.corpus().equals(PASCAL))).toList();
                CorpusModel model = train(train, CorpusProtocols::murmur, classes, step, physionetRows);
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
        int[] labelled = IntStream.range(0, circor.size()).filter(i -> !murmur(circor.get(i)).isEmpty()).toArray();
        double[] s = Arrays.stream(labelled).mapToDouble(i -> score[i]).toArray();
        boolean[] p = new boolean[labelled.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = murmur(circor.get(labelled[i])).equals(LabelTaxonomy.MURMUR);
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
                details.accept(String.format(Locale.ROOT, "  CirCor fold %d: present >= %.2f, unknown >= %.2f",
                        fold + 1, rule.presentThreshold(), rule.unknownThreshold()));
            }
            for (Map.Entry<String, List<Double>> entry : perPatient.entrySet()) {
                if (foldOf.get(entry.getKey()) == fold) {
                    truth.add(status.get(entry.getKey()));
                    verdicts.add(rule.verdict(toArray(entry.getValue())));
                }
            }
        }
        if (verbose) {
            details.accept(String.format(Locale.ROOT,
                    "  CirCor: %d recordings scored, %d patients; recall %.3f at specificity %.3f",
                    s.length, truth.size(), point.recall(), point.specificity()));
            int[][] confusion = MurmurWeightedAccuracy.confusion(truth, verdicts);
            details.accept(String.format(Locale.ROOT, "  CirCor patients [verdict][truth] P/U/A: %s",
                    Arrays.deepToString(confusion)));
        }
        return new double[] {point.recall(), MurmurWeightedAccuracy.of(truth, verdicts)};
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {accuracy, macro-F1} of PASCAL's five classes, patient-grouped 10-fold. */
    public double[] pascalCv(List<CorpusRow> rows, CorpusStep step, ExecutorService pool) throws Exception {
        List<CorpusRow> pascalRows = rows.stream().filter(r -> r.corpus().equals(PASCAL) && !r.label().isEmpty())
                .toList();
        List<String> classes = pascalRows.stream().map(CorpusRow::label).distinct().sorted().toList();
        List<CorpusRow> physionetRows = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        double[][] x = pascalRows.stream().map(CorpusRow::x).toArray(double[][]::new);
        int[] y = pascalRows.stream().mapToInt(r -> classes.indexOf(r.label())).toArray();
        String[] ids = pascalRows.stream().map(CorpusRow::id).toArray(String[]::new);
        String[] groups = pascalRows.stream().map(CorpusRow::patient).toArray(String[]::new);
        String[] sources = pascalRows.stream().map(CorpusRow::source).toArray(String[]::new);
        List<String> names = IntStream.range(0, x[0].length).mapToObj(i -> "f" + i).toList();
        LabelledDataset dataset = new LabelledDataset(names, classes, x, y, ids, groups, sources);
        List<Fold> plan = Folds.groupedCrossValidation(dataset, 10, 1, seed);
        List<Future<int[][]>> futures = new ArrayList<>();
        for (Fold fold : plan) {
            futures.add(pool.submit(() -> {
                List<CorpusRow> train = Arrays.stream(fold.trainRows()).mapToObj(pascalRows::get).toList();
                CorpusModel model = train(train, CorpusRow::label, classes, step, physionetRows);
                return pairs(model, Arrays.stream(fold.testRows()).mapToObj(pascalRows::get).toList(),
                        CorpusRow::label, classes);
            }));
        }
        ConfusionMatrix matrix = pooled(classes, done(futures));
        return new double[] {matrix.accuracy(), matrix.macroF1()};
    }

    /** Balanced accuracy of a forest naming the PhysioNet source from the step's (kept) features, 5-fold. */
    public double sourceCheck(List<CorpusRow> rows, CorpusStep step, ExecutorService pool) throws Exception {
        List<CorpusRow> physionet = rows.stream().filter(r -> r.corpus().equals(PHYSIONET)).toList();
        List<String> classes = physionet.stream().map(CorpusRow::source).distinct().sorted().toList();
        CorpusStep plain = new CorpusStep(step.name(), step.analysis(), false, step.dropSource(), false);
        Map<String, Integer> foldOf = new HashMap<>();
        List<CorpusRow> shuffled = new ArrayList<>(physionet);
        Collections.shuffle(shuffled, new Random(seed));
        for (int i = 0; i < shuffled.size(); i++) {
            foldOf.put(shuffled.get(i).id(), i % 5);
        }
        List<Future<int[][]>> futures = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            int fold = f;
            futures.add(pool.submit(() -> {
                List<CorpusRow> train = physionet.stream().filter(r -> foldOf.get(r.id()) != fold).toList();
                List<CorpusRow> test = physionet.stream().filter(r -> foldOf.get(r.id()) == fold).toList();
                CorpusModel model = train(train, CorpusRow::source, classes, plain, train);
                return pairs(model, test, CorpusRow::source, classes);
            }));
        }
        return pooled(classes, done(futures)).balancedAccuracy();
    }
}
