package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatientVerdictTest {

    @Test
    void weightedAccuracyOfTheChallengeDefinition() {
        // truth: 2 present, 1 unknown, 3 absent; verdicts: present right once, unknown right, absent right twice
        List<Murmur> truth = List.of(Murmur.PRESENT, Murmur.PRESENT, Murmur.UNKNOWN, Murmur.ABSENT, Murmur.ABSENT,
                Murmur.ABSENT);
        List<Murmur> verdicts = List.of(Murmur.PRESENT, Murmur.ABSENT, Murmur.UNKNOWN, Murmur.ABSENT, Murmur.ABSENT,
                Murmur.PRESENT);
        // (5*1 + 3*1 + 1*2) / (5*2 + 3*1 + 1*3) = 10 / 16
        assertEquals(10.0 / 16, MurmurWeightedAccuracy.of(truth, verdicts), 1e-12);
    }

    @Test
    void alwaysPresentScoresTheWeightedShareOfPresentPatients() {
        List<Murmur> truth = List.of(Murmur.PRESENT, Murmur.UNKNOWN, Murmur.ABSENT, Murmur.ABSENT);
        List<Murmur> verdicts = List.of(Murmur.PRESENT, Murmur.PRESENT, Murmur.PRESENT, Murmur.PRESENT);
        assertEquals(5.0 / (5 + 3 + 1 + 1), MurmurWeightedAccuracy.of(truth, verdicts), 1e-12);
        assertTrue(Double.isNaN(MurmurWeightedAccuracy.of(List.of(), List.of())));
    }

    @Test
    void verdictReadsTheLargestProbabilityOfAnySite() {
        PatientVerdict rule = new PatientVerdict(0.6, 0.3);
        assertEquals(Murmur.PRESENT, rule.verdict(new double[] {0.1, 0.7, 0.2}));
        assertEquals(Murmur.PRESENT, rule.verdict(new double[] {0.6}));
        assertEquals(Murmur.UNKNOWN, rule.verdict(new double[] {0.1, 0.3}));
        assertEquals(Murmur.ABSENT, rule.verdict(new double[] {0.1, 0.29}));
        assertEquals(Murmur.UNKNOWN, rule.verdict(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new PatientVerdict(0.3, 0.6));
    }

    @Test
    void fitFindsThresholdsThatSeparateTheStatuses() {
        List<double[]> probabilities = List.of(new double[] {0.1, 0.9}, new double[] {0.8}, new double[] {0.5, 0.1},
                new double[] {0.1, 0.2}, new double[] {0.05});
        List<Murmur> truth = List.of(Murmur.PRESENT, Murmur.PRESENT, Murmur.UNKNOWN, Murmur.ABSENT, Murmur.ABSENT);
        PatientVerdict rule = PatientVerdict.fit(probabilities, truth);
        assertEquals(1.0, MurmurWeightedAccuracy.of(truth, rule.verdicts(probabilities)), 1e-12);
        // ties go to the highest thresholds that still score best
        assertEquals(0.8, rule.presentThreshold(), 1e-9);
        assertEquals(0.5, rule.unknownThreshold(), 1e-9);
    }

    @Test
    void recallAtSpecificityKeepsTheSpecificityAskedFor() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.95, 0.85};
        boolean[] positive = {true, true, false, true, false, false, false, false, false, false, true, false};
        // 4 positives, 8 negatives; at specificity >= 0.75 at most 2 negatives may score at or above the threshold
        OperatingPoint point = OperatingPoint.atSpecificity(scores, positive, 0.75);
        assertEquals(0.6, point.threshold(), 1e-12);
        assertEquals(1.0, point.recall(), 1e-12);
        assertEquals(0.75, point.specificity(), 1e-12);
        OperatingPoint strict = OperatingPoint.atSpecificity(scores, positive, 1.0);
        assertEquals(0.9, strict.threshold(), 1e-12);
        assertEquals(0.5, strict.recall(), 1e-12);
    }

    @Test
    void tiedScoresStayTogether() {
        double[] scores = {0.5, 0.5, 0.1};
        boolean[] positive = {true, false, false};
        OperatingPoint point = OperatingPoint.atSpecificity(scores, positive, 0.9);
        assertEquals(0.0, point.recall(), 1e-12);
        assertEquals(1.0, point.specificity(), 1e-12);
    }
}
