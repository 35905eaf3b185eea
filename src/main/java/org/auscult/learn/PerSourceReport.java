package org.auscult.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an evaluation went on each source (device, site, collection) of the data: for a model meant to hold on any
 * stethoscope, the pooled figures hide a source it fails on.
 *
 * <p>Per source, from the first repeat's out-of-fold predictions: the recordings, the accuracy in the model's
 * classes, and the answer every source can teach (docs/decisions/label-taxonomy.md): normal against "needs
 * follow-up", where a recording needs follow-up when its class is neither {@code normal} nor {@code artifact}
 * (artifact says "record again"). Sensitivity is the share of follow-up recordings predicted as follow-up,
 * specificity the share of normal recordings predicted normal, balanced accuracy their mean; "-" where the source
 * has none of one side. Where the model has a {@code murmur} class, the recall of murmur recordings against normal
 * ones at specificity 0.90 of the murmur probability ({@link OperatingPoint}), as the Challenge reports it. Then the
 * follow-up answer at the operating point fitted on the whole evaluation ({@link FollowUpScreen}): the share of each
 * source's follow-up recordings at or above its threshold, and of its normal recordings below it. The last row pools
 * every source.
 *
 * @param rows   one per source, sorted, then the pooled row named "all"
 * @param screen the follow-up operating point of the evaluation, null when it has none
 */
public record PerSourceReport(List<Row> rows, FollowUpScreen screen) {

    /** The figures of one source. Sensitivities, specificities and balanced accuracy are NaN where undefined. */
    public record Row(String source, int recordings, double accuracy, int followUp, int normal, double sensitivity,
                      double specificity, double murmurRecallAtSpecificity90, double screenSensitivity,
                      double screenSpecificity) {

        public double balancedAccuracy() {
            return (sensitivity + specificity) / 2;
        }
    }

    public PerSourceReport {
        rows = List.copyOf(rows);
    }

    /**
     * The report of {@code result}, evaluated on {@code data} (whose rows the predictions index), its follow-up screen
     * fitted as a model trained on {@code data} fits it: for the patients' weighted accuracy when {@code statusById}
     * names enough patients of known murmur status ({@link FollowUpScreen#fitted}).
     */
    public static PerSourceReport of(EvaluationResult result, LabelledDataset data, Map<String, Murmur> statusById) {
        String[] sources = data.sources();
        List<String> classes = result.classNames();
        FollowUpScreen screen = FollowUpScreen.fitted(classes, result.predictions(), data, statusById).orElse(null);
        // recordings, correct, followUp, followUpHit, normal, normalHit, followUpScreened, normalPassed
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<double[]>> murmurScores = new TreeMap<>(); // {P(murmur), 1 if murmur else 0}
        int murmur = classes.indexOf("murmur");
        int normalClass = classes.indexOf("normal");
        for (Prediction prediction : result.predictions()) {
            if (prediction.repeat() != 0) {
                continue;
            }
            String source = sources[prediction.row()].isEmpty() ? "(none)" : sources[prediction.row()];
            for (String key : List.of(source, "\u0000all")) {
                if (murmur >= 0 && (prediction.truth() == murmur || prediction.truth() == normalClass)) {
                    murmurScores.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {
                        prediction.posterior()[murmur], prediction.truth() == murmur ? 1 : 0});
                }
                int[] c = counts.computeIfAbsent(key, k -> new int[8]);
                boolean screened = screen != null
                        && screen.needsFollowUp(FollowUpScreen.probability(classes, prediction.posterior()));
                c[0]++;
                c[1] += prediction.predicted() == prediction.truth() ? 1 : 0;
                String truth = classes.get(prediction.truth());
                String predicted = classes.get(prediction.predicted());
                if (needsFollowUp(truth)) {
                    c[2]++;
                    c[3] += needsFollowUp(predicted) ? 1 : 0;
                    c[6] += screened ? 1 : 0;
                } else if (truth.equals("normal")) {
                    c[4]++;
                    c[5] += predicted.equals("normal") ? 1 : 0;
                    c[7] += screened ? 0 : 1;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((source, c) -> rows.add(new Row(source.equals("\u0000all") ? "all" : source, c[0],
                c[1] / (double) c[0], c[2], c[4], c[2] == 0 ? Double.NaN : c[3] / (double) c[2],
                c[4] == 0 ? Double.NaN : c[5] / (double) c[4],
                recallAtSpecificity90(murmurScores.getOrDefault(source, List.of())),
                screen == null || c[2] == 0 ? Double.NaN : c[6] / (double) c[2],
                screen == null || c[4] == 0 ? Double.NaN : c[7] / (double) c[4])));
        if (!rows.isEmpty()) {
            rows.add(rows.remove(0)); // the pooled row, sorted first by its key, goes last
        }
        return new PerSourceReport(rows, screen);
    }

    private static double recallAtSpecificity90(List<double[]> cases) {
        double[] scores = new double[cases.size()];
        boolean[] positive = new boolean[cases.size()];
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cases.get(i)[0];
            positive[i] = cases.get(i)[1] == 1;
            positives += positive[i] ? 1 : 0;
        }
        if (positives == 0 || positives == scores.length) {
            return Double.NaN;
        }
        return OperatingPoint.atSpecificity(scores, positive, 0.90).recall();
    }

    /** Whether a recording of {@code label} needs a clinician's follow-up: neither normal nor artifact. */
    public static boolean needsFollowUp(String label) {
        return !label.equals("normal") && !label.equals("artifact");
    }

    /** A plain-text table, one line per source, and the follow-up operating point beneath it. */
    public String toTable() {
        int width = "source".length();
        for (Row row : rows) {
            width = Math.max(width, row.source().length());
        }
        String header = "%-" + width + "s %10s %9s %9s %7s %11s %11s %9s %14s %12s %12s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, header, "source", "recordings",
                "accuracy", "follow-up", "normal", "sensitivity", "specificity", "bal. acc.", "murmur R@Sp.90",
                "screen sens.", "screen spec."));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT,
                    "%-" + width + "s %10d %9.3f %9d %7d %11s %11s %9s %14s %12s %12s%n",
                    row.source(), row.recordings(), row.accuracy(), row.followUp(), row.normal(),
                    figure(row.sensitivity()), figure(row.specificity()), figure(row.balancedAccuracy()),
                    figure(row.murmurRecallAtSpecificity90()), figure(row.screenSensitivity()),
                    figure(row.screenSpecificity())));
        }
        if (screen != null) {
            table.append("screen: follow-up at ").append(screen.describe()).append(String.format("%n"));
        }
        return table.toString();
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
