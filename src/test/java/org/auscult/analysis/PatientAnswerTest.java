package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.auscult.learn.FollowUpScreen;
import org.auscult.learn.Murmur;
import org.junit.jupiter.api.Test;

class PatientAnswerTest {

    private static final List<String> CLASSES = List.of("artifact", "murmur", "normal");
    private static final FollowUpScreen SCREEN = new FollowUpScreen(0.4, 0.8, 0.9);

    /** A site whose murmur probability is {@code murmur}, the rest normal, judged by a model with the screen. */
    private static PatientAnswer.Site site(String name, double murmur) {
        return new PatientAnswer.Site(name, new Verdict(CLASSES, new double[] {0, murmur, 1 - murmur}, "m",
                List.of(), "", SCREEN));
    }

    @Test
    void oneSiteAtTheThresholdCallsThePatientBackEvenWhenNormalIsMoreProbableThere() {
        PatientAnswer answer = PatientAnswer.of(List.of(site("AV", 0.1), site("MV", 0.4), site("TV", 0.39)));
        assertEquals(Murmur.PRESENT, answer.status());
        assertEquals(List.of("MV"), answer.flagged());
        assertEquals("Patient: needs follow-up (MV).", answer.describe());
    }

    @Test
    void absentOnlyWhenEverySiteAnswersNo() {
        PatientAnswer answer = PatientAnswer.of(List.of(site("AV", 0.1), site("PV", 0.39)));
        assertEquals(Murmur.ABSENT, answer.status());
        assertEquals("Patient: no follow-up needed at any of 2 sites.", answer.describe());
        assertEquals("Patient: no follow-up needed at the one site.",
                PatientAnswer.of(List.of(site("AV", 0.1))).describe());
    }

    @Test
    void aSiteWithoutAnAnswerLeavesAQuietPatientUnknownButNotOneWithAFinding() {
        PatientAnswer.Site unread = new PatientAnswer.Site("PV", null);
        PatientAnswer.Site tooShort = new PatientAnswer.Site("TV", Verdict.notJudged(CLASSES, "m", "Too short."));
        PatientAnswer.Site noScreen = new PatientAnswer.Site("MV", new Verdict(CLASSES, new double[] {0, 0.9, 0.1},
                "m", List.of()));
        PatientAnswer quiet = PatientAnswer.of(List.of(site("AV", 0.1), unread, tooShort, noScreen));
        assertEquals(Murmur.UNKNOWN, quiet.status());
        assertEquals(3, quiet.unjudged());
        assertEquals("Patient: unknown: no follow-up at 1 site, 3 without an answer.", quiet.describe());
        assertEquals(Murmur.PRESENT, PatientAnswer.of(List.of(site("AV", 0.7), unread)).status());
        assertEquals(Murmur.UNKNOWN, PatientAnswer.of(List.of()).status());
        assertEquals("Patient: unknown: no recordings.", PatientAnswer.of(List.of()).describe());
        assertEquals("Patient: unknown: none of 2 recordings has a follow-up answer.",
                PatientAnswer.of(List.of(unread, noScreen)).describe(), "a model without a threshold");
    }

    @Test
    void anUnsureSiteCannotRuleAFindingOutButItsFindingStillCounts() {
        String unsure = "Unsure: too noisy (0 of 20 s usable); hold the stethoscope still and keep the room quiet.";
        PatientAnswer.Site quietButUnsure = new PatientAnswer.Site("AV", site("AV", 0.1).verdict().unsure(unsure));
        assertEquals("", quietButUnsure.verdict().followUp());
        assertEquals(unsure, quietButUnsure.verdict().warnings().get(0));
        PatientAnswer noisy = PatientAnswer.of(List.of(quietButUnsure, site("MV", 0.2)));
        assertEquals(Murmur.UNKNOWN, noisy.status());
        assertEquals("Patient: unknown: no follow-up at 1 site, 1 without an answer.", noisy.describe());

        PatientAnswer.Site findingButUnsure = new PatientAnswer.Site("TV", site("TV", 0.8).verdict().unsure(unsure));
        assertEquals("yes", findingButUnsure.verdict().followUp());
        assertEquals(Murmur.PRESENT, PatientAnswer.of(List.of(quietButUnsure, findingButUnsure)).status());
    }
}
