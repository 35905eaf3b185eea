package org.auscult.learn;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of an evaluation: every out-of-fold prediction, and every metric derived from them.
 *
 * <p>The headline metrics ({@link #accuracy()}, {@link #balancedAccuracy()}, {@link #macroF1()}, per-class
 * figures, sensitivity and specificity) come from the confusion matrix pooled over all repeats. With cross-validation
 * every repeat predicts every row once, so pooled accuracy and recall equal their means over the repeats. The spread
 * ({@link #spread}) is the sample standard deviation of a metric over the repeats' own confusion matrices.
 *
 * @param description    what was evaluated and how (protocol, folds, repeats, seed, model)
 * @param classNames     the classes, in index order
 * @param predictions    out-of-fold predictions in (repeat, fold, row) order
 * @param wallTimeMillis how long the evaluation took; not part of what a seed determines
 */
public record EvaluationResult(String description, List<String> classNames, List<Prediction> predictions,
                               long wallTimeMillis) implements Serializable {

    private static final long serialVersionUID = 1L;

    public EvaluationResult {
        Objects.requireNonNull(description, "description");
        classNames = List.copyOf(classNames);
        predictions = List.copyOf(predictions);
        for (Prediction prediction : predictions) {
            org.auscult.dsp.ParameterException.require(prediction.posterior().length == classNames.size(),
                    "prediction of " + prediction.id() + " has " + prediction.posterior().length
                            + " posteriors for " + classNames.size() + " classes");
        }
    }

    /** The mean and sample standard deviation of a metric over the repeats. */
    public record Spread(double mean, double standardDeviation, List<Double> perRepeat) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Spread {
            perRepeat = List.copyOf(perRepeat);
        }

        static Spread of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double sd = values.size() < 2 ? Double.NaN : Math.sqrt(squares / (values.size() - 1));
            return new Spread(mean, sd, values);
        }
    }

    /**
     * This result read on coarser classes: each class named in {@code merge} ({@code fine -> coarse}) is folded
     * into its coarse class, whose posterior is the sum of its members' ({@code p'_C = sum_{c -> C} p_c}); truth and
     * predicted class follow, the predicted class being the first greatest merged posterior. Classes not named keep
     * their own name. A model trained on finer labels (PASCAL's "noisy normal" apart from "normal", say) is so
     * scored on the classes it will be asked for.
     *
     * @throws org.auscult.dsp.ParameterException when {@code merge} names a class this result does not have
     */
    public EvaluationResult mergeClasses(java.util.Map<String, String> merge) {
        List<String> coarse = ClassMerging.coarseClasses(classNames, merge);
        int[] target = ClassMerging.targets(classNames, merge, coarse);
        List<Prediction> merged = new ArrayList<>(predictions.size());
        for (Prediction prediction : predictions) {
            merged.add(Prediction.of(prediction.repeat(), prediction.fold(), prediction.row(), prediction.id(),
                    target[prediction.truth()], ClassMerging.merge(prediction.posterior(), target, coarse.size())));
        }
        return new EvaluationResult(description + "; classes merged: " + ClassMerging.describe(merge), coarse, merged,
                wallTimeMillis);
    }

    /** This result with another wall time: compare outcomes of runs with {@code withWallTime(0)}. */
    public EvaluationResult withWallTime(long millis) {
        return new EvaluationResult(description, classNames, predictions, millis);
    }

    public Duration wallTime() {
        return Duration.ofMillis(wallTimeMillis);
    }

    /** The confusion matrix pooled over all repeats (rows truth, columns predicted). */
    public ConfusionMatrix confusion() {
        return confusionOf(predictions);
    }

    private ConfusionMatrix confusionOf(List<Prediction> subset) {
        long[][] counts = new long[classNames.size()][classNames.size()];
        subset.forEach(prediction -> counts[prediction.truth()][prediction.predicted()]++);
        return new ConfusionMatrix(classNames, counts);
    }

    /** The repeats present, in order, each with its own confusion matrix. */
    public List<ConfusionMatrix> perRepeat() {
        TreeMap<Integer, List<Prediction>> byRepeat = new TreeMap<>();
        for (Prediction prediction : predictions) {
            byRepeat.computeIfAbsent(prediction.repeat(), r -> new ArrayList<>()).add(prediction);
        }
        List<ConfusionMatrix> matrices = new ArrayList<>();
        byRepeat.values().forEach(subset -> matrices.add(confusionOf(subset)));
        return Collections.unmodifiableList(matrices);
    }

    /** A metric's mean and standard deviation over the repeats, e.g. {@code spread(ConfusionMatrix::macroF1)}. */
    public Spread spread(ToDoubleFunction<ConfusionMatrix> metric) {
        return Spread.of(perRepeat().stream().map(matrix -> metric.applyAsDouble(matrix)).toList());
    }

    public double accuracy() {
        return confusion().accuracy();
    }

    public double balancedAccuracy() {
        return confusion().balancedAccuracy();
    }

    public double macroF1() {
        return confusion().macroF1();
    }

    /** Whether sensitivity, specificity and score apply. */
    public boolean isTwoClass() {
        return classNames.size() == 2;
    }

    /**
     * How well the posterior of class {@code c} ranks that class's recordings above the others, whatever the decision
     * threshold: the one-vs-rest area under the ROC curve of {@code p_c} over every out-of-fold prediction
     * ({@link Separability#auc}; NaN when no prediction is, or every one is, of class c). A class with a low recall
     * but a high AUC is recognised and only under-predicted; a class with an AUC near 0.5 is not recognised at all.
     */
    public double rankingAuc(int c) {
        double[] positives = predictions.stream().filter(p -> p.truth() == c).mapToDouble(p -> p.posterior(c))
                .toArray();
        double[] negatives = predictions.stream().filter(p -> p.truth() != c).mapToDouble(p -> p.posterior(c))
                .toArray();
        return Separability.auc(positives, negatives);
    }

    /** The out-of-fold predictions of class {@code truth} predicted as {@code predicted}: one confusion cell. */
    public List<Prediction> cell(int truth, int predicted) {
        return predictions.stream().filter(p -> p.truth() == truth && p.predicted() == predicted).toList();
    }

    /**
     * A JSON report: {@code accuracy}, {@code balancedAccuracy}, {@code macroF1}, {@code perClass} (class name ->
     * precision, recall, f1, support), {@code confusion} ({@code labels}, {@code counts}, {@code normalised}),
     * {@code spread} (standard deviations over repeats), for two classes {@code positiveClass}, {@code
     * sensitivity}, {@code specificity}, {@code score}, and {@code description}, {@code predictionCount}, {@code
     * repeats}, {@code wallTimeSeconds}.
     */
    public String toJson() {
        return toJson(false);
    }

    /** {@link #toJson()}, with every out-of-fold prediction under {@code predictions} when asked. */
    public String toJson(boolean includePredictions) {
        ConfusionMatrix confusion = confusion();
        JsonWriter json = new JsonWriter().beginObject();
        json.name("description").value(description);
        json.name("predictionCount").value(predictions.size());
        json.name("repeats").value(perRepeat().size());
        json.name("wallTimeSeconds").value(wallTimeMillis / 1000.0);
        json.name("accuracy").value(confusion.accuracy());
        json.name("balancedAccuracy").value(confusion.balancedAccuracy());
        json.name("macroF1").value(confusion.macroF1());
        if (isTwoClass()) {
            json.name("positiveClass").value(classNames.get(confusion.positiveClass()));
            json.name("sensitivity").value(confusion.sensitivity());
            json.name("specificity").value(confusion.specificity());
            json.name("score").value(confusion.score());
        }
        json.name("perClass").beginObject();
        for (int c = 0; c < classNames.size(); c++) {
            json.name(classNames.get(c)).beginObject()
                    .name("precision").value(confusion.precision(c))
                    .name("recall").value(confusion.recall(c))
                    .name("f1").value(confusion.f1(c))
                    .name("support").value(confusion.support(c))
                    .name("auc").value(rankingAuc(c))
                    .endObject();
        }
        json.endObject();
        json.name("confusion").beginObject();
        json.name("labels").beginArray();
        classNames.forEach(json::value);
        json.endArray();
        json.name("counts").beginArray();
        for (long[] row : confusion.counts()) {
            json.beginArray();
            Arrays.stream(row).forEach(json::value);
            json.endArray();
        }
        json.endArray();
        json.name("normalised").beginArray();
        for (double[] row : confusion.rowNormalised()) {
            json.beginArray();
            Arrays.stream(row).forEach(json::value);
            json.endArray();
        }
        json.endArray();
        json.endObject();
        json.name("spread").beginObject();
        json.name("accuracy").value(spread(ConfusionMatrix::accuracy).standardDeviation());
        json.name("balancedAccuracy").value(spread(ConfusionMatrix::balancedAccuracy).standardDeviation());
        json.name("macroF1").value(spread(ConfusionMatrix::macroF1).standardDeviation());
        json.name("recall").beginObject();
        for (int c = 0; c < classNames.size(); c++) {
            int classIndex = c;
            json.name(classNames.get(c)).value(spread(m -> m.recall(classIndex)).standardDeviation());
        }
        json.endObject();
        json.endObject();
        if (includePredictions) {
            json.name("predictions").beginArray();
            for (Prediction prediction : predictions) {
                json.beginObject()
                        .name("id").value(prediction.id())
                        .name("repeat").value(prediction.repeat())
                        .name("fold").value(prediction.fold())
                        .name("truth").value(classNames.get(prediction.truth()))
                        .name("predicted").value(classNames.get(prediction.predicted()))
                        .name("posterior").beginArray();
                Arrays.stream(prediction.posterior()).forEach(json::value);
                json.endArray().endObject();
            }
            json.endArray();
        }
        return json.endObject().toJson();
    }

    /** A plain-text report for the terminal: headline metrics with their spread, per-class figures, confusion. */
    public String toTable() {
        ConfusionMatrix confusion = confusion();
        StringBuilder table = new StringBuilder();
        table.append(description).append('\n');
        table.append(String.format(Locale.ROOT, "%d predictions, %d repeat(s), %.1f s%n%n", predictions.size(),
                perRepeat().size(), wallTimeMillis / 1000.0));
        headline(table, "accuracy", confusion.accuracy(), spread(ConfusionMatrix::accuracy));
        headline(table, "balanced accuracy", confusion.balancedAccuracy(), spread(ConfusionMatrix::balancedAccuracy));
        headline(table, "macro-F1", confusion.macroF1(), spread(ConfusionMatrix::macroF1));
        if (isTwoClass()) {
            headline(table, "sensitivity", confusion.sensitivity(), spread(ConfusionMatrix::sensitivity));
            headline(table, "specificity", confusion.specificity(), spread(ConfusionMatrix::specificity));
            headline(table, "score", confusion.score(), spread(ConfusionMatrix::score));
            table.append("(positive class: ").append(classNames.get(confusion.positiveClass())).append(")\n");
        }
        int width = Math.max(5, classNames.stream().mapToInt(String::length).max().orElse(5));
        table.append('\n').append(String.format(Locale.ROOT, "%-" + width + "s %9s %9s %9s %9s %9s %9s%n", "class",
                "precision", "recall", "recall sd", "f1", "AUC", "support"));
        for (int c = 0; c < classNames.size(); c++) {
            int classIndex = c;
            table.append(String.format(Locale.ROOT, "%-" + width + "s %9.3f %9.3f %9s %9.3f %9.3f %9d%n",
                    classNames.get(c), confusion.precision(c), confusion.recall(c),
                    formatSd(spread(m -> m.recall(classIndex)).standardDeviation()), confusion.f1(c), rankingAuc(c),
                    confusion.support(c)));
        }
        table.append("\nconfusion (rows: truth, columns: predicted)\n");
        int cell = Math.max(7, width);
        table.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        classNames.forEach(name -> table.append(String.format(Locale.ROOT, " %" + cell + "s", name)));
        table.append('\n');
        for (int t = 0; t < classNames.size(); t++) {
            table.append(String.format(Locale.ROOT, "%-" + width + "s", classNames.get(t)));
            for (int p = 0; p < classNames.size(); p++) {
                table.append(String.format(Locale.ROOT, " %" + cell + "d", confusion.count(t, p)));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static void headline(StringBuilder table, String name, double value, Spread spread) {
        table.append(String.format(Locale.ROOT, "%-18s %.3f  sd %s%n", name, value,
                formatSd(spread.standardDeviation())));
    }

    private static String formatSd(double sd) {
        return Double.isNaN(sd) ? "-" : String.format(Locale.ROOT, "%.3f", sd);
    }
}
