package org.auscult.labels;

/** A recording whose first and second opinions name different classes. */
public record Disagreement(RecordingRef recording, RecordingLabel first, RecordingLabel second) {
}
