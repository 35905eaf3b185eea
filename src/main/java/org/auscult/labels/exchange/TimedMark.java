package org.auscult.labels.exchange;

import java.util.Objects;

/** A labelled point ({@code start == end}) or region in seconds, as the time-based exchange formats carry it. */
public record TimedMark(double start, double end, String label) {
    public TimedMark {
        Objects.requireNonNull(label, "label");
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("a mark needs 0 <= start <= end, got " + start + " .. " + end);
        }
    }
}
