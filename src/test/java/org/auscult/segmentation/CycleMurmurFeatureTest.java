package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureEngine;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureVector;
import org.junit.jupiter.api.Test;

class CycleMurmurFeatureTest {

    private static final FeatureConfig MURMUR_GROUP = FeatureConfig.defaults()
            .withFeatures(List.of("cycle_mfcc", "cycle_murmur"));
    private final FeatureEngine engine = new FeatureEngine(MURMUR_GROUP);

    @Test
    void theGroupIsRegisteredWithOneMfccDifferencePerCoefficient() {
        assertTrue(FeatureRegistry.isRecordingFeature(CycleMurmurFeature.NAME));
        List<String> names = FeatureRegistry.summaryNames(MURMUR_GROUP);
        assertEquals(4 * 13 + 16 + 13, names.size());
        assertEquals("cycle_murmur_sd_ratio", names.get(52));
        assertEquals("cycle_murmur_mfcc_sd_13", names.get(names.size() - 1));
    }

    /** Noise in every systole: louder than diastole in every beat, mostly above 100 Hz, a plateau. */
    @Test
    void aSystolicMurmurInEveryBeatIsLoudInSystoleAndInItsBands() {
        double[] beats = Lubdub.regularBeats(70, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        FeatureVector before = engine.extract(clean).summary();
        FeatureVector after = engine.extract(withSystolicNoise(clean, beats, 1.0)).summary();

        assertEquals(0, before.value("cycle_murmur_sd_fraction"), before.toString());
        assertEquals(1, after.value("cycle_murmur_sd_fraction"), after.toString());
        assertTrue(after.value("cycle_murmur_sd_ratio") > before.value("cycle_murmur_sd_ratio") + 0.8, after.toString());
        assertTrue(after.value("cycle_murmur_sd_ratio_200_400") > 0.8, after.toString());
        assertTrue(after.value("cycle_murmur_systole_sound") > 5 * before.value("cycle_murmur_systole_sound"));
        assertEquals(before.value("cycle_murmur_diastole_sound"), after.value("cycle_murmur_diastole_sound"),
                0.5 * before.value("cycle_murmur_diastole_sound"), "diastole untouched");
        assertTrue(after.value("cycle_murmur_systole_flatness") > 0.6, after.toString());
        // the systole's spectrum differs from the diastole's: the energy coefficient most of all
        assertTrue(after.value("cycle_murmur_mfcc_sd_01") > before.value("cycle_murmur_mfcc_sd_01") + 10,
                after.toString());
    }

    /**
     * Noise only in the first 80 ms after S1: the early-systole ratio finds it where the mid-systole ratio, which
     * leaves out the S1 tail and reads mostly the silent rest of the systole, barely moves.
     */
    @Test
    void anEarlySystolicMurmurRaisesTheEarlyRatioMoreThanTheMidSystolicOne() {
        double[] beats = Lubdub.regularBeats(70, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        FeatureVector before = engine.extract(clean).summary();
        FeatureVector after = engine.extract(withNoise(clean, beats, 0.03, 0.11, 1.0)).summary();

        double earlyRise = after.value("cycle_murmur_early_ratio") - before.value("cycle_murmur_early_ratio");
        double midRise = after.value("cycle_murmur_sd_ratio") - before.value("cycle_murmur_sd_ratio");
        assertTrue(earlyRise > 0.8, after.toString());
        assertTrue(earlyRise > midRise + 0.3, "early " + earlyRise + ", mid " + midRise);
        assertTrue(after.value("cycle_murmur_early_ratio_200_400") > 0.8, after.toString());
        assertEquals(before.value("cycle_murmur_diastole_sound"), after.value("cycle_murmur_diastole_sound"),
                0.5 * before.value("cycle_murmur_diastole_sound"), "diastole untouched");
    }

    /** The median over beats ignores noise in a few systoles, where a pooled energy would not. */
    @Test
    void noiseInAFewBeatsLeavesTheMedianAlone() {
        double[] beats = Lubdub.regularBeats(70, 0.4, 12);
        AudioClip clean = Lubdub.of(12, beats, 0.32, 60, 60);
        double[] twoBeats = {beats[3], beats[8]};
        FeatureVector few = engine.extract(withSystolicNoise(clean, twoBeats, 1.0)).summary();
        FeatureVector before = engine.extract(clean).summary();
        assertEquals(before.value("cycle_murmur_sd_ratio"), few.value("cycle_murmur_sd_ratio"), 0.1);
        assertTrue(few.value("cycle_murmur_sd_fraction") <= 2.0 / 12, few.toString());
    }

    @Test
    void aRecordingWithoutCyclesGivesZeros() {
        FeatureVector silent = engine.extract(new AudioClip(new float[8000], 4000)).summary();
        for (String name : CycleMurmurFeature.NAMES) {
            assertEquals(0, silent.value(name), name);
        }
    }

    @Test
    void cyclesAreRunsOfTheFourStatesInOrder() {
        List<Segment> segments = List.of(new Segment(0, 0.1, CardiacState.SYSTOLE),
                new Segment(0.1, 0.2, CardiacState.S2), new Segment(0.2, 0.6, CardiacState.DIASTOLE),
                new Segment(0.6, 0.7, CardiacState.S1), new Segment(0.7, 1.0, CardiacState.SYSTOLE),
                new Segment(1.0, 1.1, CardiacState.S2), new Segment(1.1, 1.5, CardiacState.DIASTOLE),
                new Segment(1.5, 1.6, CardiacState.S1));
        List<Segment[]> cycles = CycleMurmurFeature.cycles(segments);
        assertEquals(1, cycles.size());
        assertEquals(0.6, cycles.get(0)[0].startSeconds());
        assertEquals(1.5, cycles.get(0)[3].endSeconds());
    }

    @Test
    void flatnessIsOneForAPlateauAndSmallForAClick() {
        float[] plateau = new float[400];
        java.util.Arrays.fill(plateau, 0.3f);
        assertEquals(1.0, CycleMurmurFeature.flatness(plateau, 4000, new double[] {0, 0.1}), 1e-12);
        float[] click = new float[400];
        click[200] = 1;
        assertEquals(0.1, CycleMurmurFeature.flatness(click, 4000, new double[] {0, 0.1}), 1e-12);
    }

    /** White noise of standard deviation 0.05 × {@code level} from 80 to 220 ms after each beat (inside systole). */
    private static AudioClip withSystolicNoise(AudioClip clean, double[] beats, double level) {
        return withNoise(clean, beats, 0.08, 0.22, level);
    }

    /** White noise of standard deviation 0.05 × {@code level} from {@code from} to {@code to} s after each beat. */
    private static AudioClip withNoise(AudioClip clean, double[] beats, double from, double to, double level) {
        float[] samples = clean.samples().clone();
        Random random = new Random(3);
        int rate = clean.sampleRate();
        for (double beat : beats) {
            for (int i = (int) ((beat + from) * rate); i < Math.min(samples.length, (int) ((beat + to) * rate)); i++) {
                samples[i] += (float) (0.05 * level * random.nextGaussian());
            }
        }
        return new AudioClip(samples, rate);
    }
}
