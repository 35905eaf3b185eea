package org.auscult.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {

    private static final FeatureConfig ALL_STATISTICS = FeatureConfig.defaults()
            .withStatistics(List.of(SummaryStatistic.values()));

    @Test
    void summaryStatisticsHaveTheirDefinitions() {
        double[] values = {4, 1, 3, 2};
        assertEquals(2.5, SummaryStatistic.MEAN.of(values), 0.0);
        assertEquals(Math.sqrt(1.25), SummaryStatistic.STD.of(values), 1e-15);
        assertEquals(1.0, SummaryStatistic.MIN.of(values), 0.0);
        assertEquals(4.0, SummaryStatistic.MAX.of(values), 0.0);
        assertEquals(2.5, SummaryStatistic.MEDIAN.of(values), 0.0);
        assertEquals(3.0, SummaryStatistic.MEDIAN.of(new double[] {5, 3, 1}), 0.0);
        assertArrayEquals(new double[] {4, 1, 3, 2}, values, 0.0);
        for (SummaryStatistic statistic : SummaryStatistic.values()) {
            assertTrue(Double.isNaN(statistic.of(new double[0])), statistic + " of nothing");
        }
    }

    @Test
    void theSummaryIsTheStatisticsOfEachColumn() {
        AudioClip clip = Signals.whiteNoise(0.2, 3.0, 4000, 11L);
        FeatureSet features = new FeatureEngine(ALL_STATISTICS).extract(clip);
        assertEquals(FeatureRegistry.summaryNames(ALL_STATISTICS), features.summary().names());
        int index = 0;
        for (FrameSeries series : features.series()) {
            for (int c = 0; c < series.columnCount(); c++) {
                double[] column = series.column(c);
                for (SummaryStatistic statistic : ALL_STATISTICS.statistics()) {
                    assertEquals(series.columns().get(c) + "_" + statistic.suffix(), features.summary().names().get(index));
                    assertEquals(statistic.of(column), features.summary().values()[index], 0.0);
                    index++;
                }
            }
        }
        assertEquals(features.summary().size(), index);
    }

    @Test
    void seriesFollowTheConfiguredOrderAndShareTheFrameCount() {
        FeatureConfig config = FeatureConfig.defaults().withFeatures(List.of("chroma", "zcr", "mfcc"));
        AudioClip clip = Signals.sine(200, 0.3, 0, 1.5, 4000);
        FeatureSet features = new FeatureEngine(config).extract(clip);
        assertEquals(List.of("chroma", "zcr", "mfcc"), features.series().stream().map(FrameSeries::feature).toList());
        for (FrameSeries series : features.series()) {
            assertEquals(config.frameCount(clip.length()), series.frameCount());
            assertEquals(64, series.hopSize());
            assertEquals(4000, series.sampleRate());
        }
        assertEquals(1.5, features.durationSeconds(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> features.series("spectral_centroid"));
    }

    @Test
    void reusingAnEngineGivesTheSameResultsAsAFreshOne() {
        AudioClip first = Signals.whiteNoise(0.2, 2.0, 4000, 5L);
        AudioClip other = Signals.sine(440, 0.8, 0, 0.7, 8000);
        FeatureEngine engine = new FeatureEngine(ALL_STATISTICS);
        FeatureVector before = engine.extract(first).summary();
        FeatureVector atOtherRate = engine.extract(other).summary();
        FeatureVector after = engine.extract(first).summary();
        assertArrayEquals(before.values(), after.values(), 0.0);
        assertArrayEquals(new FeatureEngine(ALL_STATISTICS).extract(other).summary().values(), atOtherRate.values(), 0.0);
    }

    @Test
    void theSpectrogramAndMelSpectrogramAreComputedOncePerRecording() {
        AnalysisContext context = AnalysisContext.of(Signals.whiteNoise(0.2, 1.0, 4000, 9L), FeatureConfig.defaults());
        Spectrogram spectrogram = context.spectrogram();
        new MfccFeature().compute(context);
        new SpectralCentroidFeature().compute(context);
        new ChromaFeature().compute(context);
        assertSame(spectrogram, context.spectrogram());
        assertSame(context.melSpectrogram(), context.melSpectrogram());
        assertSame(context.melFilterbank(), context.melFilterbank());
        assertEquals(context.frameCount(), spectrogram.frameCount());
    }

    @Test
    void frameSeriesKnowTheirTimes() {
        FrameSeries series = new FrameSeries("zcr", List.of("zcr"), new double[][] {{0.1}, {0.2}, {0.3}}, 64, 4000);
        assertEquals(0.0, series.timeOfFrame(0), 0.0);
        assertEquals(0.032, series.timeOfFrame(2), 1e-15);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, series.column("zcr"), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> new FrameSeries("zcr", List.of("a", "b"), new double[][] {{0.1}}, 64, 4000));
        assertThrows(IllegalArgumentException.class, () -> new FeatureVector(List.of("a"), new double[2]));
    }

    @Test
    void theSpectrogramIsTheWindowedFftOfEachFrame() {
        AudioClip clip = Signals.whiteNoise(0.3, 0.5, 4000, 21L);
        FeatureConfig config = FeatureConfig.defaults();
        Spectrogram spectrogram = Spectrogram.compute(clip, config);
        int frame = 7;
        double[] window = config.window().coefficients(256);
        double[] samples = new double[256];
        for (int n = 0; n < 256; n++) {
            samples[n] = clip.samples()[frame * 64 - 128 + n] * window[n];
        }
        for (int k : new int[] {0, 1, 50, 128}) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < 256; n++) {
                re += samples[n] * Math.cos(2 * Math.PI * k * n / 256);
                im -= samples[n] * Math.sin(2 * Math.PI * k * n / 256);
            }
            assertEquals(Math.hypot(re, im), spectrogram.magnitude(frame, k), 1e-12);
            assertEquals(re * re + im * im, spectrogram.power(frame, k), 1e-12);
        }
        assertEquals(15.625, spectrogram.binFrequency(1), 0.0);
    }
}
