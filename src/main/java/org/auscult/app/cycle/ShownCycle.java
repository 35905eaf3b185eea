package org.auscult.app.cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.auscult.labels.EventType;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.Source;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.Segmentation;

/**
 * The heart cycle the workstation shows for one recording: the user's S1/S2/systole/diastole events when the
 * recording has user S1 or S2 events, else the imported ones when it has imported S1 or S2 events, else the
 * automatic segmentation. Heart rate and rhythm are measured on the bands shown (a corrected S1 changes the heart
 * rate); the quality index is always the automatic one, which describes the sound, not the labels.
 *
 * @param bands        the S1, systole, S2 and diastole bands in time order
 * @param source       where they come from
 * @param segmentation the bands as a segmentation: heart rate ({@code 60 / median RR} of the S1 midpoints), beat
 *                     times, RR intervals and the automatic quality index; null when {@code source} is NONE
 */
public record ShownCycle(List<CycleBand> bands, CycleSource source, Segmentation segmentation) {

    /** Nothing to show. */
    public static final ShownCycle NONE = new ShownCycle(List.of(), CycleSource.NONE, null);

    public ShownCycle {
        bands = List.copyOf(bands);
        Objects.requireNonNull(source, "source");
    }

    /**
     * The cycle to show.
     *
     * @param automatic the automatic segmentation, null when there is none (yet)
     * @param events    the recording's events in the label store (any types, any source)
     * @param duration  the recording's length in seconds, to tell an S1 cut by the end of the recording
     */
    public static ShownCycle of(Segmentation automatic, List<LabelEvent> events, double duration) {
        for (Source source : new Source[] {Source.USER, Source.IMPORT}) {
            List<CycleBand> annotated = bandsOf(events, source);
            boolean hasSounds = annotated.stream().anyMatch(b -> b.state().isSound());
            if (hasSounds) {
                CycleSource shownSource = source == Source.USER ? CycleSource.ANNOTATED : CycleSource.IMPORTED;
                if (source == Source.USER && automatic != null) {
                    // The user's marks where they are, the automatic beats outside the stretch they cover: one
                    // marked beat must not throw the rest of the recording's beats away.
                    List<CycleBand> merged = withAutomaticOutside(annotated, automatic);
                    if (merged.size() > annotated.size()) {
                        annotated = merged;
                        shownSource = CycleSource.ANNOTATED_AND_AUTOMATIC;
                    }
                }
                List<Segment> segments = annotated.stream()
                        .map(b -> new Segment(b.start(), b.end(), b.state())).toList();
                double fallbackRate = automatic == null ? Double.NaN : automatic.heartRateBpm();
                double systolic = automatic == null ? Double.NaN : automatic.systolicIntervalSeconds();
                double quality = automatic == null ? Double.NaN : automatic.qualityIndex();
                return new ShownCycle(annotated, shownSource,
                        Segmentation.of(segments, duration, fallbackRate, systolic, quality));
            }
        }
        if (automatic == null) {
            return NONE;
        }
        List<CycleBand> bands = automatic.segments().stream().filter(s -> s.state() != CardiacState.UNANNOTATED)
                .map(s -> new CycleBand(s.startSeconds(), s.endSeconds(), s.state())).toList();
        return new ShownCycle(bands, CycleSource.AUTOMATIC, automatic);
    }

    /**
     * {@code annotated} with the automatic bands that lie wholly before its first band or after its last, in time
     * order.
     */
    static List<CycleBand> withAutomaticOutside(List<CycleBand> annotated, Segmentation automatic) {
        double from = annotated.stream().mapToDouble(CycleBand::start).min().orElse(0);
        double to = annotated.stream().mapToDouble(CycleBand::end).max().orElse(0);
        List<CycleBand> merged = new ArrayList<>();
        for (Segment segment : automatic.segments()) {
            if (segment.state() != CardiacState.UNANNOTATED
                    && (segment.endSeconds() <= from || segment.startSeconds() >= to)) {
                merged.add(new CycleBand(segment.startSeconds(), segment.endSeconds(), segment.state()));
            }
        }
        merged.addAll(annotated);
        merged.sort(java.util.Comparator.comparingDouble(CycleBand::start));
        return merged;
    }

    /** The events of {@code source} whose type is S1, S2, systole or diastole, as bands in time order. */
    static List<CycleBand> bandsOf(List<LabelEvent> events, Source source) {
        List<CycleBand> bands = new ArrayList<>();
        for (LabelEvent event : events) {
            CardiacState state = stateOf(event.type());
            if (event.source() == source && state != null) {
                bands.add(new CycleBand(event.start(), event.end(), state));
            }
        }
        bands.sort(Comparator.comparingDouble(CycleBand::start).thenComparingDouble(CycleBand::end));
        return bands;
    }

    /** The cardiac state an event type stands for, null for other types. */
    public static CardiacState stateOf(String eventType) {
        if (EventType.S1.label().equals(eventType)) {
            return CardiacState.S1;
        } else if (EventType.S2.label().equals(eventType)) {
            return CardiacState.S2;
        } else if (EventType.SYSTOLE.label().equals(eventType)) {
            return CardiacState.SYSTOLE;
        } else if (EventType.DIASTOLE.label().equals(eventType)) {
            return CardiacState.DIASTOLE;
        }
        return null;
    }

    /** The event type a cardiac state is stored as. */
    public static String eventTypeOf(CardiacState state) {
        return switch (state) {
            case S1 -> EventType.S1.label();
            case S2 -> EventType.S2.label();
            case SYSTOLE -> EventType.SYSTOLE.label();
            case DIASTOLE -> EventType.DIASTOLE.label();
            case UNANNOTATED -> throw new IllegalArgumentException("unannotated stretches are not stored as events");
        };
    }

    /**
     * The S1 bands that lie wholly inside the recording, in time order: what the beat stack aligns on. An S1
     * touching the start or the end was cut and has no reliable position.
     */
    public List<CycleBand> completeS1(double duration) {
        double edge = 1e-9;
        return bands.stream().filter(b -> b.state() == CardiacState.S1 && b.start() > edge
                && b.end() < duration - edge).toList();
    }
}
