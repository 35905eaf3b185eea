package org.auscult.app.cycle;

import java.util.Objects;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;

/**
 * One band of the heart cycle on screen: S1, systole, S2 or diastole from {@code start} to {@code end} seconds.
 *
 * @param start seconds from the beginning of the recording
 * @param end   seconds, not before {@code start}
 * @param state S1, SYSTOLE, S2 or DIASTOLE (never UNANNOTATED: unannotated stretches are simply not drawn)
 */
public record CycleBand(double start, double end, CardiacState state) {

    public CycleBand {
        Objects.requireNonNull(state, "state");
        if (state == CardiacState.UNANNOTATED) {
            throw new IllegalArgumentException("a cycle band is S1, systole, S2 or diastole, not unannotated");
        }
        if (!(start >= 0) || !(end >= start) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("a cycle band needs 0 <= start <= end, got " + start + " .. " + end);
        }
    }

    public double duration() {
        return end - start;
    }

    /** The band as the segmentation names a stretch of the cycle. */
    public Segment asSegment() {
        return new Segment(start, end, state);
    }
}
