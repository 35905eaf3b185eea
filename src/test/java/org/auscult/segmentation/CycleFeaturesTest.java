package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.features.CycleEmission;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureVector;
import org.junit.jupiter.api.Test;

class CycleFeaturesTest {

    private static final FeatureConfig CYCLE_GROUPS = FeatureConfig.defaults()
            .withFeatures(List.of("mfcc", "rhythm", "quality", "cycle", "cycle_mfcc"));

    @Test
    void theHeartCycleGroupsAreRegisteredThroughServiceLoader() {
        for (String name : List.of("rhythm", "quality", "cycle", "cycle_mfcc")) {
            assertTrue(FeatureRegistry.isRecordingFeature(name), name);
        }
        List<String> names = FeatureRegistry.summaryNames(CYCLE_GROUPS);
        assertEquals(13 * 2 + 12 + 4 + 10 + 4 * 13, names.size());
        assertEquals("rhythm_heart_rate", names.get(26));
        assertEquals("cycle_mfcc_diastole_13", names.get(names.size() - 1));
        assertEquals(CYCLE_GROUPS, FeatureConfig.of(CYCLE_GROUPS.toProperties()));
        assertEquals(CYCLE_GROUPS, FeatureConfig.of(Map.of("features", "mfcc,rhythm,quality,cycle,cycle_mfcc")));
    }

    @Test
    void theSegmentationTheCycleFeaturesUsedIsTheOneHandedOn() {
        AudioClip clip = Lubdub.of(8, Lubdub.regularBeats(72, 0.5, 8), 0.3, 60, 60);
        Map<String, Object> shared = new java.util.HashMap<>();
        new FeatureEngine(CYCLE_GROUPS).extract(clip, shared);
        HeartSoundSegmenter segmenter = new HeartSoundSegmenter();
        Segmentation used = segmenter.segment(clip, shared);
        assertTrue(used == segmenter.segment(clip, shared), "segmented once, whoever asks");
        assertEquals(new HeartSoundSegmenter().segment(clip), used);
        Map<String, Object> none = new java.util.HashMap<>();
        new FeatureEngine(FeatureConfig.defaults()).extract(clip, none);
        assertTrue(none.isEmpty(), "without cycle features nothing is segmented");
        assertEquals(used, segmenter.segment(clip, none));
        assertEquals(1, none.size());
    }

    @Test
    void theCyclesAreFoundByTheEmissionTheConfigurationNames() throws Exception {
        AudioClip clip = new org.auscult.audio.RecordingDecoder()
                .decode(java.nio.file.Path.of("sample-recordings/circor/36327_MV.wav")).clip();
        Segmentation handSet = HeartSoundSegmenter.handSet().segment(clip);
        Segmentation trained = HeartSoundSegmenter.of(CycleEmission.TRAINED).segment(clip);
        Segmentation network = HeartSoundSegmenter.of(CycleEmission.NETWORK).segment(clip);
        assertTrue(!handSet.equals(trained) && !network.equals(trained) && !network.equals(handSet),
                "the three emissions segment this recording apart");
        Map<CycleEmission, Segmentation> alone = Map.of(CycleEmission.HAND_SET, handSet, CycleEmission.TRAINED, trained,
                CycleEmission.NETWORK, network);
        assertEquals(CycleEmission.HAND_SET, CYCLE_GROUPS.cycleEmission());
        for (CycleEmission emission : CycleEmission.values()) {
            Map<String, Object> shared = new java.util.HashMap<>();
            new FeatureEngine(CYCLE_GROUPS.withCycleEmission(emission)).extract(clip, shared);
            Segmentation used = HeartSoundSegmenter.of(emission).segment(clip, shared);
            assertEquals(alone.get(emission), used, emission.key());
            // the window's segmenter is the trained one; after the features it shows what they used
            assertEquals(used, HeartSoundSegmenter.of(CycleEmission.TRAINED).segment(clip, shared), emission.key());
        }
    }

    @Test
    void rhythmOfARegularAndAnIrregularTrain() {
        FeatureEngine engine = new FeatureEngine(CYCLE_GROUPS);
        double[] beats = Lubdub.regularBeats(72, 0.5, 12);
        FeatureVector regular = engine.extract(Lubdub.of(12, beats, 0.3, 60, 60)).summary();
        assertEquals(72, value(regular, "rhythm_heart_rate"), 1.8);
        assertEquals(0, value(regular, "rhythm_premature_beats"));
        assertTrue(value(regular, "rhythm_rr_cv") < 0.02);
        assertEquals(0, value(regular, "quality_unsure"));
        beats[6] -= 0.35 * 60 / 72;
        FeatureVector premature = engine.extract(Lubdub.of(12, beats, 0.3, 60, 60)).summary();
        assertEquals(1, value(premature, "rhythm_premature_beats"));
        assertTrue(value(premature, "rhythm_premature_ratio_min") < 0.7);
        assertTrue(value(premature, "rhythm_rr_max_ratio") > 1.25);
        for (double v : premature.values()) {
            assertTrue(Double.isFinite(v), premature.toString());
        }
    }

    @Test
    void aSystolicMurmurRaisesSystolicEnergyAndItsHighFrequencies() {
        FeatureEngine engine = new FeatureEngine(CYCLE_GROUPS);
        double[] beats = Lubdub.regularBeats(70, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        AudioClip murmur = withNoise(clean, beats, 0.08, 0.22, 0.05);
        FeatureVector before = engine.extract(clean).summary();
        FeatureVector after = engine.extract(murmur).summary();
        assertTrue(value(after, "cycle_systole_diastole_ratio") > value(before, "cycle_systole_diastole_ratio") + 1,
                before + " / " + after);
        assertTrue(value(after, "cycle_systole_hf") > 0.5, after.toString());
        assertTrue(value(after, "cycle_systole_energy") > 3 * value(after, "cycle_diastole_energy"));
    }

    @Test
    void aThirdHeartSoundIsAnExtraPeakInDiastole() {
        FeatureEngine engine = new FeatureEngine(CYCLE_GROUPS);
        double[] beats = Lubdub.regularBeats(60, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        // S3 150 ms after S2 (the train's second bursts are pushed past the end of the recording)
        double[] s3 = java.util.Arrays.stream(beats).map(b -> b + 0.32 + 0.15).toArray();
        AudioClip third = add(clean, Lubdub.of(12, s3, 100, 40, 40), 0.8);
        FeatureVector before = engine.extract(clean).summary();
        FeatureVector after = engine.extract(third).summary();
        assertTrue(value(before, "cycle_diastole_peaks") < 0.1, before.toString());
        assertTrue(value(after, "cycle_diastole_peaks") > 0.8, after.toString());
        assertTrue(value(after, "cycle_diastole_peak_height") > value(before, "cycle_diastole_peak_height") + 0.3);
    }

    @Test
    void aRecordingWithoutBeatsGivesFiniteNeutralValues() {
        FeatureEngine engine = new FeatureEngine(CYCLE_GROUPS);
        for (AudioClip clip : List.of(new AudioClip(new float[4000], 4000), new AudioClip(new float[0], 4000))) {
            FeatureVector vector = engine.extract(clip).summary();
            for (int i = 0; i < vector.size(); i++) {
                assertTrue(Double.isFinite(vector.values()[i]), vector.names().get(i));
            }
            assertEquals(0, value(vector, "rhythm_premature_beats"));
            assertEquals(1, value(vector, "rhythm_premature_ratio_min"));
            assertEquals(0, value(vector, "cycle_systole_diastole_ratio"));
            assertEquals(1, value(vector, "quality_unsure"));
        }
    }

    private static double value(FeatureVector vector, String name) {
        return vector.value(name);
    }

    /** {@code clean} plus white noise of standard deviation {@code level} from {@code from} to {@code to} s after each beat. */
    private static AudioClip withNoise(AudioClip clean, double[] beats, double from, double to, double level) {
        float[] samples = clean.samples().clone();
        Random random = new Random(3);
        int rate = clean.sampleRate();
        for (double beat : beats) {
            for (int i = (int) ((beat + from) * rate); i < Math.min(samples.length, (int) ((beat + to) * rate)); i++) {
                samples[i] += (float) (level * random.nextGaussian());
            }
        }
        return new AudioClip(samples, rate);
    }

    /** {@code a + gain · b}. */
    private static AudioClip add(AudioClip a, AudioClip b, double gain) {
        float[] samples = a.samples().clone();
        float[] other = b.samples();
        for (int i = 0; i < samples.length; i++) {
            samples[i] += (float) (gain * other[i]);
        }
        return new AudioClip(samples, a.sampleRate());
    }
}
