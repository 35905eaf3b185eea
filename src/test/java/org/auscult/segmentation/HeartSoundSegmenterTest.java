package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartSoundSegmenterTest {

    private final HeartSoundSegmenter segmenter = new HeartSoundSegmenter();

    /** Segment boundaries lie on the 20 ms envelope grid: the median RR is within one grid step of the truth. */
    @ParameterizedTest
    @CsvSource({"60", "72", "90", "110"})
    void aRegularTrainGivesItsRate(double bpm) {
        double[] beats = Lubdub.regularBeats(bpm, 0.5, 20);
        AudioClip clip = Lubdub.of(20, beats, 0.3, 60, 60);
        Segmentation segmentation = segmenter.segment(clip);
        double cycle = 60 / bpm;
        double tolerance = 60 / (cycle - 0.02) - bpm;
        assertEquals(bpm, segmentation.heartRateBpm(), tolerance, segmentation.toString());
        assertEquals(0, segmentation.rhythm().prematureBeats());
        // every beat but one cut by the end of the recording (a cut S1 has no reliable time)
        EventCounts counts = EventCounts.match(beats, segmentation.beatTimes(), 0.04);
        assertEquals(0, counts.falsePositives(), Arrays.toString(segmentation.beatTimes()));
        assertTrue(counts.falseNegatives() <= 1, Arrays.toString(segmentation.beatTimes()));
    }

    @Test
    void s1ComesBeforeTheShortSilenceOfSystole() {
        double[] beats = Lubdub.regularBeats(72, 0.4, 15);
        Segmentation segmentation = segmenter.segment(Lubdub.of(15, beats, 0.3, 60, 60));
        assertDetected(beats, segmentation.eventTimes(CardiacState.S1), 15);
        assertDetected(shift(beats, 0.3), segmentation.eventTimes(CardiacState.S2), 15);
        for (Segment systole : segmentation.segments(CardiacState.SYSTOLE)) {
            if (systole.startSeconds() > 0 && systole.endSeconds() < 15) {
                assertEquals(0.3 - 0.045, systole.durationSeconds(), 0.06, "systole " + systole);
            }
        }
    }

    /** At 130 bpm systole (0.24 s) and diastole (0.22 s) last about as long: the higher pitch of S2 decides. */
    @Test
    void atAFastRateTheHigherPitchedSoundIsS2() {
        double[] beats = Lubdub.regularBeats(130, 0.3, 12);
        Segmentation segmentation = segmenter.segment(Lubdub.of(12, beats, 0.24, 50, 150));
        assertDetected(beats, segmentation.eventTimes(CardiacState.S1), 12);
        assertDetected(shift(beats, 0.24), segmentation.eventTimes(CardiacState.S2), 12);
    }

    /**
     * At 125 bpm the systole (0.31 s) outlasts the diastole (0.17 s), as it may in tachycardia; with both sounds of
     * one pitch only the systole expected at that rate ({@code 0.516 - 0.0021 * 125 = 0.25 s}) tells which is which.
     */
    @Test
    void atATachycardicRateTheLongerSilenceCanBeSystole() {
        double[] beats = Lubdub.regularBeats(125, 0.3, 12);
        Segmentation segmentation = segmenter.segment(Lubdub.of(12, beats, 0.31, 60, 60));
        assertDetected(beats, segmentation.eventTimes(CardiacState.S1), 12);
        assertDetected(shift(beats, 0.31), segmentation.eventTimes(CardiacState.S2), 12);
    }

    @Test
    void theExpectedSystoleShortensWithTheHeartRate() {
        assertEquals(0.390, HeartSoundSegmenter.expectedSystolicInterval(60), 1e-12);
        assertEquals(0.264, HeartSoundSegmenter.expectedSystolicInterval(120), 1e-12);
        HeartRateEstimate fast = new HeartRateEstimate(120, 0.5, 0.2, 1);
        assertTrue(HeartSoundSegmenter.nearerExpectedSystole(fast.withSystolicInterval(0.3), fast));
        HeartRateEstimate slow = new HeartRateEstimate(60, 1.0, 0.35, 1);
        assertTrue(!HeartSoundSegmenter.nearerExpectedSystole(slow.withSystolicInterval(0.65), slow));
    }

    @Test
    void aPrematureBeatWithACompensatoryPauseIsCounted() {
        double[] beats = Lubdub.regularBeats(72, 0.5, 12);
        // the seventh beat comes 35 % early; the eighth keeps its place (a full compensatory pause)
        beats[6] -= 0.35 * 60 / 72;
        Segmentation segmentation = segmenter.segment(Lubdub.of(12, beats, 0.3, 60, 60));
        Rhythm rhythm = segmentation.rhythm();
        assertEquals(1, rhythm.prematureBeats(), Arrays.toString(segmentation.rrIntervals()));
        assertEquals(0.65, rhythm.minPrematureRatio(), 0.05);
    }

    @Test
    void segmentsCoverTheRecordingInCycleOrder() {
        AudioClip clip = Lubdub.of(10, Lubdub.regularBeats(80, 0.2, 10), 0.3, 60, 60);
        List<Segment> segments = segmenter.segment(clip).segments();
        assertEquals(0, segments.get(0).startSeconds());
        assertEquals(10, segments.get(segments.size() - 1).endSeconds(), 1e-9);
        for (int i = 1; i < segments.size(); i++) {
            assertEquals(segments.get(i - 1).endSeconds(), segments.get(i).startSeconds(), 1e-12);
            int previous = segments.get(i - 1).state().code();
            assertEquals(previous % 4 + 1, segments.get(i).state().code(), "state after " + segments.get(i - 1));
        }
    }

    @Test
    void shortAndSilentRecordingsGiveAnAnswerWithoutBeats() {
        Segmentation empty = segmenter.segment(new AudioClip(new float[0], 4000));
        assertEquals(0, empty.beatTimes().length);
        assertTrue(empty.segments().isEmpty());
        Segmentation silent = segmenter.segment(new AudioClip(new float[4000], 4000));
        assertEquals(0, silent.qualityIndex());
        assertTrue(SignalQuality.isUnsure(silent.qualityIndex()));
        Segmentation short1 = segmenter.segment(Lubdub.of(0.3, new double[] {0.1}, 0.15, 60, 60));
        assertTrue(short1.segments().size() >= 1);
    }

    @Test
    void aCleanTrainHasAHighQualityIndexAndNoiseALowOne() {
        Segmentation clean = segmenter.segment(Lubdub.of(10, Lubdub.regularBeats(72, 0.4, 10), 0.3, 60, 60));
        assertTrue(clean.qualityIndex() > 0.6, clean.toString());
        float[] noise = new float[40000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }
        Segmentation noisy = segmenter.segment(new AudioClip(noise, 4000));
        assertTrue(noisy.qualityIndex() < SignalQuality.UNSURE_BELOW, noisy.toString());
    }

    private static double[] shift(double[] times, double by) {
        return Arrays.stream(times).map(t -> t + by).toArray();
    }

    /** Every true event inside the recording found within 40 ms and nothing else. */
    private static void assertDetected(double[] truth, double[] found, double seconds) {
        double[] inside = Arrays.stream(truth).filter(t -> t > 0.05 && t < seconds - 0.05).toArray();
        double[] foundInside = Arrays.stream(found).filter(t -> t > 0.05 && t < seconds - 0.05).toArray();
        EventCounts counts = EventCounts.match(inside, foundInside, 0.04);
        assertEquals(inside.length, counts.truePositives(), "found " + Arrays.toString(found));
        assertEquals(0, counts.falsePositives(), "found " + Arrays.toString(found));
    }
}
