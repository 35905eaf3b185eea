package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationResultTest {

    private static final double EXACT = 1e-12;

    private static Prediction prediction(int repeat, int row, int truth, int predicted, int classes) {
        double[] posterior = new double[classes];
        posterior[predicted] = 0.7;
        posterior[(predicted + 1) % classes] = 0.3;
        return new Prediction(repeat, row % 2, row, "rec \"" + row + "\"\\\n.wav", truth, predicted, posterior);
    }

    /** Two repeats of four rows, classes normal/abnormal: repeat 0 has 3 correct, repeat 1 has 2 correct. */
    private static EvaluationResult twoClassResult() {
        List<Prediction> predictions = new ArrayList<>();
        int[] truth = {0, 0, 1, 1};
        int[][] predicted = {{0, 0, 1, 0}, {0, 1, 0, 1}};
        for (int repeat = 0; repeat < 2; repeat++) {
            for (int row = 0; row < 4; row++) {
                predictions.add(prediction(repeat, row, truth[row], predicted[repeat][row], 2));
            }
        }
        return new EvaluationResult("test", List.of("normal", "abnormal"), predictions, 1234);
    }

    @Test
    void pooledMetricsAndSpreadOverRepeats() {
        EvaluationResult result = twoClassResult();
        assertEquals(5.0 / 8, result.accuracy(), EXACT);
        assertEquals(2, result.perRepeat().size());
        EvaluationResult.Spread accuracy = result.spread(ConfusionMatrix::accuracy);
        assertEquals(List.of(0.75, 0.5), accuracy.perRepeat());
        assertEquals(0.625, accuracy.mean(), EXACT);
        assertEquals(Math.sqrt(2 * 0.125 * 0.125), accuracy.standardDeviation(), EXACT);
        // pooled: normal 3/4 recalled, abnormal 2/4
        assertEquals(0.5, result.confusion().sensitivity(), EXACT);
        assertEquals(0.75, result.confusion().specificity(), EXACT);
    }

    @Test
    void cellListsTheRecordingsOfAConfusionCell() {
        EvaluationResult result = twoClassResult();
        List<Prediction> missed = result.cell(1, 0);
        assertEquals(2, missed.size());
        assertTrue(missed.stream().allMatch(p -> p.truth() == 1 && p.predicted() == 0));
    }

    @Test
    void spreadOfOneRepeatIsUndefined() {
        EvaluationResult result = new EvaluationResult("one", List.of("a", "b"),
                List.of(prediction(0, 0, 0, 0, 2), prediction(0, 1, 1, 0, 2)), 0);
        assertTrue(Double.isNaN(result.spread(ConfusionMatrix::accuracy).standardDeviation()));
        Map<?, ?> json = (Map<?, ?>) TinyJson.parse(result.toJson());
        assertEquals(null, ((Map<?, ?>) json.get("spread")).get("accuracy"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesAndHoldsTheReportFields() {
        EvaluationResult result = twoClassResult();
        Map<String, Object> json = (Map<String, Object>) TinyJson.parse(result.toJson(true));
        assertEquals(5.0 / 8, (Double) json.get("accuracy"), EXACT);
        assertEquals(result.balancedAccuracy(), (Double) json.get("balancedAccuracy"), EXACT);
        assertEquals(result.macroF1(), (Double) json.get("macroF1"), EXACT);
        assertEquals("abnormal", json.get("positiveClass"));
        assertEquals(0.5, (Double) json.get("sensitivity"), EXACT);
        assertEquals(0.75, (Double) json.get("specificity"), EXACT);
        assertEquals(0.625, (Double) json.get("score"), EXACT);
        assertEquals(1.234, (Double) json.get("wallTimeSeconds"), EXACT);

        Map<String, Object> perClass = (Map<String, Object>) json.get("perClass");
        assertEquals(List.of("normal", "abnormal"), new ArrayList<>(perClass.keySet()));
        Map<String, Object> abnormal = (Map<String, Object>) perClass.get("abnormal");
        assertEquals(result.confusion().precision(1), (Double) abnormal.get("precision"), EXACT);
        assertEquals(0.5, (Double) abnormal.get("recall"), EXACT);
        assertEquals(result.confusion().f1(1), (Double) abnormal.get("f1"), EXACT);
        assertEquals(4.0, abnormal.get("support"));
        // p_abnormal: abnormal rows 0.7, 0.7, 0.3, 0.3 against normal rows 0.3, 0.3, 0.3, 0.7 -> 10 of 16 pairs
        assertEquals(10.0 / 16, (Double) abnormal.get("auc"), EXACT);
        assertEquals(10.0 / 16, result.rankingAuc(0), EXACT);

        Map<String, Object> confusion = (Map<String, Object>) json.get("confusion");
        assertEquals(List.of("normal", "abnormal"), confusion.get("labels"));
        assertEquals(List.of(List.of(3.0, 1.0), List.of(2.0, 2.0)), confusion.get("counts"));

        List<Object> predictions = (List<Object>) json.get("predictions");
        assertEquals(8, predictions.size());
        Map<String, Object> first = (Map<String, Object>) predictions.get(0);
        assertEquals("rec \"0\"\\\n.wav", first.get("id"), "escaped strings survive the round trip");
        assertEquals("normal", first.get("truth"));
        assertEquals(List.of(0.7, 0.3), first.get("posterior"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void multiClassJsonHasNoTwoClassFields() {
        EvaluationResult result = new EvaluationResult("three", List.of("a", "b", "c"),
                List.of(prediction(0, 0, 0, 0, 3), prediction(0, 1, 1, 2, 3), prediction(0, 2, 2, 2, 3)), 5);
        Map<String, Object> json = (Map<String, Object>) TinyJson.parse(result.toJson());
        assertFalse(json.containsKey("sensitivity"));
        assertFalse(json.containsKey("score"));
        assertFalse(json.containsKey("predictions"));
        assertEquals(2.0 / 3, (Double) json.get("accuracy"), EXACT);
    }

    @Test
    void tableShowsHeadlinesClassesAndConfusion() {
        String table = twoClassResult().toTable();
        assertTrue(table.contains("accuracy           0.625  sd 0.177"), table);
        assertTrue(table.contains("sensitivity        0.500"), table);
        assertTrue(table.contains("(positive class: abnormal)"), table);
        assertTrue(table.contains("abnormal     0.667     0.500     0.000     0.571     0.625         4"), table);
        assertTrue(table.contains("confusion (rows: truth, columns: predicted)"), table);
    }

    @Test
    void mergingClassesAddsTheirProbabilitiesAndMovesTruthAndDecision() {
        List<String> fine = List.of("murmur", "noisynormal", "normal");
        EvaluationResult result = new EvaluationResult("fine", fine, List.of(
                // noisy normal, called murmur by a hair: merged, normal (0.3 + 0.3) wins over murmur (0.4)
                new Prediction(0, 0, 0, "a", 1, 0, new double[] {0.4, 0.3, 0.3}),
                // murmur called murmur
                new Prediction(0, 0, 1, "b", 0, 0, new double[] {0.7, 0.2, 0.1}),
                // normal called noisy normal: merged, right
                new Prediction(0, 1, 2, "c", 2, 1, new double[] {0.1, 0.5, 0.4})), 0);
        EvaluationResult merged = result.mergeClasses(Map.of("noisynormal", "normal"));
        assertEquals(List.of("murmur", "normal"), merged.classNames());
        assertEquals(List.of(1, 0, 1), merged.predictions().stream().map(Prediction::truth).toList());
        assertEquals(List.of(1, 0, 1), merged.predictions().stream().map(Prediction::predicted).toList());
        assertEquals(0.6, merged.predictions().get(0).posterior(1), EXACT);
        assertEquals(1.0, merged.accuracy(), EXACT);
        assertEquals(1.0 / 3, result.accuracy(), EXACT);
        assertTrue(merged.description().endsWith("classes merged: noisynormal->normal"), merged.description());
        assertThrows(org.auscult.dsp.ParameterException.class,
                () -> result.mergeClasses(Map.of("extrahls", "normal")));
    }

    @Test
    void withWallTimeKeepsTheOutcome() {
        EvaluationResult result = twoClassResult();
        assertEquals(result.withWallTime(0), twoClassResult().withWallTime(0));
        assertEquals(1234, result.wallTime().toMillis());
    }
}
