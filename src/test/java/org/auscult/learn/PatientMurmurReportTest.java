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
    void withoutStatusesOrAMurmurClassThereIsNoReport() {
        List<String> classes = List.of("abnormal", "normal");
        LabelledDataset data = new LabelledDataset(List.of("f"), classes, new double[1][1], new int[] {1},
                new String[] {"r0"}, new String[] {"p"}, new String[] {"s"});
        EvaluationResult result = new EvaluationResult("t", classes, List.of(prediction(0, 1, 1)), 0);
        assertTrue(PatientMurmurReport.of(result, data, Map.of("r0", Murmur.ABSENT)).isEmpty());
    }
}
