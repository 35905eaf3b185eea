package org.auscult.features;

import org.auscult.dsp.ParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class FeatureRegistryTest {

    @Test
    void holdsTheBuiltInFeaturesInOrder() {
        assertEquals(List.of("mfcc", "zcr", "spectral_centroid", "spectral_rolloff", "chroma", "melspectrogram"),
                FeatureRegistry.names().subList(0, 6));
        for (FeatureExtractor extractor : FeatureRegistry.all()) {
            assertFalse(extractor.description().isBlank(), extractor.name());
            assertTrue(FeatureConfig.KEYS.containsAll(extractor.parameters()), extractor.name());
            assertFalse(extractor.parameters().isEmpty(), extractor.name());
        }
    }

    @Test
    void everyBuiltInGroupHasANameAndAnExplanationForPeople() {
        List<String> builtIn = List.of("mfcc", "zcr", "spectral_centroid", "spectral_rolloff", "chroma",
                "melspectrogram", "rhythm", "quality", "cycle", "cycle_mfcc", "cycle_murmur");
        List<String> shown = new ArrayList<>();
        for (String name : builtIn) {
            String forPeople = FeatureRegistry.displayName(name);
            assertFalse(forPeople.contains("_") || forPeople.equals(name), name + " is shown as " + forPeople);
            assertTrue(Character.isUpperCase(forPeople.charAt(0)), forPeople);
            assertFalse(FeatureRegistry.description(name).isBlank(), name);
            assertFalse(FeatureRegistry.description(name).contains("\n"), "one line: " + name);
            shown.add(forPeople);
        }
        assertEquals(builtIn.size(), shown.stream().distinct().count(), shown.toString());
        assertEquals("MFCCs per heart-cycle phase", FeatureRegistry.displayName("cycle_mfcc"));
    }

    @Test
    void columnsFollowTheConfiguration() {
        FeatureConfig config = FeatureConfig.defaults();
        List<String> mfcc = FeatureRegistry.columns("mfcc", config);
        assertEquals(13, mfcc.size());
        assertEquals("mfcc_01", mfcc.get(0));
        assertEquals("mfcc_13", mfcc.get(12));
        assertEquals(List.of("chroma_C", "chroma_C#", "chroma_D", "chroma_D#", "chroma_E", "chroma_F", "chroma_F#",
                "chroma_G", "chroma_G#", "chroma_A", "chroma_A#", "chroma_B"), FeatureRegistry.columns("chroma", config));
        assertEquals(List.of("zcr"), FeatureRegistry.columns("zcr", config));
        assertEquals(List.of("spectral_centroid"), FeatureRegistry.columns("spectral_centroid", config));
        assertEquals(List.of("spectral_rolloff"), FeatureRegistry.columns("spectral_rolloff", config));
        assertEquals(40, FeatureRegistry.columns("melspectrogram", config).size());
        FeatureConfig librosa = FeatureConfig.librosaDefaults();
        assertEquals("mfcc_40", FeatureRegistry.columns("mfcc", librosa).get(39));
        assertEquals("mel_128", FeatureRegistry.columns("melspectrogram", librosa).get(127));
        FeatureConfig quarterTones = FeatureConfig.of(java.util.Map.of("nChroma", "24"));
        assertEquals("chroma_24", FeatureRegistry.columns("chroma", quarterTones).get(23));
    }

    @Test
    void summaryNamesAreKnownWithoutAudio() {
        List<String> names = FeatureRegistry.summaryNames(FeatureConfig.defaults());
        assertEquals((13 + 1 + 1 + 1 + 12) * 2, names.size());
        assertEquals(List.of("mfcc_01_mean", "mfcc_01_std", "mfcc_02_mean"), names.subList(0, 3));
        assertTrue(names.contains("zcr_mean"));
        assertTrue(names.contains("spectral_centroid_std"));
        assertTrue(names.contains("spectral_rolloff_mean"));
        assertEquals("chroma_B_std", names.get(names.size() - 1));
        assertEquals(names.size(), new java.util.HashSet<>(names).size());
        AudioClip clip = Signals.whiteNoise(0.1, 1.0, 4000, 1L);
        assertEquals(names, new FeatureEngine(FeatureConfig.defaults()).extract(clip).summary().names());
    }

    @Test
    void aNewFeatureIsOneClassAndOneServiceLine() {
        assertTrue(FeatureRegistry.contains(PeakAmplitudeTestFeature.NAME), "registered through META-INF/services");
        FeatureConfig config = FeatureConfig.defaults().withFeatures(List.of("zcr", PeakAmplitudeTestFeature.NAME));
        FeatureSet features = new FeatureEngine(config).extract(Signals.sine(100, 0.25, Math.PI / 2, 1.0, 4000));
        assertEquals(List.of("zcr_mean", "zcr_std", "peak_amplitude_mean", "peak_amplitude_std"),
                features.summary().names());
        assertEquals(0.25, features.series(PeakAmplitudeTestFeature.NAME).values()[10][0], 1e-6);
    }

    @Test
    void registerAddsAFeatureAtRunTime() {
        FeatureExtractor frameIndex = new FeatureExtractor() {
            @Override public String name() { return "test_frame_index"; }
            @Override public String description() { return "index of the frame (test feature)"; }
            @Override public List<String> parameters() { return List.of("hopSize"); }
            @Override public List<String> columns(FeatureConfig config) { return List.of("frame_index"); }
            @Override public double[][] compute(AnalysisContext context) {
                double[][] values = new double[context.frameCount()][1];
                for (int t = 0; t < values.length; t++) {
                    values[t][0] = t;
                }
                return values;
            }
        };
        if (!FeatureRegistry.contains(frameIndex.name())) {
            FeatureRegistry.register(frameIndex);
        }
        FeatureConfig config = FeatureConfig.defaults().withFeatures(List.of("test_frame_index"))
                .withStatistics(List.of(SummaryStatistic.MAX));
        assertEquals(4000 / 64, new FeatureEngine(config).extract(Signals.silence(4000, 4000)).summary()
                .value("frame_index_max"));
    }

    @Test
    void refusesDuplicatesBadNamesAndUnknownParameters() {
        assertThrows(IllegalArgumentException.class, () -> FeatureRegistry.register(new MfccFeature()));
        assertThrows(IllegalArgumentException.class, () -> FeatureRegistry.register(renamed("Bad Name", List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureRegistry.register(renamed("test_unknown_parameter", List.of("sampleRate"))));
        assertFalse(FeatureRegistry.contains("test_unknown_parameter"));
        ParameterException unknown = assertThrows(ParameterException.class, () -> FeatureRegistry.get("spectral_flux"));
        assertTrue(unknown.getMessage().contains("spectral_flux") && unknown.getMessage().contains("mfcc"));
    }

    @Test
    void collidingColumnNamesAreReported() {
        FeatureExtractor secondZcr = renamed("test_second_zcr", List.of("frameSize"));
        if (!FeatureRegistry.contains(secondZcr.name())) {
            FeatureRegistry.register(secondZcr);
        }
        FeatureConfig config = FeatureConfig.defaults().withFeatures(List.of("zcr", "test_second_zcr"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> FeatureRegistry.summaryNames(config));
        assertTrue(error.getMessage().contains("zcr"));
    }

    /** A feature with the given name and parameters whose only column is "zcr". */
    private static FeatureExtractor renamed(String name, List<String> parameters) {
        return new FeatureExtractor() {
            @Override public String name() { return name; }
            @Override public String description() { return "test"; }
            @Override public List<String> parameters() { return new ArrayList<>(parameters); }
            @Override public List<String> columns(FeatureConfig config) { return List.of("zcr"); }
            @Override public double[][] compute(AnalysisContext context) { return new double[0][1]; }
        };
    }
}
