package org.auscult.segmentation;

import java.util.Objects;

/**
 * One stretch of a recording in one state of the heart cycle.
 *
 * @param startSeconds start, seconds from the beginning of the recording
 * @param endSeconds   end (exclusive), seconds; not before the start
 * @param state        the state of the heart cycle
 */
public record Segment(double startSeconds, double endSeconds, CardiacState state) {

    public Segment {
        Objects.requireNonNull(state, "state");
        if (!(Double.isFinite(startSeconds) && Double.isFinite(endSeconds) && startSeconds >= 0
                && endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("a segment needs 0 <= start <= end, got " + startSeconds + " .. "
                    + endSeconds);
        }
    }

    /** The middle of the segment, where a heart sound counts as one event. */
    public double midSeconds() {
        return (startSeconds + endSeconds) / 2;
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
