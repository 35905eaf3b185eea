package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpScreenTest {

    private static final List<String> CLASSES = List.of("artifact", "murmur", "normal");

    /** A prediction of {@code truth} whose murmur probability is {@code murmur}, the rest normal. */
    private static Prediction prediction(int row, int truth, double murmur) {
        return Prediction.of(0, 0, row, "r" + row, truth, new double[] {0, murmur, 1 - murmur});
    }

    private static EvaluationResult evaluation(List<String> classes, List<Prediction> predictions) {
        return new EvaluationResult("test", classes, predictions, 0);
    }

    /** Ten normal recordings scoring 0.0-0.9 and four murmurs scoring 0.35, 0.5, 0.85, 0.95. */
    private static List<Prediction> tenNormalsFourMurmurs() {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            predictions.add(prediction(i, 2, i / 10.0));
        }
        double[] murmurs = {0.35, 0.5, 0.85, 0.95};
        for (int i = 0; i < murmurs.length; i++) {
            predictions.add(prediction(10 + i, 1, murmurs[i]));
        }
        return predictions;
    }

    @Test
    void theThresholdKeepsNineTenthsOfTheNormalRecordingsBelowIt() {
        FollowUpScreen screen = FollowUpScreen.of(evaluation(CLASSES, tenNormalsFourMurmurs())).orElseThrow();
        // one normal recording of ten (0.9) may reach it: the lowest such threshold is 0.85, where a murmur scores
        assertEquals(0.85, screen.threshold(), 1e-12);
        assertEquals(0.9, screen.specificity(), 1e-12);
        assertEquals(0.5, screen.sensitivity(), 1e-12);
        assertTrue(screen.needsFollowUp(0.85));
        // (0.1 + 0.2) + 0.3 and (0.3 + 0.2) + 0.1 differ in the last bit; the score does not
        List<String> three = List.of("abnormal", "extrahls", "murmur", "normal");
        assertEquals(0.6, FollowUpScreen.probability(three, new double[] {0.1, 0.2, 0.3, 0.4}), 0.0);
        assertEquals(0.6, FollowUpScreen.probability(three, new double[] {0.3, 0.2, 0.1, 0.4}), 0.0);
        assertFalse(screen.needsFollowUp(0.84));
        assertTrue(screen.describe().startsWith("p_follow_up 0.850 or more:"), screen.describe());
    }

    @Test
    void artifactRecordingsTakeNoPartAndArtifactIsNotFollowUp() {
        List<Prediction> predictions = new ArrayList<>(tenNormalsFourMurmurs());
        // artifacts scoring high in every follow-up class would lower the specificity if they counted as normal
        for (int i = 0; i < 5; i++) {
            predictions.add(Prediction.of(0, 0, 20 + i, "a" + i, 0, new double[] {0.1, 0.9, 0}));
        }
        FollowUpScreen screen = FollowUpScreen.of(evaluation(CLASSES, predictions)).orElseThrow();
        assertEquals(0.85, screen.threshold(), 1e-12);
        assertEquals(0.9, FollowUpScreen.probability(CLASSES, new double[] {0.1, 0.9, 0}), 1e-12);
        assertEquals(0.3, FollowUpScreen.probability(List.of("abnormal", "extrastole", "normal"),
                new double[] {0.2, 0.1, 0.7}), 1e-12);
    }

    @Test
    void noScreenWithoutAnEvaluationANormalClassOrBothSides() {
        assertTrue(FollowUpScreen.of(null).isEmpty());
        assertTrue(FollowUpScreen.of(evaluation(List.of("artifact", "murmur", "extrahls"), List.of(
                Prediction.of(0, 0, 0, "a", 1, new double[] {0, 1, 0}),
                Prediction.of(0, 0, 1, "b", 2, new double[] {0, 0, 1})))).isEmpty());
        List<Prediction> normalsOnly = tenNormalsFourMurmurs().subList(0, 10);
        assertTrue(FollowUpScreen.of(evaluation(CLASSES, normalsOnly)).isEmpty());
    }

    /**
     * {@code copies} times six patients of five recordings each ({@code p<i>_<site>}): two with a murmur heard at one
     * site (0.8 and 0.7), four without, whose loudest sites score 0.45, 0.4, 0.35 and 0.3, the other sites 0.05-0.2.
     * 90 % of the normal recordings stay below 0.4, which flags half the patients without a murmur; 0.7 finds every
     * murmur and flags none.
     */
    private static LabelledDataset patients(int copies, List<Prediction> predictions,
                                            java.util.Map<String, Murmur> status) {
        double[] loudest = {0.8, 0.7, 0.45, 0.4, 0.35, 0.3};
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Integer> truths = new ArrayList<>();
        for (int patient = 0; patient < copies * loudest.length; patient++) {
            boolean murmur = patient % loudest.length < 2;
            for (int site = 0; site < 5; site++) {
                String id = "p" + patient + "_" + site;
                int truth = murmur && site == 0 ? 1 : 2;
                double score = site == 0 ? loudest[patient % loudest.length] : 0.05 * site;
                predictions.add(Prediction.of(0, 0, ids.size(), id, truth, new double[] {0, score, 1 - score}));
                status.put(id, murmur ? Murmur.PRESENT : Murmur.ABSENT);
                ids.add(id);
                groups.add("p" + patient);
                truths.add(truth);
            }
        }
        return new LabelledDataset(List.of("f"), CLASSES, new double[ids.size()][1],
                truths.stream().mapToInt(Integer::intValue).toArray(), ids.toArray(String[]::new),
                groups.toArray(String[]::new), ids.stream().map(id -> "c").toArray(String[]::new));
    }

    @Test
    void withPatientsOfKnownStatusTheThresholdIsChosenForTheirWeightedAccuracy() {
        List<Prediction> predictions = new ArrayList<>();
        java.util.Map<String, Murmur> status = new java.util.HashMap<>();
        LabelledDataset data = patients(10, predictions, status);
        FollowUpScreen byRecordings = FollowUpScreen.of(CLASSES, predictions).orElseThrow();
        FollowUpScreen forPatients = FollowUpScreen.fitted(CLASSES, predictions, data, status).orElseThrow();
        assertEquals(FollowUpScreen.Basis.RECORDING_SPECIFICITY, byRecordings.basis());
        assertEquals(FollowUpScreen.Basis.PATIENT_WEIGHTED_ACCURACY, forPatients.basis());
        assertEquals(0.4, byRecordings.threshold(), 1e-12);
        assertEquals(0.7, forPatients.threshold(), 1e-12);
        // at 0.7 every murmur recording reaches it and every normal one stays below
        assertEquals(1.0, forPatients.sensitivity(), 1e-12);
        assertEquals(1.0, forPatients.specificity(), 1e-12);
        assertTrue(forPatients.describe().contains("chosen for the patients' weighted accuracy"),
                forPatients.describe());
        assertFalse(byRecordings.describe().contains("patients"), byRecordings.describe());
    }

    @Test
    void withoutEnoughPatientsOfBothKindsTheRecordingsDecide() {
        List<Prediction> predictions = new ArrayList<>();
        java.util.Map<String, Murmur> status = new java.util.HashMap<>();
        LabelledDataset data = patients(10, predictions, status);
        FollowUpScreen byRecordings = FollowUpScreen.of(CLASSES, predictions).orElseThrow();
        assertEquals(byRecordings, FollowUpScreen.fitted(CLASSES, predictions, data, java.util.Map.of()).orElseThrow());
        java.util.Map<String, Murmur> allAbsent = new java.util.HashMap<>();
        status.keySet().forEach(id -> allAbsent.put(id, Murmur.ABSENT));
        assertEquals(byRecordings, FollowUpScreen.fitted(CLASSES, predictions, data, allAbsent).orElseThrow());
        java.util.Map<String, Murmur> unknown = new java.util.HashMap<>();
        status.keySet().forEach(id -> unknown.put(id, Murmur.UNKNOWN));
        assertEquals(byRecordings, FollowUpScreen.fitted(CLASSES, predictions, data, unknown).orElseThrow());
        // 18 patients with a murmur and 36 without: too few with one
        List<Prediction> fewer = new ArrayList<>();
        java.util.Map<String, Murmur> fewerStatus = new java.util.HashMap<>();
        LabelledDataset fewerData = patients(9, fewer, fewerStatus);
        assertEquals(FollowUpScreen.Basis.RECORDING_SPECIFICITY,
                FollowUpScreen.fitted(CLASSES, fewer, fewerData, fewerStatus).orElseThrow().basis());
    }

    @Test
    void aThresholdNothingCanBeComparedWithIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(org.auscult.dsp.ParameterException.class,
                () -> new FollowUpScreen(Double.NaN, 0.8, 0.9));
        org.junit.jupiter.api.Assertions.assertThrows(org.auscult.dsp.ParameterException.class,
                () -> new FollowUpScreen(-0.1, 0.8, 0.9));
        org.junit.jupiter.api.Assertions.assertThrows(org.auscult.dsp.ParameterException.class,
                () -> new FollowUpScreen(0.4, 1.5, 0.9));
    }
}
