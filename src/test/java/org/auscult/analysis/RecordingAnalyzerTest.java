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
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.WavWriter;
import org.auscult.features.CycleEmission;
import org.auscult.learn.Cancellation;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.quality.UnsureReason;
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
        assertTrue(!model.model().featureNames().contains("cycle_count"), "a model without the cycle groups");
        assertEquals(HeartSoundSegmenter.of(CycleEmission.TRAINED).segment(analysis.conditioned()),
                analysis.segmentation(), "nothing segmented for the verdict: shown with the trained emission");
    }

    @Test
    void aRecordingPressedTooHardIsCalledClippedAsTheWindowCallsIt() throws Exception {
        // a sample amplified until about 40 % of its samples sit at full scale, at 4 kHz; the bundled model analyses
        // at 2 kHz, and resampling rounds the flat tops into ripples above them
        AudioClip sample = new RecordingDecoder().decode(SampleModel.CIRCOR.resolve("69120_TV.wav")).clip();
        float[] loud = new float[sample.length()];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = Math.max(-1f, Math.min(32_767f / 32_768f, 12 * sample.samples()[i]));
        }
        Path file = folder.resolve("pressed-hard.wav");
        WavWriter.writePcm16(file, new AudioClip(loud, sample.sampleRate()), WavWriter.Overwrite.REFUSE);
        LoadedModel model = LoadedModel.load(null);
        assertTrue(model.analysisConfig().conditioning().analysisRate() < sample.sampleRate());
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), false)
                .assessingQuality();

        RecordingAnalyzer.Analysis fromFile = analyzer.analyze(file);
        assertEquals(java.util.Optional.of(UnsureReason.CLIPPED), fromFile.quality().reason());
        assertTrue(fromFile.verdict().warnings().get(0).startsWith("Unsure: clipped"), fromFile.verdict().warnings()
                .toString());

        RecordingAnalyzer.Analysis inTheWindow = analyzer.analyzeDecoded(file,
                DisplayDecoding.decodeForDisplay(file, model.analysisConfig()));
        assertEquals(inTheWindow.quality().kinds(), fromFile.quality().kinds());
        assertArrayEquals(inTheWindow.quality().probability(), fromFile.quality().probability(), 0);
        assertArrayEquals(inTheWindow.verdict().probabilities(), fromFile.verdict().probabilities(), 0);
        assertEquals(inTheWindow.verdict().warnings(), fromFile.verdict().warnings());
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

    /** 150 s of a steady beat at 44.1 kHz: judged in 3 windows of 50 s, held at 4 kHz. */
    private Path longBeatAt44k(String name) throws Exception {
        float[] beat = org.auscult.app.timeline.SteadyBeatDrawingTest.steadyBeat(150);
        float[] fast = new float[beat.length * 441 / 40];
        for (int n = 0; n < fast.length; n++) {
            fast[n] = beat[(int) ((long) n * 40 / 441)];
        }
        Path file = folder.resolve(name + ".wav");
        WavWriter.writePcm16(file, new AudioClip(fast, 44_100), WavWriter.Overwrite.REFUSE);
        return file;
    }

    @Test
    void theOpeningOfALongRecordingIsJudgedFromItsFileAsTheWholeAnalysisJudgesItsFirstWindow() throws Exception {
        Path file = longBeatAt44k("long");
        LoadedModel model = SampleModel.get();
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), false);
        RecordingAnalyzer.Provisional opening = analyzer.judgeOpening(file);
        assertNotNull(opening);
        assertEquals(1, opening.windowsJudged());
        assertEquals(3, opening.windows());
        assertEquals(List.of("Provisional: 1 of 3 windows judged so far."), opening.verdict().warnings());
        assertEquals(1, opening.trend().windows().size());
        assertEquals(50, opening.trend().windows().get(0).endSeconds(), 0.01);

        List<RecordingAnalyzer.Provisional> whole = new java.util.ArrayList<>();
        analyzer.analyzeDecoded(file, DisplayDecoding.decodeForDisplay(file, analyzer.config()), whole::add);
        RecordingAnalyzer.Provisional first = whole.get(0);
        assertEquals(1, first.windowsJudged());
        // the same window: conditioned alone it differs only where the band-pass meets the window's end
        assertArrayEquals(first.verdict().probabilities(), opening.verdict().probabilities(), 0.02);
        assertEquals(first.verdict().predictedClass(), opening.verdict().predictedClass());
        assertEquals(first.trend().windows().get(0).heartRateBpm(), opening.trend().windows().get(0).heartRateBpm(),
                1.0);
    }

    @Test
    void theOpeningIsNotJudgedForARecordingJudgedWholeASilentStartOrWithoutAModel() throws Exception {
        LoadedModel model = SampleModel.get();
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), false);
        assertNull(analyzer.judgeOpening(wav("short", noise(20 * RATE, 0.1))), "20 s is judged whole");
        float[] quietStart = org.auscult.app.timeline.SteadyBeatDrawingTest.steadyBeat(150);
        java.util.Arrays.fill(quietStart, 0, 60 * RATE, 0f);
        assertNull(analyzer.judgeOpening(wav("quiet-start", quietStart)), "its first window is silent");
        assertNull(new RecordingAnalyzer(AnalysisConfig.defaults()).judgeOpening(longBeatAt44k("unjudged")),
                "no model, nothing judged");
    }

    @Test
    void aLongRecordingOfNoiseIsUnsureAsAShortOneIsAndItsWindowsBoundTheDuration() throws Exception {
        LoadedModel model = LoadedModel.load(null);
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), false)
                .assessingQuality();
        RecordingAnalyzer.Analysis noise = analyzer.analyze(wav("noise-150s", noise(150 * RATE, 0.1)));

        assertEquals(150, noise.quality().kinds().size(), "every second of the three windows");
        assertFalse(noise.quality().judgeable());
        assertTrue(noise.verdict().judged());
        assertTrue(noise.verdict().warnings().get(0).startsWith("Unsure: "), noise.verdict().warnings().toString());
        assertEquals(noise.verdict().warnings().get(0), noise.verdict().unsure());
        assertFalse(noise.verdict().followUp().equals("no"), "a noisy hour rules nothing out");
        assertTrue(noise.verdict().warnings().stream().noneMatch(w -> w.startsWith("Duration")),
                "each window of 50 s lies within the training durations: " + noise.verdict().warnings());
    }
}
