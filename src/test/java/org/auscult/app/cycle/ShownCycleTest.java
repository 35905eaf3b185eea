package org.auscult.app.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.Source;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.Segmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which heart cycle is shown: the user's S1/S2 events, else imported ones, else the automatic segmentation. */
class ShownCycleTest {

    private static final double DURATION = 5;

    /** An automatic segmentation: unannotated start, then S1/systole/S2/diastole cycles of 1 s from 0.2 s. */
    static Segmentation automatic(double quality) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(0, 0.2, CardiacState.UNANNOTATED));
        for (double t = 0.2; t + 1 <= DURATION + 1e-9; t += 1) {
            segments.add(new Segment(t, t + 0.1, CardiacState.S1));
            segments.add(new Segment(t + 0.1, t + 0.3, CardiacState.SYSTOLE));
            segments.add(new Segment(t + 0.3, t + 0.4, CardiacState.S2));
            segments.add(new Segment(t + 0.4, t + 1, CardiacState.DIASTOLE));
        }
        return Segmentation.of(segments, DURATION, 60, 0.3, quality);
    }

    static LabelEvent event(Source source, String type, double start, double end) {
        return new LabelEvent(1, 7, source, type, start, end, "tester", Instant.EPOCH);
    }

    @Test
    void withoutEventsTheAutomaticSegmentationIsShownWithoutItsUnannotatedStretches() {
        Segmentation segmentation = automatic(0.6);
        ShownCycle shown = ShownCycle.of(segmentation, List.of(event(Source.USER, "murmur", 1, 2)), DURATION);
        assertEquals(CycleSource.AUTOMATIC, shown.source());
        assertSame(segmentation, shown.segmentation());
        assertEquals(segmentation.segments().size() - 1, shown.bands().size());
        Segment first = segmentation.segments().get(1);
        assertEquals(new CycleBand(first.startSeconds(), first.endSeconds(), CardiacState.S1), shown.bands().get(0));
        assertEquals(4, shown.completeS1(DURATION).size());
    }

    @Test
    void oneMarkedBeatKeepsTheAutomaticBeatsBeforeAndAfterIt() {
        List<LabelEvent> events = List.of(event(Source.USER, "S1", 2.2, 2.3), event(Source.USER, "S2", 2.5, 2.6));
        ShownCycle shown = ShownCycle.of(automatic(0.6), events, DURATION);
        assertEquals(CycleSource.ANNOTATED_AND_AUTOMATIC, shown.source());
        // automatic beats at 0.2, 1.2 (up to its S2: its diastole reaches into the marked stretch) and 3.2
        assertEquals(4, shown.segmentation().beatTimes().length, shown.bands().toString());
        assertTrue(shown.bands().contains(new CycleBand(2.2, 2.3, CardiacState.S1)));
        assertEquals(CardiacState.S1, shown.bands().get(0).state());
        assertEquals(0.2, shown.bands().get(0).start(), 1e-9);
        assertEquals(60.0, shown.segmentation().heartRateBpm(), 1e-6);
    }

    @Test
    void theUsersS1AndS2EventsReplaceTheAutomaticOnesWhereTheyMarked() {
        List<LabelEvent> events = List.of(
                event(Source.USER, "S1", 3.0, 3.1), event(Source.USER, "S1", 1.0, 1.1),
                event(Source.USER, "S2", 1.35, 1.45), event(Source.USER, "S1", 2.0, 2.1),
                event(Source.USER, "S1", 4.0, 4.1), event(Source.USER, "murmur", 1.1, 1.3),
                event(Source.USER, "systole", 1.1, 1.35), event(Source.IMPORT, "S1", 0.5, 0.6));
        ShownCycle shown = ShownCycle.of(automatic(0.6), events, DURATION);
        assertEquals(CycleSource.ANNOTATED_AND_AUTOMATIC, shown.source());
        List<CycleBand> before = shown.bands().subList(0, 3); // the automatic first beat up to its S2
        assertEquals(List.of(CardiacState.S1, CardiacState.SYSTOLE, CardiacState.S2),
                before.stream().map(CycleBand::state).toList());
        assertEquals(List.of(new CycleBand(1.0, 1.1, CardiacState.S1), new CycleBand(1.1, 1.35, CardiacState.SYSTOLE),
                new CycleBand(1.35, 1.45, CardiacState.S2), new CycleBand(2.0, 2.1, CardiacState.S1),
                new CycleBand(3.0, 3.1, CardiacState.S1), new CycleBand(4.0, 4.1, CardiacState.S1)),
                shown.bands().subList(3, shown.bands().size()));
        // Five beats: the automatic one at 0.2 s and the user's four; quality stays the automatic one.
        assertEquals(5, shown.segmentation().beatTimes().length);
        assertEquals(0.6, shown.segmentation().qualityIndex(), 0.0);
    }

    @Test
    void importedS1AndS2AreShownWhenTheUserHasNone() {
        List<LabelEvent> events = List.of(event(Source.IMPORT, "S1", 1.0, 1.1), event(Source.USER, "diastole", 2, 3));
        ShownCycle shown = ShownCycle.of(null, events, DURATION);
        assertEquals(CycleSource.IMPORTED, shown.source());
        assertEquals(List.of(new CycleBand(1.0, 1.1, CardiacState.S1)), shown.bands());
        assertEquals(Double.NaN, shown.segmentation().qualityIndex());
    }

    @Test
    void nothingToShowWithoutSegmentationOrSounds() {
        assertSame(ShownCycle.NONE, ShownCycle.of(null, List.of(event(Source.USER, "systole", 1, 2)), DURATION));
    }

    @Test
    void s1CutByEitherEndIsNotComplete() {
        List<LabelEvent> events = List.of(event(Source.USER, "S1", 0, 0.05), event(Source.USER, "S1", 1, 1.1),
                event(Source.USER, "S1", 4.95, DURATION));
        assertEquals(List.of(new CycleBand(1, 1.1, CardiacState.S1)),
                ShownCycle.of(null, events, DURATION).completeS1(DURATION));
    }

    @ParameterizedTest
    @EnumSource(value = CardiacState.class, names = {"S1", "SYSTOLE", "S2", "DIASTOLE"})
    void eventTypesAndStatesCorrespond(CardiacState state) {
        assertEquals(state, ShownCycle.stateOf(ShownCycle.eventTypeOf(state)));
    }

    @Test
    void unannotatedIsNeitherABandNorAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> ShownCycle.eventTypeOf(CardiacState.UNANNOTATED));
        assertThrows(IllegalArgumentException.class, () -> new CycleBand(0, 1, CardiacState.UNANNOTATED));
        assertEquals(null, ShownCycle.stateOf("murmur"));
    }
}
