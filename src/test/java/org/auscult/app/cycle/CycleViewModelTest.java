package org.auscult.app.cycle;

import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SyntheticHeart;

import org.auscult.segmentation.BeatStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.audio.AudioClip;
import org.auscult.labels.Source;
import org.auscult.labels.exchange.TimedMark;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.murmur.MurmurEnvelope;
import org.auscult.segmentation.murmur.SyntheticMurmur;
import org.junit.jupiter.api.Test;

/** The cycle view model on the current thread, no toolkit: the cycle layer's data, acceptance, beat focus. */
class CycleViewModelTest {

    private static final Path RECORDING = Path.of("lubdub.wav");
    private static final double SECONDS = 10;

    private final TimeViewport viewport = new TimeViewport();
    private final CycleViewModel model = new CycleViewModel(new CurrentThreadTaskExecutor(), viewport);
    private final double[] beats = SyntheticHeart.regularBeats(72, 0.4, SECONDS);

    /** Shows {@code clip} as the workstation does: with the segmentation its analysis made. */
    private void show(AudioClip clip) {
        model.show(RECORDING, clip, new HeartSoundSegmenter().segment(clip), "");
    }

    private void segmentLubDub() {
        viewport.reset(SECONDS);
        show(SyntheticHeart.of(SECONDS, beats));
    }

    @Test
    void theCycleLayerShowsS1SystoleS2DiastoleInOrderOverTheSounds() {
        segmentLubDub();
        ShownCycle shown = model.shownProperty().get();
        assertEquals(CycleSource.AUTOMATIC, shown.source());
        List<CycleBand> bands = shown.bands();
        List<CardiacState> order = List.of(CardiacState.S1, CardiacState.SYSTOLE, CardiacState.S2,
                CardiacState.DIASTOLE);
        for (int i = 1; i < bands.size(); i++) {
            assertEquals(order.get((order.indexOf(bands.get(i - 1).state()) + 1) % 4), bands.get(i).state(),
                    "band " + i);
            assertEquals(bands.get(i - 1).end(), bands.get(i).start(), 1e-12, "bands are contiguous");
        }
        for (double beat : beats) {
            assertTrue(covers(bands, CardiacState.S1, beat), "S1 at " + beat);
            if (beat + SyntheticHeart.SYSTOLE < SECONDS) {
                assertTrue(covers(bands, CardiacState.S2, beat + SyntheticHeart.SYSTOLE), "S2 after " + beat);
            }
        }
        assertTrue(model.visibleProperty().get());
        model.toggleVisible();
        assertFalse(model.visibleProperty().get());
        HeartSummary summary = model.summaryProperty().get();
        assertTrue(summary.heartRate().matches("Heart rate 7[12] bpm \\(12 beats, automatic\\)"), summary.heartRate());
        assertFalse(summary.unsure(), summary.quality());
        assertEquals(beats.length - 1, model.beatStackProperty().get().beats().size());
        assertEquals("", model.messageProperty().get());
    }

    private static boolean covers(List<CycleBand> bands, CardiacState state, double t) {
        return bands.stream().anyMatch(b -> b.state() == state && b.start() <= t && t <= b.end());
    }

    @Test
    void theAutomaticSegmentationCanBeAcceptedOnceTheRecordingsLabelsAreKnown() {
        segmentLubDub();
        assertFalse(model.canAcceptProperty().get(), "the label store has not answered yet");
        model.setEvents(Path.of("another.wav"), List.of());
        assertFalse(model.canAcceptProperty().get(), "another recording's labels do not count");
        model.setEvents(RECORDING, List.of(ShownCycleTest.event(Source.USER, "murmur", 1, 2)));
        assertTrue(model.canAcceptProperty().get());
        List<TimedMark> marks = model.segmentationToAccept();
        List<CycleBand> bands = model.shownProperty().get().bands();
        assertEquals(bands.size(), marks.size());
        for (int i = 0; i < marks.size(); i++) {
            assertEquals(new TimedMark(bands.get(i).start(), bands.get(i).end(),
                    ShownCycle.eventTypeOf(bands.get(i).state())), marks.get(i));
        }
        assertEquals("accept segmentation (" + marks.size() + " events)", model.acceptDescription());

        // Once accepted, the store holds the user's S1/S2: those are shown, and there is nothing left to accept.
        var stored = marks.stream().map(m -> ShownCycleTest.event(Source.USER, m.label(), m.start(), m.end()))
                .toList();
        model.setEvents(RECORDING.toAbsolutePath(), stored);
        assertEquals(CycleSource.ANNOTATED, model.shownProperty().get().source());
        assertEquals(bands, model.shownProperty().get().bands());
        assertFalse(model.canAcceptProperty().get());
        assertEquals(List.of(), model.segmentationToAccept());
    }

    @Test
    void choosingABeatMovesTheTimeAxisToIt() {
        segmentLubDub();
        BeatStack.Beat beat = model.beatStackProperty().get().beats().get(3);
        model.focusBeat(3);
        assertEquals(3, model.selectedBeatProperty().get());
        assertEquals(beat.s1Time() - beat.length() / 2, viewport.start(), 1e-9);
        assertEquals(2.5 * beat.length(), viewport.visible(), 1e-9);
        assertEquals(beat.s1Time(), viewport.cursorProperty().get(), 0.0);
        model.focusBeat(99);
        assertEquals(-1, model.selectedBeatProperty().get());
    }

    @Test
    void noiseGivesAnUnsureSummary() {
        float[] noise = new float[(int) (SECONDS * SyntheticHeart.RATE)];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }
        show(new AudioClip(noise, SyntheticHeart.RATE));
        assertTrue(model.summaryProperty().get().unsure(), model.summaryProperty().get().quality());
    }

    @Test
    void clearingForgetsTheRecording() {
        segmentLubDub();
        model.clear();
        assertEquals(ShownCycle.NONE, model.shownProperty().get());
        assertEquals(BeatStack.EMPTY, model.beatStackProperty().get());
        assertEquals(HeartSummary.NONE, model.summaryProperty().get());
        assertEquals(null, model.automaticProperty().get());
    }

    @Test
    void aDescribedMurmurIsPlacedOverTheBeatStackAndTheCyclesUntilTheNextRecording() {
        AudioClip clip = SyntheticMurmur.withNoise(0, 1, 0.05, false, 3);
        Segmentation segmentation = SyntheticMurmur.segmentation();
        MurmurEnvelope envelope = MurmurEnvelope.of(clip, segmentation);
        viewport.reset(SyntheticMurmur.SECONDS);

        model.setMurmur(envelope);
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "no recording on screen yet");

        model.show(RECORDING, clip, segmentation, "");
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "no murmur described yet");
        model.setMurmur(envelope);
        MurmurEvidence evidence = model.murmurEvidenceProperty().get();
        assertSame(envelope, evidence.envelope());
        assertEquals(2 * MurmurEnvelope.DEFAULT_BINS, evidence.median().size(), "over the beat stack");
        assertEquals(envelope.cycleCount() * 2 * MurmurEnvelope.DEFAULT_BINS, evidence.cycles().size());
        assertFalse(model.beatStackProperty().get().beats().isEmpty());

        // it stays while the rest of the cycle changes (the label store answers, the quality arrives)
        model.setEvents(RECORDING, List.of());
        assertEquals(evidence, model.murmurEvidenceProperty().get());

        // a new recording forgets it until its own murmur is set; so does clearing, and so does "no murmur"
        model.show(RECORDING, clip, segmentation, "");
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "show forgets the murmur");
        model.setMurmur(envelope);
        assertFalse(model.murmurEvidenceProperty().get().isEmpty());
        model.clear();
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "clear forgets the murmur");
        model.show(RECORDING, clip, segmentation, "");
        model.setMurmur(envelope);
        model.setMurmur(null);
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "no murmur described");
        model.show(RECORDING, clip, null, "no heart sound");
        model.setMurmur(envelope);
        assertSame(MurmurEvidence.NONE, model.murmurEvidenceProperty().get(), "no cycle to place it on");
    }
}
