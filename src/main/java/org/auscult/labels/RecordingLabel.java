package org.auscult.labels;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one labeller says about a whole recording.
 *
 * @param labelClass the class, empty when only quality or notes were given
 * @param quality    the quality flag, empty when not given
 * @param notes      free text, "" when none
 * @param labeller   who labelled it
 * @param labelledAt when it was last changed
 */
public record RecordingLabel(Optional<String> labelClass, Optional<Quality> quality, String notes, String labeller,
                             Instant labelledAt) {

    public RecordingLabel {
        Objects.requireNonNull(labelClass, "labelClass");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(labeller, "labeller");
        Objects.requireNonNull(labelledAt, "labelledAt");
        labelClass = labelClass.map(LabelClasses::requireValid);
    }

    /** A label with nothing said yet, by {@code labeller} at {@code now}. */
    public static RecordingLabel empty(String labeller, Instant now) {
        return new RecordingLabel(Optional.empty(), Optional.empty(), "", labeller, now);
    }

    public RecordingLabel withClass(String newClass) {
        return new RecordingLabel(Optional.ofNullable(newClass), quality, notes, labeller, labelledAt);
    }

    public RecordingLabel withQuality(Quality newQuality) {
        return new RecordingLabel(labelClass, Optional.ofNullable(newQuality), notes, labeller, labelledAt);
    }

    public RecordingLabel withNotes(String newNotes) {
        return new RecordingLabel(labelClass, quality, newNotes == null ? "" : newNotes, labeller, labelledAt);
    }

    /** The same statements, signed by {@code who} at {@code when}. */
    public RecordingLabel signed(String who, Instant when) {
        return new RecordingLabel(labelClass, quality, notes, who, when);
    }
}
