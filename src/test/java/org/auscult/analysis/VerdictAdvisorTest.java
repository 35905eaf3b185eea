package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auscult.audio.RecordingInfo;
import org.auscult.learn.FeatureDistribution;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.RecordingFacts;
import org.auscult.learn.TrainingProfile;
import org.junit.jupiter.api.Test;

class VerdictAdvisorTest {

    private static final List<String> CLASSES = List.of("absent", "present");

    private static RecordingInfo info(int rate, double seconds, double rms, List<String> problems) {
        return new RecordingInfo(Path.of("x.wav"), "PCM 16-bit, 1 channel", rate, 1, (long) (rate * seconds),
                seconds, rms + 10, rms, 0, 0, problems);
    }

    private static ReferenceSet reference() {
        return ReferenceSet.fromRows("test", List.of("a", "b"),
                Map.of("absent", List.of(new double[] {0, 0}, new double[] {1, 1}),
                        "present", List.of(new double[] {2, 2})),
                new java.util.TreeMap<>(Map.of(4000, 3)), new double[] {10, 20, 30}, new double[] {-30, -20},
                new double[] {-10, -3});
    }

    /**
     * A model trained on four recordings: absent at 4000 Hz (10 s, -30 dBFS RMS, -10 dBFS peak) and 2000 Hz
     * (20 s, -25, -8), present at 4000 Hz (30 s, -20, -3) and one without known facts.
     */
    static TrainingProfile profile() {
        LabelledDataset data = new LabelledDataset(List.of("a", "b"), CLASSES,
                new double[][] {{0, 0}, {1, 1}, {2, 2}, {1.5, 1.5}}, new int[] {0, 0, 1, 1},
                new String[] {"r1", "r2", "r3", "r4"}, new String[] {"p1", "p2", "p3", "p4"},
                new String[] {"", "", "", ""});
        return TrainingProfile.of(data, Map.of("r1", new RecordingFacts(4000, 10, -30, -10),
                "r2", new RecordingFacts(2000, 20, -25, -8), "r3", new RecordingFacts(4000, 30, -20, -3)));
    }

    /** Out-of-fold counts: normal 90 of 100 right; murmur 20 of 40 found; extrastole 1 of 20, and 5 calls in all. */
    private static final List<String> THREE = List.of("extrastole", "murmur", "normal");
    private static final org.auscult.learn.ConfusionMatrix TRACK_RECORD = new org.auscult.learn.ConfusionMatrix(THREE,
            new long[][] {{1, 0, 19}, {2, 20, 18}, {2, 8, 90}});

    @Test
    void aWeakAnswerAndARarelyRecognisedClassAreNamed() {
        // "normal": precision 90 / 127 = 0.71 is fine, but extrastole is recognised only 1 time in 20
        assertEquals(List.of("The model recognised only 5 % of the extrastole recordings in its cross-validation: "
                + "this answer does not rule out extrastole."),
                VerdictAdvisor.trackRecord(THREE, new double[] {0.1, 0.2, 0.7}, TRACK_RECORD));
        // "extrastole": right 1 time in 5
        assertEquals(List.of("In the model's cross-validation only 20 % of its \"extrastole\" answers were right "
                + "(it found 5 % of the extrastole recordings)."),
                VerdictAdvisor.trackRecord(THREE, new double[] {0.5, 0.2, 0.3}, TRACK_RECORD));
        // "murmur": precision 20 / 28 is fine, and a murmur goes to a clinician anyway: extrastole not ruled out
        // is no news
        assertEquals(List.of(), VerdictAdvisor.trackRecord(THREE, new double[] {0.1, 0.6, 0.3}, TRACK_RECORD));
    }

    @Test
    void aClassNeverRecognisedIsSaidToBeRecognisedNone() {
        var neverFound = new org.auscult.learn.ConfusionMatrix(THREE,
                new long[][] {{0, 0, 20}, {2, 20, 18}, {2, 8, 90}});
        assertEquals(List.of("The model recognised none of the extrastole recordings in its cross-validation: "
                + "this answer does not rule out extrastole."),
                VerdictAdvisor.trackRecord(THREE, new double[] {0.1, 0.2, 0.7}, neverFound));
    }

    @Test
    void withoutANormalClassEveryAnswerNamesTheRarelyRecognisedClass() {
        List<String> noNormal = List.of("extrastole", "murmur", "other");
        var trackRecord = new org.auscult.learn.ConfusionMatrix(noNormal,
                new long[][] {{1, 0, 19}, {2, 20, 18}, {2, 8, 90}});
        assertEquals(List.of("The model recognised only 5 % of the extrastole recordings in its cross-validation: "
                + "this answer does not rule out extrastole."),
                VerdictAdvisor.trackRecord(noNormal, new double[] {0.1, 0.6, 0.3}, trackRecord));
    }

    @Test
    void withoutAnEvaluationOrForOtherClassesThereIsNoTrackRecord() {
        assertEquals(List.of(), VerdictAdvisor.trackRecord(THREE, new double[] {0.1, 0.2, 0.7}, null));
        assertEquals(List.of(), VerdictAdvisor.trackRecord(CLASSES, new double[] {0.9, 0.1}, TRACK_RECORD));
        org.auscult.learn.ConfusionMatrix good = new org.auscult.learn.ConfusionMatrix(THREE,
                new long[][] {{18, 1, 1}, {1, 35, 4}, {2, 8, 90}});
        assertEquals(List.of(), VerdictAdvisor.trackRecord(THREE, new double[] {0.1, 0.2, 0.7}, good));
    }

    @Test
    void aClearVerdictInsideTheReferenceHasNoWarning() {
        assertEquals(List.of(), VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000,
                info(4000, 15, -25, List.of()), reference(), new double[] {1, 1}));
    }

    @Test
    void eachRuleSpeaksForItself() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.45, 0.55}, 4000,
                info(2000, 100, -50, List.of("clipped: 1 % of samples at full scale")), reference(),
                new double[] {5, -5});
        assertEquals(7, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Close call: present (0.55) and absent (0.45)"), warnings.get(0));
        assertTrue(warnings.get(1).contains("below the model's analysis rate of 4000 Hz"), warnings.get(1));
        assertTrue(warnings.get(2).contains("Duration 100.0 s"), warnings.get(2));
        assertTrue(warnings.get(3).contains("Level -50.0 dBFS"), warnings.get(3));
        assertTrue(warnings.get(4).startsWith("Peak level -40.0 dBFS"), warnings.get(4));
        assertTrue(warnings.get(5).startsWith("2 of 2 features"), warnings.get(5));
        assertEquals("Recording: clipped: 1 % of samples at full scale", warnings.get(6));
    }

    @Test
    void withoutReferenceOnlyTheModelAndTheRecordingSpeak() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.2, 0.8}, 4000,
                info(44100, 0.5, -25, List.of("quiet")), null, null);
        assertEquals(List.of("Only 0.50 s long: too short for a heart cycle at rest.", "Recording: quiet"), warnings);
    }

    @Test
    void aNewSampleRateIsNamed() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000,
                info(44100, 15, -25, List.of()), reference(), new double[] {1, 1});
        assertEquals(List.of("Sample rate 44100 Hz: the reference recordings were made at 4000 Hz."), warnings);
    }

    @Test
    void insideTheTrainingDataThereIsNoWarning() {
        assertEquals(List.of(), VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 2000,
                info(2000, 30, -20, List.of()), ReferenceSet.fromProfile(profile()), new double[] {1, 1}));
        // Exactly on the edges of the training range is still inside it.
        assertEquals(List.of(), VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 2000,
                new RecordingInfo(Path.of("x.wav"), "PCM 16-bit, 1 channel", 4000, 1, 40000, 10, -3, -30, 0, 0,
                        List.of()), ReferenceSet.fromProfile(profile()), new double[] {0, 2}));
    }

    @Test
    void outsideTheTrainingDataEachFactIsNamedWithTheTrainingRange() {
        // Just outside: 9.9 s (training 10 to 30 s), RMS -31 dBFS (training -30 to -20), peak -2 dBFS (-10 to -3).
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 2000,
                new RecordingInfo(Path.of("x.wav"), "PCM 16-bit, 1 channel", 8000, 1, 79200, 9.9, -2, -31, 0, 0,
                        List.of()), ReferenceSet.fromProfile(profile()), new double[] {1, 1});
        assertEquals(List.of(
                "Sample rate 8000 Hz: the model's training recordings were made at 2000, 4000 Hz.",
                "Duration 9.9 s is outside the model's training recordings (10.0 to 30.0 s).",
                "Level -31.0 dBFS RMS is outside the model's training recordings (-30.0 to -20.0 dBFS).",
                "Peak level -2.0 dBFS is outside the model's training recordings (-10.0 to -3.0 dBFS)."), warnings);
    }

    @Test
    void theCollectionAsReferenceIsGivenMargins() {
        // 9.9 s, -31 dBFS RMS and -15 dBFS peak are outside the collection's ranges (10 to 30 s, -30 to -20 and
        // -10 to -3 dBFS) but within its margins (factor 2, 6 dB).
        assertEquals(List.of(), VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000,
                new RecordingInfo(Path.of("x.wav"), "PCM 16-bit, 1 channel", 4000, 1, 39600, 9.9, -15, -31, 0, 0,
                        List.of()), reference(), new double[] {1, 1}));
        assertEquals(List.of("Duration 61.0 s is outside the reference recordings (10.0 to 30.0 s)."),
                VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000, info(4000, 61, -25, List.of()),
                        reference(), new double[] {1, 1}));
    }

    @Test
    void aProfileWithoutRecordingFactsJudgesTheFeaturesAndTheModelOnly() {
        LabelledDataset data = new LabelledDataset(List.of("a", "b"), CLASSES,
                new double[][] {{0, 0}, {2, 2}}, new int[] {0, 1}, new String[] {"r1", "r2"},
                new String[] {"p1", "p2"}, new String[] {"", ""});
        ReferenceSet reference = ReferenceSet.fromProfile(TrainingProfile.of(data, Map.of()));
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.5, 0.5}, 4000,
                info(44100, 500, -70, List.of()), reference, new double[] {3, 1});
        assertEquals(List.of("Close call: absent (0.50) and present (0.50) are nearly as likely.",
                "1 of 2 features lie outside every class of the model's training recordings (for example a)."),
                warnings);
    }

    @Test
    void distributionPercentiles() {
        FeatureDistribution d = FeatureDistribution.of(new double[] {0, 1, 2, 3, 4});
        assertEquals(2.0, d.median(), 0);
        assertEquals(1.0, d.p25(), 0);
        assertEquals(0.5, d.percentile(2), 1e-12);
        assertEquals(0.375, d.percentile(1.5), 1e-12);
        assertEquals(0.0, d.percentile(-1), 0);
        assertEquals(1.0, d.percentile(9), 0);
        assertEquals(List.of("a"), reference().featuresOutsideRange(new double[] {3, 1}));
    }

    @Test
    void aNormalAnswerThatNeedsFollowUpSaysWhy() throws Exception {
        LoadedModel bundled = LoadedModel.load(null);
        List<String> classes = bundled.model().classNames();
        double threshold = bundled.followUpScreen().threshold();
        double[] posterior = new double[classes.size()];
        // normal most probable, the murmur just above the threshold
        posterior[classes.indexOf("murmur")] = threshold + 0.01;
        posterior[classes.indexOf("normal")] = 1 - threshold - 0.01;
        assertTrue(posterior[classes.indexOf("normal")] > threshold + 0.01, "a threshold under a half");
        Verdict verdict = VerdictAdvisor.verdict(bundled, posterior, info(4000, 20, -30, List.of()), null, null);
        assertEquals("yes", verdict.followUp());
        assertEquals(String.format(java.util.Locale.ROOT, "Normal is the most probable class, but the classes that "
                + "need follow-up together reach the model's threshold (p_follow_up %.2f, threshold %.2f).",
                threshold + 0.01, threshold), verdict.warnings().get(0), "read first");

        posterior[classes.indexOf("murmur")] = threshold - 0.01;
        posterior[classes.indexOf("normal")] = 1 - threshold + 0.01;
        Verdict below = VerdictAdvisor.verdict(bundled, posterior, info(4000, 20, -30, List.of()), null, null);
        assertEquals("no", below.followUp());
        assertTrue(below.warnings().stream().noneMatch(w -> w.startsWith("Normal is")), below.warnings().toString());
    }
}
