package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.auscult.audio.AudioClip;
import org.auscult.dsp.ParameterException;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureSet;
import org.auscult.segmentation.quality.QualityMap;
import org.auscult.segmentation.quality.SecondKind;
import org.junit.jupiter.api.Test;

class UsableStretchesTest {

    private static QualityMap map(double duration, String pattern) {
        List<SecondKind> kinds = new ArrayList<>();
        for (char c : pattern.toCharArray()) {
            kinds.add(c == 'u' ? SecondKind.USABLE : SecondKind.NOISE);
        }
        return new QualityMap(duration, kinds, new double[kinds.size()]);
    }

    @Test
    void theStretchesMeasuredAreTheLongOnesOrElseTheLongest() {
        assertEquals(List.of(), UsableStretches.chosen(map(10, "uuuuuuuuuu")), "usable throughout: whole");
        assertEquals(List.of(new QualityMap.Stretch(0, 4), new QualityMap.Stretch(6, 10.5)),
                UsableStretches.chosen(map(10.5, "uuuunnuuuu")));
        assertEquals(List.of(new QualityMap.Stretch(4, 7)), UsableStretches.chosen(map(10, "uunnuuunnn")));
        assertEquals(List.of(), UsableStretches.chosen(map(10, "nnnnnnnnnn")));
    }

    @Test
    void theSummaryIsTheDurationWeightedMeanOfEachStretchMeasuredOnItsOwn() {
        int rate = 2000;
        float[] samples = new float[rate * 10];
        Random random = new Random(3);
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) rate;
            samples[i] = (float) (t < 4 ? 0.3 * Math.sin(2 * Math.PI * 90 * t)
                    : t < 6 ? random.nextGaussian() : 0.2 * Math.sin(2 * Math.PI * 200 * t));
        }
        AudioClip clip = new AudioClip(samples, rate);
        FeatureEngine engine = new FeatureEngine(DefaultConfigs.COMMON.features());
        FeatureSet whole = engine.extract(clip);
        assertSame(whole, UsableStretches.measured(engine, clip, whole, List.of()));

        List<QualityMap.Stretch> stretches = List.of(new QualityMap.Stretch(0, 4), new QualityMap.Stretch(6, 10));
        FeatureSet measured = UsableStretches.measured(engine, clip, whole, stretches);
        double[] first = engine.extract(new AudioClip(Arrays.copyOfRange(samples, 0, 4 * rate), rate)).summary()
                .values();
        double[] second = engine.extract(new AudioClip(Arrays.copyOfRange(samples, 6 * rate, 10 * rate), rate))
                .summary().values();
        double[] expected = new double[first.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (4 * first[i] + 4 * second[i]) / 8;
        }
        assertArrayEquals(expected, measured.summary().values(), 1e-9);
        assertSame(whole.series(), measured.series(), "the window still draws the whole recording");
    }

    @Test
    void theOptionIsWrittenOnlyWhenOnAndReadBack() {
        AnalysisConfig plain = AnalysisConfig.defaults();
        assertEquals(false, plain.toProperties().containsKey(AnalysisConfig.USABLE_STRETCHES));
        Map<String, String> on = new java.util.LinkedHashMap<>(plain.toProperties());
        on.put(AnalysisConfig.USABLE_STRETCHES, "true");
        AnalysisConfig read = AnalysisConfig.of(on);
        assertEquals(true, read.usableStretches());
        assertEquals("true", read.toProperties().get(AnalysisConfig.USABLE_STRETCHES));
        assertEquals(true, read.withFeatures(read.features()).usableStretches());
        assertThrows(ParameterException.class, () -> AnalysisConfig.of(Map.of(AnalysisConfig.USABLE_STRETCHES,
                "yes")));
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    @Test
    void aRecordingOfNoiseOnlyIsMeasuredButHasTooFewUsableSeconds() throws Exception {
        AnalysisConfig config = new AnalysisConfig(DefaultConfigs.COMMON.conditioning(),
                DefaultConfigs.COMMON.features(), true);
        float[] samples = new float[2000 * 12];
        Random random = new Random(5);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.2 * random.nextGaussian());
        }
        java.nio.file.Path file = folder.resolve("noise.wav");
        org.auscult.audio.WavWriter.writePcm16(file, new AudioClip(samples, 2000),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        RecordingAnalyzer.Analysis analysis = new RecordingAnalyzer(config).analyze(file);
        assertEquals(false, analysis.quality().judgeable(), analysis.quality().describe());
        assertEquals(12, analysis.quality().kinds().size());
    }

    /** The default recipe's analysis, without depending on the experiments package. */
    private static final class DefaultConfigs {
        static final AnalysisConfig COMMON = AnalysisConfig.of(CorpusStep.COMMON);
    }
}
