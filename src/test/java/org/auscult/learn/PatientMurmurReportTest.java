package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientMurmurReportTest {

    private static Prediction prediction(int row, int truth, int predicted) {
        double[] posterior = new double[2];
        posterior[predicted] = 1;
        return new Prediction(0, 0, row, "r" + row, truth, predicted, posterior);
    }

    @Test
    void aPatientHasAMurmurWhenAnyOfItsRecordingsIsCalledMurmur() {
        List<String> classes = List.of("murmur", "normal");
        // patient p1 (present): AV missed, MV found; p2 (present): missed; p3, p4 (absent): p4 over-called;
        // p5 has no status (another corpus): not counted
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[7][1],
                new int[] {0, 0, 0, 1, 1, 1, 1}, new String[] {"p1_AV", "p1_MV", "p2_AV", "p3_AV", "p3_MV", "p4_AV",
                    "x"}, new String[] {"p1", "p1", "p2", "p3", "p3", "p4", "p5"},
                new String[] {"c", "c", "c", "c", "c", "c", "k"});
        List<Prediction> predictions = List.of(prediction(0, 0, 1), prediction(1, 0, 0), prediction(2, 0, 1),
                prediction(3, 1, 1), prediction(4, 1, 1), prediction(5, 1, 0), prediction(6, 1, 0));
        Map<String, Murmur> status = Map.of("p1_AV", Murmur.PRESENT, "p1_MV", Murmur.PRESENT,
                "p2_AV", Murmur.PRESENT, "p3_AV", Murmur.ABSENT, "p3_MV", Murmur.ABSENT, "p4_AV", Murmur.ABSENT);
        // the prediction ids are the dataset's row ids
        List<Prediction> named = predictions.stream().map(p -> new Prediction(0, 0, p.row(), data.ids()[p.row()],
                p.truth(), p.predicted(), p.posterior())).toList();
        PatientMurmurReport report = PatientMurmurReport.of(new EvaluationResult("t", classes, named, 0), data,
                status).orElseThrow();
        // present: p1 right, p2 missed; absent: p3 right, p4 wrong -> (5 + 1) / (5 * 2 + 1 * 2)
        assertEquals(6 / 12.0, report.weightedAccuracy(), 1e-12);
        assertTrue(report.toText().contains("1 of 2 with a murmur called present, 1 of 2 without called absent"),
                report.toText());
    }

    @Test
    void theFollowUpRuleUsesTheThresholdFittedOnTheOtherFolds() {
        List<String> classes = List.of("murmur", "normal");
        // fold 0: a (present, p 0.4), b (absent, 0.1), e (absent, 0.35); fold 1: c (present, 0.3), d (absent, 0.05),
        // f (absent, 0.2). Too few patients for a patients' threshold (FollowUpScreen.MIN_PATIENTS), so each fold's
        // is fitted on the other's recordings: fold 0's is 0.3 (the lowest score above its normals), fold 1's 0.4.
        String[] ids = {"a_MV", "b_MV", "e_MV", "c_MV", "d_MV", "f_MV"};
        double[] murmur = {0.4, 0.1, 0.35, 0.3, 0.05, 0.2};
        int[] fold = {0, 0, 0, 1, 1, 1};
        int[] truth = {0, 1, 1, 0, 1, 1};
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[6][1], truth, ids,
                new String[] {"a", "b", "e", "c", "d", "f"}, new String[] {"c", "c", "c", "c", "c", "c"});
        List<Prediction> predictions = new java.util.ArrayList<>();
        Map<String, Murmur> status = new java.util.HashMap<>();
        for (int row = 0; row < ids.length; row++) {
            predictions.add(Prediction.of(0, fold[row], row, ids[row], truth[row],
                    new double[] {murmur[row], 1 - murmur[row]}));
            status.put(ids[row], truth[row] == 0 ? Murmur.PRESENT : Murmur.ABSENT);
        }
        EvaluationResult result = new EvaluationResult("t", classes, predictions, 0);
        PatientMurmurReport report = PatientMurmurReport.byFollowUp(result, data, status).orElseThrow();
        // a (0.4 >= 0.3) found, e (0.35 >= 0.3) a false alarm, c (0.3 < 0.4) missed; one threshold fitted on all six
        // (0.4) would have spared e: (5 + 4) / 14
        assertEquals((5 + 3) / 14.0, report.weightedAccuracy(), 1e-12);
        assertTrue(report.toText().startsWith("Patients (present if any recording needs follow-up, at the "
                + "threshold fitted on the other folds): 1 of 2 with a murmur called present, 3 of 4"), report.toText());
        // the most probable class finds neither
        assertEquals(4 / 14.0, PatientMurmurReport.of(result, data, status).orElseThrow().weightedAccuracy(), 1e-12);
    }

    @Test
    void withoutStatusesOrAMurmurClassThereIsNoReport() {
        List<String> classes = List.of("abnormal", "normal");
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[1][1], new int[] {1},
                new String[] {"r0"}, new String[] {"p"}, new String[] {"s"});
        EvaluationResult result = new EvaluationResult("t", classes, List.of(prediction(0, 1, 1)), 0);
        assertTrue(PatientMurmurReport.of(result, data, Map.of("r0", Murmur.ABSENT)).isEmpty());
        assertTrue(PatientMurmurReport.byFollowUp(result, data, Map.of("r0", Murmur.ABSENT)).isEmpty());
    }
}
