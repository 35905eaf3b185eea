package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    private static Prediction prediction(int row, int truth, double pFirst) {
        double[] posterior = {pFirst, 1 - pFirst};
        return new Prediction(0, 0, row, "r" + row, truth, pFirst >= 0.5 ? 0 : 1, posterior);
    }

    @Test
    void theCurveStepsThroughEveryDistinctScoreAndItsAreaIsTheRankingAuc() {
        List<Prediction> predictions = List.of(prediction(0, 0, 0.9), prediction(1, 1, 0.8), prediction(2, 0, 0.7),
                prediction(3, 0, 0.7), prediction(4, 1, 0.7), prediction(5, 1, 0.1));
        EvaluationResult result = new EvaluationResult("t", List.of("murmur", "normal"), predictions, 0);
        RocCurve curve = RocCurve.of(result, 0);
        assertEquals("murmur", curve.className());
        List<double[]> expected = List.of(new double[] {0, 0}, new double[] {0, 1 / 3.0},
                new double[] {1 / 3.0, 1 / 3.0}, new double[] {2 / 3.0, 1}, new double[] {1, 1});
        assertEquals(expected.size(), curve.points().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], curve.points().get(i).falsePositiveRate(), 1e-12);
            assertEquals(expected.get(i)[1], curve.points().get(i).truePositiveRate(), 1e-12);
        }
        assertEquals(0.7, curve.points().get(3).threshold(), 0);
        assertEquals(result.rankingAuc(0), curve.auc(), 1e-12);
    }

    @Test
    void theAreaAgreesWithTheRankingAucOnRandomScoresWithTies() {
        Random random = new Random(4);
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int truth = random.nextInt(3) == 0 ? 0 : 1;
            double score = Math.round((random.nextDouble() + (truth == 0 ? 0.3 : 0)) * 10) / 20.0;
            predictions.add(prediction(i, truth, Math.min(1, score)));
        }
        EvaluationResult result = new EvaluationResult("t", List.of("murmur", "normal"), predictions, 0);
        for (RocCurve curve : RocCurve.all(result)) {
            int c = result.classNames().indexOf(curve.className());
            assertEquals(result.rankingAuc(c), curve.auc(), 1e-9, curve.className());
            assertTrue(curve.auc() > 0.5 || c == 1);
        }
    }

    @Test
    void aClassWithoutRecordingsHasNoCurve() {
        EvaluationResult result = new EvaluationResult("t", List.of("murmur", "normal"),
                List.of(prediction(0, 1, 0.2)), 0);
        assertTrue(RocCurve.of(result, 0).points().isEmpty());
        assertTrue(Double.isNaN(RocCurve.of(result, 0).auc()));
    }
}
