package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.auscult.app.SampleModel;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.learn.Cancellation;
import org.auscult.segmentation.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one road from a recording to a verdict, and the recordings it refuses to judge. */
class RecordingAnalyzerTest {

    private static final int RATE = 4000;

    @TempDir
    Path folder;

    private Path wav(String name, float[] samples) throws Exception {
        Path file = folder.resolve(name + ".wav");
        WavWriter.writePcm16(file, new AudioClip(samples, RATE), WavWriter.Overwrite.REFUSE);
        return file;
    }

    private static float[] noise(int length, double amplitude) {
        Random random = new Random(3);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) (amplitude * random.nextGaussian());
        }
        return samples;
    }

    private static RecordingAnalyzer.Analysis judge(Path file) throws Exception {
        LoadedModel model = SampleModel.get();
        return RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), true).analyze(file);
    }

    @Test
    void aSilentRecordingIsNotJudged() throws Exception {
        RecordingAnalyzer.Analysis analysis = judge(wav("silent", new float[5 * RATE]));
        Verdict verdict = analysis.verdict();
        assertFalse(verdict.judged());
        assertEquals("Cannot judge: the recording is silent (every sample is zero).", verdict.cannotJudge());
        assertEquals(Verdict.CANNOT_JUDGE, verdict.predictedClass());
        assertTrue(Double.isNaN(verdict.confidence()));
        assertEquals(List.of(verdict.cannotJudge()), verdict.warnings());
        assertNull(analysis.segmentation(), "a recording that is not judged is not segmented");
        assertNotNull(analysis.features());
    }

    @Test
    void aNearlySilentRecordingIsNotJudged() throws Exception {
        // 16-bit noise of a few steps: a peak near -80 dBFS, the noise floor of a switched-off microphone
        Verdict verdict = judge(wav("hiss", noise(5 * RATE, 3e-5))).verdict();
        assertFalse(verdict.judged());
        assertTrue(verdict.cannotJudge().startsWith("Cannot judge: the recording is nearly silent (peak level -"),
                verdict.cannotJudge());
    }

    @Test
    void aRecordingOfAFewHundredSamplesOrUnderTwoCyclesIsNotJudged() throws Exception {
        assertEquals("Cannot judge: the recording lasts 0.08 s (300 samples), fewer than two heart cycles (2 s at "
                + "rest).", judge(wav("blip", noise(300, 0.3))).verdict().cannotJudge());
        assertFalse(judge(wav("short", noise(RATE * 3 / 2, 0.3))).verdict().judged());
        assertTrue(judge(wav("long-enough", noise(RATE * 5 / 2, 0.3))).verdict().judged());
    }

    @Test
    void aJudgedRecordingCarriesItsSegmentationAndEveryWarning() throws Exception {
        Path file = SampleModel.CIRCOR.resolve("36327_MV.wav");
        LoadedModel model = SampleModel.get();
        RecordingAnalyzer.Analysis analysis = judge(file);
        Verdict verdict = analysis.verdict();
        assertTrue(verdict.judged());
        double[] values = analysis.features().summary().values();
        double[] posterior = model.model().posterior(values);
        assertArrayEquals(posterior, verdict.probabilities(), 0);
        Verdict expected = VerdictAdvisor.verdict(model, posterior, analysis.info(),
                ReferenceSet.preferred(model, null), values);
        assertEquals(expected.warnings(), verdict.warnings());
        assertEquals(model.describe(), verdict.model());
        List<Segment> segments = analysis.segmentation().segments();
        assertEquals(analysis.conditioned().durationSeconds(), segments.get(segments.size() - 1).endSeconds(), 1e-9,
                "the conditioned clip is segmented");
    }

    @Test
    void aBatchReportsAFailingRecordingByNameAndGoesOn() throws Exception {
        Path broken = folder.resolve("broken.wav");
        java.nio.file.Files.writeString(broken, "not audio");
        Path silent = wav("silent", new float[5 * RATE]);
        LoadedModel model = SampleModel.get();
        List<RecordingBatch.Outcome<Verdict>> outcomes = RecordingBatch.run(List.of(
                FeatureTableBuilder.Input.of(broken, "broken"), FeatureTableBuilder.Input.of(silent, "silent")), 2,
                () -> RecordingAnalyzer.judging(model, null, false), (input, analysis) -> analysis.verdict(),
                (done, total, s) -> { },
                new Cancellation());
        assertEquals(broken, outcomes.get(0).failure().file());
        assertNull(outcomes.get(0).result());
        assertEquals("silent", outcomes.get(1).input().id());
        assertFalse(outcomes.get(1).result().judged());
    }
}
