package org.auscult.app.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.auscult.audio.AudioClip;
import org.auscult.segmentation.BeatStack;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.murmur.MurmurEnvelope;
import org.auscult.segmentation.murmur.SyntheticMurmur;
import org.junit.jupiter.api.Test;

/**
 * The murmur envelope placed on the beat stack's axis and the recording's, on synthetic beats whose segmentation is
 * known: 70 bpm, S1 and S2 {@value SyntheticMurmur#SYSTOLE} s apart, sounds {@value SyntheticMurmur#SOUND} s long,
 * noise over the whole of every systole.
 */
class MurmurEvidenceTest {

    private static final int BINS = MurmurEnvelope.DEFAULT_BINS;
    private static final double CYCLE = 60 / SyntheticMurmur.BPM;

    private final AudioClip clip = SyntheticMurmur.withNoise(0, 1, 0.05, false, 11);
    private final Segmentation segmentation = SyntheticMurmur.segmentation();

    /** The evidence as the workstation makes it: bands and beat stack of the automatic cycle. */
    private static MurmurEvidence place(MurmurEnvelope envelope, AudioClip clip, Segmentation shownSegmentation) {
        ShownCycle shown = ShownCycle.of(shownSegmentation, List.of(), SyntheticMurmur.SECONDS);
        List<CycleBand> aligned = shown.completeS1(SyntheticMurmur.SECONDS);
        BeatStack stack = BeatStack.of(BeatStack.envelope(clip), aligned.stream().map(CycleBand::asSegment).toList());
        return MurmurEvidence.of(envelope, aligned, shown.bands(), stack);
    }

    @Test
    void theMedianLiesOverTheMedianSystoleThenDiastoleAfterTheS1Peak() {
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, segmentation);
        List<MurmurEvidence.Bin> median = place(envelope, clip, segmentation).median();
        assertEquals(2 * BINS, median.size());
        double[] systole = envelope.systole();
        double[] diastole = envelope.diastole();
        for (int i = 0; i < median.size(); i++) {
            MurmurEvidence.Bin bin = median.get(i);
            assertEquals(i < BINS, bin.systolic(), "bin " + i);
            assertEquals(i < BINS ? systole[i] : diastole[i - BINS], bin.db(), 0.0, "bin " + i);
            assertTrue(bin.end() > bin.start(), "bin " + i);
            if (i > 0 && i != BINS) {
                assertEquals(median.get(i - 1).end(), bin.start(), 1e-12, "bins of a phase follow each other");
            }
        }
        MurmurEvidence.Bin lastSystolic = median.get(BINS - 1);
        MurmurEvidence.Bin firstDiastolic = median.get(BINS);
        assertTrue(lastSystolic.end() < firstDiastolic.start(), "S2 lies between systole and diastole");
        // The S1 peak is near the middle of the 50 ms sound (the envelope's 5 ms grid and the 60 Hz tone's ripple
        // move it by about 10 ms): systole from the end of S1 to the start of S2, diastole on to the next S1.
        double half = SyntheticMurmur.SOUND / 2;
        assertEquals(half, median.get(0).start(), 0.015);
        assertEquals(SyntheticMurmur.SYSTOLE - half, lastSystolic.end(), 0.015);
        assertEquals(SyntheticMurmur.SYSTOLE + half, firstDiastolic.start(), 0.015);
        assertEquals(CYCLE - half, median.get(2 * BINS - 1).end(), 0.015);
        // the phases' lengths are the segmentation's exactly: medians of equal durations
        assertEquals(SyntheticMurmur.SYSTOLE - SyntheticMurmur.SOUND, lastSystolic.end() - median.get(0).start(),
                1e-9);
        assertEquals(CYCLE - SyntheticMurmur.SYSTOLE - SyntheticMurmur.SOUND,
                median.get(2 * BINS - 1).end() - firstDiastolic.start(), 1e-9);
    }

    @Test
    void everyCycleLiesOverItsOwnSystoleAndDiastoleInTimeOrder() {
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, segmentation);
        List<MurmurEvidence.Bin> bins = place(envelope, clip, segmentation).cycles();
        assertEquals(envelope.cycleCount() * 2 * BINS, bins.size());
        List<Segment[]> cycles = cyclesOf(segmentation, envelope.cycleStartSeconds());
        for (int c = 0; c < cycles.size(); c++) {
            assertCycleAt(bins.subList(c * 2 * BINS, (c + 1) * 2 * BINS), cycles.get(c),
                    envelope.perCycle().get(c), "cycle " + c);
        }
        for (int i = 1; i < bins.size(); i++) {
            assertTrue(bins.get(i).start() >= bins.get(i - 1).end() - 1e-12, "bins in time order, " + i);
        }
    }

    @Test
    void aSkippedSilentCycleGetsNoBinsAndTheNextCycleKeepsItsOwn() {
        int silent = 4;
        Segmentation measured = SyntheticMurmur.withSilentSounds(segmentation, silent);
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, measured);
        List<MurmurEvidence.Bin> bins = place(envelope, clip, measured).cycles();
        assertEquals(envelope.cycleCount() * 2 * BINS, bins.size());

        // the silent cycle's systole and diastole hold no bin
        Segment[] skipped = cyclesOf(measured, null).get(silent);
        assertFalse(bins.stream().anyMatch(b -> b.start() < skipped[3].endSeconds()
                && b.end() > skipped[1].startSeconds()), "no bin over the silent cycle");

        // the cycle after it carries the levels measured there, not those of the silent one's place in the list
        List<Segment[]> measuredCycles = cyclesOf(measured, envelope.cycleStartSeconds());
        for (int c = 0; c < measuredCycles.size(); c++) {
            assertCycleAt(bins.subList(c * 2 * BINS, (c + 1) * 2 * BINS), measuredCycles.get(c),
                    envelope.perCycle().get(c), "measured cycle " + c);
        }
        double after = cyclesOf(measured, null).get(silent + 1)[1].startSeconds();
        assertEquals(after, bins.get(silent * 2 * BINS).start(), 1e-12, "the next cycle's first bin follows");
    }

    @Test
    void cyclesMeasuredOnAnotherSegmentationThanTheOneShownLieWhereTheyWereMeasured() {
        // the description segments on its own: its cycles sit 40 ms later than the bands on screen
        List<Segment> later = segmentation.segments().stream()
                .map(g -> new Segment(Math.min(SyntheticMurmur.SECONDS, g.startSeconds() + 0.04),
                        Math.min(SyntheticMurmur.SECONDS, g.endSeconds() + 0.04), g.state()))
                .filter(g -> g.endSeconds() > g.startSeconds()).toList();
        Segmentation measured = Segmentation.of(later, SyntheticMurmur.SECONDS, 70, 0.3, 1);
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, measured);
        List<MurmurEvidence.Bin> bins = place(envelope, clip, segmentation).cycles();
        assertEquals(envelope.cycleCount() * 2 * BINS, bins.size(), "every measured cycle is drawn");
        List<Segment[]> cycles = cyclesOf(measured, envelope.cycleStartSeconds());
        for (int c = 0; c < cycles.size(); c++) {
            assertCycleAt(bins.subList(c * 2 * BINS, (c + 1) * 2 * BINS), cycles.get(c),
                    envelope.perCycle().get(c), "cycle " + c);
        }
    }

    @Test
    void theMedianEdgesStayInOrderWhenTheBeatsVary() {
        // S2 early in some beats and late in others, diastoles of every length: the edges are medians laid end to
        // end, never a systole ending after its diastole begins
        List<Segment> varied = new ArrayList<>();
        double t = 0.3;
        varied.add(new Segment(0, t, CardiacState.DIASTOLE));
        double[] systoles = {0.20, 0.35, 0.25, 0.40, 0.22, 0.30, 0.38, 0.21};
        double[] diastoles = {0.30, 0.70, 0.45, 0.90, 0.35, 0.60, 0.50, 0.80};
        for (int k = 0; k < systoles.length && t < SyntheticMurmur.SECONDS - 2; k++) {
            varied.add(new Segment(t, t + 0.05, CardiacState.S1));
            varied.add(new Segment(t + 0.05, t + 0.05 + systoles[k], CardiacState.SYSTOLE));
            double s2 = t + 0.05 + systoles[k];
            varied.add(new Segment(s2, s2 + 0.04, CardiacState.S2));
            varied.add(new Segment(s2 + 0.04, s2 + 0.04 + diastoles[k], CardiacState.DIASTOLE));
            t = s2 + 0.04 + diastoles[k];
        }
        varied.add(new Segment(t, t + 0.05, CardiacState.S1));
        varied.add(new Segment(t + 0.05, SyntheticMurmur.SECONDS, CardiacState.SYSTOLE));
        Segmentation irregular = Segmentation.of(varied, SyntheticMurmur.SECONDS, 70, 0.3, 1);
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, irregular);
        List<MurmurEvidence.Bin> median = place(envelope, clip, irregular).median();
        assertEquals(2 * BINS, median.size());
        for (int i = 1; i < median.size(); i++) {
            assertTrue(median.get(i).start() >= median.get(i - 1).end() - 1e-12, "edges in order at bin " + i);
            assertTrue(median.get(i).end() > median.get(i).start(), "bin " + i);
        }
        // the eight systoles' middle pair is 0.25 and 0.30 s
        assertEquals(0.275, median.get(BINS - 1).end() - median.get(0).start(), 1e-9, "the median systole");
    }

    @Test
    void withoutAnEnvelopeOrCyclesThereIsNothingToDraw() {
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, segmentation);
        assertSame(MurmurEvidence.NONE, place(null, clip, segmentation));
        Segmentation none = Segmentation.of(List.of(), SyntheticMurmur.SECONDS, 70, 0.3, 0);
        assertSame(MurmurEvidence.NONE, place(MurmurEnvelope.of(clip, none), clip, segmentation));
        assertSame(MurmurEvidence.NONE, MurmurEvidence.NONE.withBeatStack(List.of(), List.of(), BeatStack.EMPTY));
        assertTrue(MurmurEvidence.NONE.isEmpty());
        // before the beat stack is computed the cycles are drawn already
        MurmurEvidence early = MurmurEvidence.overCycles(envelope)
                .withBeatStack(List.of(), List.of(), BeatStack.EMPTY);
        assertTrue(early.median().isEmpty());
        assertEquals(envelope.cycleCount() * 2 * BINS, early.cycles().size());
    }

    @Test
    void aViewFindsTheFirstBinItShows() {
        MurmurEvidence evidence = place(MurmurEnvelope.of(clip, segmentation), clip, segmentation);
        List<MurmurEvidence.Bin> bins = evidence.cycles();
        for (double seconds = -1; seconds <= SyntheticMurmur.SECONDS + 1; seconds += 0.0173) {
            int expected = 0;
            while (expected < bins.size() && bins.get(expected).end() < seconds) {
                expected++;
            }
            assertEquals(expected, evidence.firstCycleBinEndingFrom(seconds), "at " + seconds + " s");
        }
    }

    @Test
    void theScaleRunsFromFortyDecibelsBelowTheHeartSoundsToTheirLevel() {
        assertEquals(0, MurmurEvidence.share(MurmurEvidence.LOWEST_DB), 0.0);
        assertEquals(0, MurmurEvidence.share(MurmurEnvelope.FLOOR_DB), 0.0);
        assertEquals(0.5, MurmurEvidence.share(-20), 1e-12);
        assertEquals(1, MurmurEvidence.share(MurmurEvidence.HIGHEST_DB), 0.0);
        assertEquals(1, MurmurEvidence.share(6), 0.0);
        assertEquals(0, MurmurEvidence.share(Double.NaN), 0.0);
    }

    /** Bins {@code bins} (one cycle's 2N) lie over {@code cycle}'s systole then diastole with its {@code levels}. */
    private static void assertCycleAt(List<MurmurEvidence.Bin> bins, Segment[] cycle, double[] levels, String what) {
        for (int b = 0; b < 2 * BINS; b++) {
            MurmurEvidence.Bin bin = bins.get(b);
            Segment phase = b < BINS ? cycle[1] : cycle[3];
            assertEquals(b < BINS, bin.systolic(), what + " bin " + b);
            assertTrue(bin.start() >= phase.startSeconds() - 1e-12 && bin.end() <= phase.endSeconds() + 1e-12,
                    what + " bin " + b + " " + bin + " inside " + phase);
            assertEquals(phase.durationSeconds() / BINS, bin.end() - bin.start(), 1e-9, what + " bin " + b);
            assertEquals(levels[b], bin.db(), 0.0, what + " bin " + b);
        }
    }

    /**
     * The complete cycles of {@code segmentation} (S1, systole, S2, diastole) whose S1 starts at one of
     * {@code starts}, in order; every one but the first and last segment's when {@code starts} is null.
     */
    private static List<Segment[]> cyclesOf(Segmentation segmentation, double[] starts) {
        List<Segment> segments = segmentation.segments();
        List<Segment[]> cycles = new ArrayList<>();
        for (int i = 1; i + 4 < segments.size(); i++) {
            Segment s1 = segments.get(i);
            if (s1.state() != CardiacState.S1) {
                continue;
            }
            boolean wanted = starts == null;
            for (int k = 0; starts != null && k < starts.length; k++) {
                wanted |= starts[k] == s1.startSeconds();
            }
            if (wanted) {
                cycles.add(new Segment[] {s1, segments.get(i + 1), segments.get(i + 2), segments.get(i + 3)});
            }
        }
        return cycles;
    }
}
