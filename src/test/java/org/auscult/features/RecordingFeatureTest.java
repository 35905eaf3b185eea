package org.auscult.features;

import org.auscult.dsp.ParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class RecordingFeatureTest {

    /** Peak and length of the recording, computed through one shared intermediate result. */
    static class PeakAndLength implements RecordingFeature {
        static final String NAME = "test_peak_and_length";
        static final AtomicInteger COMPUTATIONS = new AtomicInteger();

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "peak absolute sample and length in seconds";
        }

        @Override
        public List<String> parameters() {
            return List.of();
        }

        @Override
        public List<String> valueNames(FeatureConfig config) {
            return List.of("test_peak", "test_seconds");
        }

        @Override
        public double[] compute(AnalysisContext context) {
            double[] shared = context.shared("test.peak", double[].class, () -> {
                COMPUTATIONS.incrementAndGet();
                double peak = 0;
                for (float v : context.clip().samples()) {
                    peak = Math.max(peak, Math.abs(v));
                }
                return new double[] {peak};
            });
            double[] again = context.shared("test.peak", double[].class, () -> {
                throw new AssertionError("computed twice");
            });
            assertTrue(shared == again);
            return new double[] {shared[0], context.clip().durationSeconds()};
        }
    }

    static {
        if (!FeatureRegistry.contains(PeakAndLength.NAME)) {
            FeatureRegistry.register(new PeakAndLength());
        }
    }

    @Test
    void valuesGoIntoTheSummaryAsTheyAreInTheirPlace() {
        FeatureConfig config = FeatureConfig.defaults().withFeatures(List.of("zcr", PeakAndLength.NAME, "spectral_centroid"));
        List<String> names = FeatureRegistry.summaryNames(config);
        assertEquals(List.of("zcr_mean", "zcr_std", "test_peak", "test_seconds", "spectral_centroid_mean",
                "spectral_centroid_std"), names);
        float[] samples = new float[8000];
        samples[100] = -0.75f;
        FeatureSet set = new FeatureEngine(config).extract(new AudioClip(samples, 4000));
        assertEquals(names, set.summary().names());
        assertEquals(0.75, set.summary().values()[2], 0);
        assertEquals(2.0, set.summary().values()[3], 0);
        assertEquals(List.of("zcr", "spectral_centroid"), set.series().stream().map(FrameSeries::feature).toList());
    }

    @Test
    void isEnabledByNameAndSurvivesThePropertyRoundTrip() {
        FeatureConfig config = FeatureConfig.of(Map.of("features", "mfcc," + PeakAndLength.NAME));
        assertEquals(config, FeatureConfig.of(config.toProperties()));
        assertEquals(List.of("mfcc"), FeatureRegistry.enabled(config).stream().map(FeatureExtractor::name).toList());
        assertEquals(List.of(PeakAndLength.NAME),
                FeatureRegistry.enabledRecordingFeatures(config).stream().map(RecordingFeature::name).toList());
        assertEquals(List.of("test_peak", "test_seconds"), FeatureRegistry.columns(PeakAndLength.NAME, config));
        assertTrue(FeatureRegistry.names().contains(PeakAndLength.NAME));
        assertEquals("peak absolute sample and length in seconds", FeatureRegistry.description(PeakAndLength.NAME));
    }

    @Test
    void framesAndRecordingGroupsShareOneNameSpace() {
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> FeatureRegistry.register(new PeakAndLength()));
        assertTrue(taken.getMessage().contains("already registered"), taken.getMessage());
        RecordingFeature namedMfcc = new PeakAndLength() {
            @Override
            public String name() {
                return "mfcc";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> FeatureRegistry.register(namedMfcc));
        ParameterException notFrame = assertThrows(ParameterException.class, () -> FeatureRegistry.get(PeakAndLength.NAME));
        assertTrue(notFrame.getMessage().contains("recording-level"), notFrame.getMessage());
        assertThrows(ParameterException.class, () -> FeatureRegistry.recordingFeature("mfcc"));
    }
}
