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
}
