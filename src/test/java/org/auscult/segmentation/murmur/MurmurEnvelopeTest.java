package org.auscult.segmentation.murmur;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.auscult.audio.AudioClip;
import org.auscult.segmentation.Segmentation;
import org.junit.jupiter.api.Test;

class MurmurEnvelopeTest {

    private static final double NOISE = 0.05;

    @Test
    void noiseInEarlySystoleSitsInTheEarlyBins() {
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.withNoise(0, 0.4, NOISE, false, 1),
                SyntheticMurmur.segmentation());
        double[] systole = envelope.systole();
        double early = (systole[0] + systole[1] + systole[2]) / 3;
        double late = (systole[5] + systole[6] + systole[7]) / 3;
        assertTrue(early > late + 12, Arrays.toString(systole));
        assertTrue(early > max(envelope.diastole()) + 12, envelope.diastole()[4] + " " + early);
    }

    @Test
    void holosystolicNoiseFillsEveryBinOfSystoleAndNoneOfDiastole() {
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.withNoise(0, 1, NOISE, false, 2),
                SyntheticMurmur.segmentation());
        double[] systole = envelope.systole();
        double[] diastole = envelope.diastole();
        // the first and last bins hold the heart sounds' tails too, so look at the spread of the middle ones
        double[] middle = Arrays.copyOfRange(systole, 1, systole.length - 1);
        assertTrue(max(middle) - min(middle) < 3, Arrays.toString(systole));
        // diastole's middle bins hold only the 1 % background noise
        assertTrue(min(systole) > diastole[4] + 12, Arrays.toString(systole) + " vs " + Arrays.toString(diastole));
    }

    @Test
    void lateSystolicNoiseSitsInTheLateBins() {
        double[] systole = MurmurEnvelope.of(SyntheticMurmur.withNoise(0.6, 1, NOISE, false, 3),
                SyntheticMurmur.segmentation()).systole();
        assertTrue(systole[7] > systole[1] + 12 && systole[6] > systole[2] + 12, Arrays.toString(systole));
    }

    @Test
    void diastolicNoiseSitsInDiastole() {
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.withNoise(0.1, 0.6, NOISE, true, 4),
                SyntheticMurmur.segmentation());
        assertTrue(envelope.diastole()[2] > envelope.systole()[4] + 12,
                Arrays.toString(envelope.systole()) + " vs " + Arrays.toString(envelope.diastole()));
    }

    @Test
    void theLevelIsRelativeToTheHeartSoundsSoTheRecordingGainDoesNotMoveIt() {
        AudioClip clip = SyntheticMurmur.withNoise(0, 1, NOISE, false, 5);
        float[] louder = clip.samples().clone();
        for (int i = 0; i < louder.length; i++) {
            louder[i] *= 10;
        }
        double[] quiet = MurmurEnvelope.of(clip, SyntheticMurmur.segmentation()).systole();
        double[] loud = MurmurEnvelope.of(new AudioClip(louder, clip.sampleRate()), SyntheticMurmur.segmentation())
                .systole();
        for (int i = 0; i < quiet.length; i++) {
            assertEquals(quiet[i], loud[i], 1e-3);
        }
    }

    @Test
    void everyCompleteCycleButTheEdgesIsMeasuredAndPoolingAddsThem() {
        Segmentation segmentation = SyntheticMurmur.segmentation();
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.clean(), segmentation);
        int beats = SyntheticMurmur.beats().length;
        // the last beat's diastole ends the recording, so it is not a complete cycle
        assertEquals(beats - 1, envelope.cycleCount());
        assertEquals(2 * envelope.cycleCount(), MurmurEnvelope.pooled(List.of(envelope, envelope)).cycleCount());
        assertEquals(2 * MurmurEnvelope.DEFAULT_BINS, envelope.perCycle().get(0).length);
    }

    @Test
    void eachMeasuredCycleIsTimedByItsS1AndPoolingKeepsEachRecordingsTimes() {
        Segmentation segmentation = SyntheticMurmur.segmentation();
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.clean(), segmentation);
        double[] beats = SyntheticMurmur.beats();
        double[] starts = envelope.cycleStartSeconds();
        assertEquals(envelope.cycleCount(), starts.length);
        for (int c = 0; c < starts.length; c++) {
            // the segmentation's S1 of beat c starts half a sound before the beat
            assertEquals(beats[c] - SyntheticMurmur.SOUND / 2, starts[c], 1e-12, "cycle " + c);
        }
        MurmurEnvelope other = MurmurEnvelope.of(SyntheticMurmur.clean(), SyntheticMurmur.withSilentSounds(segmentation, 0));
        MurmurEnvelope pooled = MurmurEnvelope.pooled(List.of(envelope, other));
        double[] both = pooled.cycleStartSeconds();
        assertEquals(starts.length + other.cycleCount(), both.length);
        assertArrayEquals(starts, Arrays.copyOfRange(both, 0, starts.length));
        assertArrayEquals(other.cycleStartSeconds(), Arrays.copyOfRange(both, starts.length, both.length));
        for (int c = 0; c < both.length; c++) {
            double[] levels = c < starts.length ? envelope.perCycle().get(c)
                    : other.perCycle().get(c - starts.length);
            assertArrayEquals(levels, pooled.perCycle().get(c), "the levels stay with their start, cycle " + c);
        }
    }

    @Test
    void aCycleWithSilentHeartSoundsIsSkippedAndTheOthersKeepTheirStarts() {
        Segmentation segmentation = SyntheticMurmur.segmentation();
        MurmurEnvelope whole = MurmurEnvelope.of(SyntheticMurmur.withNoise(0, 1, NOISE, false, 6), segmentation);
        int silent = 3;
        MurmurEnvelope skipping = MurmurEnvelope.of(SyntheticMurmur.withNoise(0, 1, NOISE, false, 6),
                SyntheticMurmur.withSilentSounds(segmentation, silent));
        assertEquals(whole.cycleCount() - 1, skipping.cycleCount());
        double[] starts = whole.cycleStartSeconds();
        double[] kept = skipping.cycleStartSeconds();
        for (int c = 0, k = 0; c < starts.length; c++) {
            if (c == silent) {
                continue;
            }
            assertEquals(starts[c], kept[k], 0.0, "cycle " + c);
            assertArrayEquals(whole.perCycle().get(c), skipping.perCycle().get(k), 1e-9, "cycle " + c);
            k++;
        }
    }

    @Test
    void withoutCyclesTheEnvelopeIsEmpty() {
        Segmentation none = Segmentation.of(List.of(), 1, 60, 0.3, 0);
        MurmurEnvelope envelope = MurmurEnvelope.of(SyntheticMurmur.clean(), none);
        assertEquals(0, envelope.cycleCount());
        assertEquals(0, envelope.cycleStartSeconds().length);
        assertTrue(Double.isNaN(envelope.systole()[0]));
        assertThrows(IllegalArgumentException.class,
                () -> MurmurEnvelope.of(SyntheticMurmur.clean(), none, 100, 2500, 8));
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
