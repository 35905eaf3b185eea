package org.auscult.labels;

import java.time.Instant;
import java.util.Objects;

/**
 * An event in time on a recording: a point when {@code start == end}, else a region {@code [start, end]} in seconds.
 *
 * @param id          the store's key (0 before it is stored)
 * @param recordingId the recording it belongs to
 * @param source      user-made or imported
 * @param type        a built-in {@link EventType} label or a custom type
 */
public record LabelEvent(long id, long recordingId, Source source, String type, double start, double end,
                         String labeller, Instant createdAt) {

    public LabelEvent {
        Objects.requireNonNull(source, "source");
        type = EventType.requireValid(type);
        Objects.requireNonNull(labeller, "labeller");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!(start >= 0) || !(end >= start) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("event times must satisfy 0 <= start <= end (seconds), got start "
                    + start + ", end " + end);
        }
    }

    public boolean isPoint() {
        return start == end;
    }

    public LabelEvent withId(long newId) {
        return new LabelEvent(newId, recordingId, source, type, start, end, labeller, createdAt);
    }

    public LabelEvent withTimes(double newStart, double newEnd) {
        return new LabelEvent(id, recordingId, source, type, newStart, newEnd, labeller, createdAt);
    }

    public LabelEvent withType(String newType) {
        return new LabelEvent(id, recordingId, source, newType, start, end, labeller, createdAt);
    }
}
