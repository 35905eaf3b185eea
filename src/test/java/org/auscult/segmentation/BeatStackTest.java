package org.auscult.segmentation;

import org.auscult.app.cycle.CycleBand;
import org.auscult.app.cycle.ShownCycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.auscult.audio.AudioClip;
import org.auscult.dsp.BandPassFilter;
import org.junit.jupiter.api.Test;

/** The beat stack on exact envelopes and on synthetic lub-dubs segmented by the real segmenter. */
class BeatStackTest {

    private static final double SECONDS = 10;
    private static final double BPM = 72;

    private static BeatStack stackOf(AudioClip clip) {
        ShownCycle shown = ShownCycle.of(new HeartSoundSegmenter().segment(clip), List.of(), clip.durationSeconds());
        return BeatStack.of(BeatStack.envelope(clip), shown.completeS1(clip.durationSeconds()).stream()
                .map(CycleBand::asSegment).toList());
    }

    /** The time after the S1 peak of the loudest value between {@code from} and {@code to} seconds after it. */
    private static double peakBetween(BeatStack.Beat beat, double from, double to) {
        double best = from;
        for (double t = from; t <= to + 1e-9; t += 1.0 / BeatStack.ENVELOPE_RATE) {
            if (beat.valueAt(t) > beat.valueAt(best)) {
                best = t;
            }
        }
        return best;
    }

    private static double nearest(double[] times, double t) {
        double best = times[0];
        for (double candidate : times) {
            if (Math.abs(candidate - t) < Math.abs(best - t)) {
                best = candidate;
            }
        }
        return best;
    }

    @Test
    void alignsARegularLubDubOnS1() {
        double[] beats = SyntheticHeart.regularBeats(BPM, 0.4, SECONDS);
        BeatStack stack = stackOf(SyntheticHeart.of(SECONDS, beats));
        // 12 S1 bursts, all inside the recording: 11 cycles between them.
        assertEquals(beats.length - 1, stack.beats().size());
        // One envelope step, and a hair for the rounding of times that are whole multiples of it.
        double step = 1.0 / BeatStack.ENVELOPE_RATE + 1e-9;
        for (BeatStack.Beat beat : stack.beats()) {
            // The S1 peak is the burst centre to within one envelope step (the segmenter's bands are on a 20 ms grid).
            assertEquals(nearest(beats, beat.s1Time()), beat.s1Time(), step, "S1 at " + beat.s1Time());
            assertEquals(60 / BPM, beat.length(), 2 * step);
            // S2 falls the systolic interval after S1 in every cycle: the stack is aligned.
            assertEquals(SyntheticHeart.SYSTOLE, peakBetween(beat, 0.15, 0.5), step, "S2 after " + beat.s1Time());
            // The S1 of every cycle reaches the median's peak (scaled to 1) to within 10 %.
            assertEquals(1.0, beat.valueAt(0), 0.1);
            assertTrue(beat.distance() < 0.25, "a regular cycle is close to the median: " + beat.distance());
        }
        assertEquals(1.0, java.util.Arrays.stream(stack.median()).max().orElseThrow(), 1e-12);
    }

    @Test
    void theCycleEndingInAPrematureBeatIsTheMostAtypical() {
        double[] beats = SyntheticHeart.regularBeats(BPM, 0.4, SECONDS);
        beats[5] -= 0.25;
        BeatStack stack = stackOf(SyntheticHeart.of(SECONDS, beats));
        BeatStack.Beat odd = stack.beats().get(stack.mostAtypical());
        assertEquals(beats[4], odd.s1Time(), 0.005);
        assertEquals(60 / BPM - 0.25, odd.length(), 0.01);
        for (int i = 0; i < stack.beats().size(); i++) {
            if (i != stack.mostAtypical()) {
                assertTrue(stack.beats().get(i).distance() * 3 < odd.distance(), "beat " + i + " "
                        + stack.beats().get(i).distance() + " vs " + odd.distance());
            }
        }
    }

    @Test
    void anExtraSoundMarksItsCycle() {
        double[] beats = SyntheticHeart.regularBeats(BPM, 0.4, SECONDS);
        double extra = beats[6] + 0.45;
        BeatStack stack = stackOf(SyntheticHeart.withExtraSound(SECONDS, beats, extra, 0.25));
        BeatStack.Beat odd = stack.beats().get(stack.mostAtypical());
        assertTrue(odd.s1Time() - BeatStack.LEAD_SECONDS <= extra && extra <= odd.s1Time() + odd.length(),
                "the extra sound at " + extra + " s lies in the most atypical cycle " + odd.s1Time() + " + "
                        + odd.length());
    }

    /** An envelope of zeros with a pulse of {@code height} at each time in {@code pulses}, 2.5 s long. */
    private static double[] pulses(double height, double... times) {
        double[] envelope = new double[(int) (2.5 * BeatStack.ENVELOPE_RATE)];
        for (double t : times) {
            envelope[(int) Math.round(t * BeatStack.ENVELOPE_RATE)] = height;
        }
        return envelope;
    }

    private static List<Segment> s1Around(double... times) {
        List<Segment> bands = new ArrayList<>();
        for (double t : times) {
            bands.add(new Segment(t - 0.02, t + 0.02, CardiacState.S1));
        }
        return bands;
    }

    @Test
    void distanceIsTheRelativeRmsDifferenceToThePointwiseMedian() {
        // S1 pulses every 0.5 s, and a bump 0.25 s after the second: the median cycle is the S1 pulse alone.
        double[] envelope = pulses(2, 0.5, 1.0, 1.25, 1.5, 2.0);
        BeatStack stack = BeatStack.of(envelope, s1Around(0.5, 1.0, 1.5, 2.0));
        assertEquals(3, stack.beats().size());
        assertEquals(0.5, stack.span(), 1e-12);
        int lead = (int) Math.round(BeatStack.LEAD_SECONDS * BeatStack.ENVELOPE_RATE);
        double[] median = stack.median();
        assertEquals(100, median.length, "one median cycle: 0.5 s at 200 values per second");
        for (int k = 0; k < median.length; k++) {
            assertEquals(k == lead ? 1.0 : 0.0, median[k], 0.0, "median at " + k);
        }
        // sqrt(sum (e - m)^2 / sum m^2) = sqrt(2^2 / 2^2) for the bumped cycle, 0 for the others.
        assertEquals(List.of(0.0, 1.0, 0.0), stack.beats().stream().map(BeatStack.Beat::distance).toList());
        assertEquals(1, stack.mostAtypical());
        assertEquals(List.of(0.5, 1.0, 1.5), stack.beats().stream().map(BeatStack.Beat::s1Time).toList());
        assertEquals(1.0, stack.beats().get(1).valueAt(0.25), 0.0, "scaled by the median's peak (2)");
        assertEquals(1, stack.nearestBeat(0.25, 0.9));
        assertEquals(-1, stack.nearestBeat(0.6, 0), "0.6 s after S1 is past the end of every 0.5 s cycle");
    }

    @Test
    void twoCyclesMarkNoneAndOneS1MakesNoStack() {
        BeatStack two = BeatStack.of(pulses(1, 0.5, 1.0, 1.5), s1Around(0.5, 1.0, 1.5));
        assertEquals(2, two.beats().size());
        assertEquals(-1, two.mostAtypical());
        assertSame(BeatStack.EMPTY, BeatStack.of(pulses(1, 0.5), s1Around(0.5)));
    }

    @Test
    void curvesBeforeTheStartOfTheRecordingAreNotANumber() {
        BeatStack stack = BeatStack.of(pulses(1, 0.05, 0.55, 1.05, 1.55), s1Around(0.05, 0.55, 1.05, 1.55));
        assertTrue(Double.isNaN(stack.beats().get(0).valueAt(-0.1)));
        assertEquals(1.0, stack.beats().get(0).valueAt(0), 0.0);
        assertEquals(List.of(0.0, 0.0, 0.0), stack.beats().stream().map(BeatStack.Beat::distance).toList());
    }

    @Test
    void s1BandsOutOfOrderAreRefusedWithTheirTimes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BeatStack.of(pulses(1, 1.0, 0.5), s1Around(1.0, 0.5)));
        assertTrue(refused.getMessage().contains("0.98-1.02 s"), refused.getMessage());
    }

    @Test
    void envelopeIsTheRmsOverTenMillisecondsAtTwoHundredValuesPerSecond() {
        int rate = 4000;
        float[] samples = new float[rate];
        double amplitude = 0.5;
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * 100 * i / rate));
        }
        double[] envelope = BeatStack.envelope(new AudioClip(samples, rate));
        assertEquals(BeatStack.ENVELOPE_RATE, envelope.length);
        // A 10 ms window holds one whole period of 100 Hz: RMS = gain * a / sqrt 2, away from the filter's edges.
        double gain = BandPassFilter.butterworth(25, 400, 4, BeatStack.WORKING_RATE).zeroPhaseGain(100);
        for (int k = 40; k < 160; k++) {
            assertEquals(gain * amplitude / Math.sqrt(2), envelope[k], 0.005, "value " + k);
        }
    }
}
