package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerSourceReportTest {

    @Test
    void eachSourceIsScoredOnItsOwnAndNormalAgainstFollowUpPoolsTheClassesThatNeedOne() {
        List<String> classes = List.of("abnormal", "artifact", "murmur", "normal");
        double[][] x = new double[6][1];
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, x, new int[] {0, 3, 3, 2, 1, 3},
                new String[] {"a1", "a2", "a3", "b1", "b2", "b3"}, new String[] {"1", "2", "3", "4", "5", "6"},
                new String[] {"pn/a", "pn/a", "pn/a", "circor", "circor", "circor"});
        List<Prediction> predictions = List.of(
                prediction(0, 0, 2), // abnormal called murmur: still follow-up, not accurate
                prediction(1, 3, 3),
                prediction(2, 3, 0), // normal called abnormal
                prediction(3, 2, 3), // murmur missed
                prediction(4, 1, 1), // artifact: neither side
                prediction(5, 3, 3));
        List<Prediction> withRepeat = new java.util.ArrayList<>(predictions);
        withRepeat.add(new Prediction(1, 0, 0, "a1", 0, 3, new double[4])); // the second repeat is not counted
        PerSourceReport report = PerSourceReport.of(new EvaluationResult("t", classes, withRepeat, 0), data,
                Map.of());

        assertEquals(List.of("circor", "pn/a", "all"), report.rows().stream().map(PerSourceReport.Row::source)
                .toList());
        PerSourceReport.Row physionet = report.rows().get(1);
        assertEquals(3, physionet.recordings());
        assertEquals(1 / 3.0, physionet.accuracy(), 1e-12);
        assertEquals(1.0, physionet.sensitivity(), 1e-12);
        assertEquals(0.5, physionet.specificity(), 1e-12);
        PerSourceReport.Row circor = report.rows().get(0);
        assertEquals(0.0, circor.sensitivity(), 1e-12);
        assertEquals(1.0, circor.specificity(), 1e-12);
        assertEquals(2 / 3.0, circor.accuracy(), 1e-12);
        PerSourceReport.Row all = report.rows().get(2);
        assertEquals(6, all.recordings());
        assertEquals(0.5, all.sensitivity(), 1e-12);
        assertEquals(2 / 3.0, all.specificity(), 1e-12);
        assertTrue(report.toTable().contains("pn/a"), report.toTable());
        // circor: a murmur and a normal recording both scored 0 for murmur: a tie, which specificity 0.90 cannot split
        assertEquals(0.0, circor.murmurRecallAtSpecificity90(), 1e-12);
        assertTrue(Double.isNaN(physionet.murmurRecallAtSpecificity90()), "no murmur recording in pn/a");
    }

    @Test
    void theFollowUpScreenIsFittedOnTheWholeEvaluationAndScoredPerSource() {
        List<String> classes = List.of("murmur", "normal");
        int n = 14;
        int[] labels = new int[n];
        String[] ids = new String[n];
        String[] sources = new String[n];
        List<Prediction> predictions = new java.util.ArrayList<>();
        double[] murmurs = {0.35, 0.5, 0.85, 0.95};
        for (int i = 0; i < n; i++) {
            boolean normal = i < 10; // ten normal recordings in s1 scoring 0.0-0.9, four murmurs in s2
            labels[i] = normal ? 1 : 0;
            ids[i] = "r" + i;
            sources[i] = normal ? "s1" : "s2";
            double p = normal ? i / 10.0 : murmurs[i - 10];
            predictions.add(Prediction.of(0, 0, i, ids[i], labels[i], new double[] {p, 1 - p}));
        }
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[n][1], labels, ids, ids,
                sources);
        PerSourceReport report = PerSourceReport.of(new EvaluationResult("t", classes, predictions, 0), data,
                Map.of());

        assertEquals(0.85, report.screen().threshold(), 1e-12);
        assertEquals(0.9, report.rows().get(0).screenSpecificity(), 1e-12);
        assertTrue(Double.isNaN(report.rows().get(0).screenSensitivity()), "s1 has no murmur");
        assertEquals(0.5, report.rows().get(1).screenSensitivity(), 1e-12);
        assertEquals(0.5, report.rows().get(2).screenSensitivity(), 1e-12);
        assertEquals(0.9, report.rows().get(2).screenSpecificity(), 1e-12);
        assertTrue(report.toTable().contains("screen: follow-up at p_follow_up 0.850 or more"), report.toTable());
    }

    @Test
    void aSourceWithoutOneSideShowsADash() {
        List<String> classes = List.of("artifact", "normal");
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[1][1], new int[] {1},
                new String[] {"r"}, new String[] {"p"}, new String[] {"s"});
        PerSourceReport report = PerSourceReport.of(new EvaluationResult("t", classes,
                List.of(new Prediction(0, 0, 0, "r", 1, 1, new double[] {0, 1})), 0), data, Map.of());
        assertTrue(Double.isNaN(report.rows().get(0).sensitivity()));
        assertTrue(report.toTable().contains(" - "), report.toTable());
    }

    private static Prediction prediction(int row, int truth, int predicted) {
        double[] posterior = new double[4];
        posterior[predicted] = 1;
        return new Prediction(0, 0, row, "r" + row, truth, predicted, posterior);
    }
}
