package org.auscult.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Training on another column of a collection's label table: CirCor annotates, per patient, the murmur's timing,
 * shape, grade, pitch and quality, and these are kept in each recording's metadata by column name. Relabelling the
 * labelled recordings by such a column measures how well the recordings tell its values apart, with the same
 * patient-grouped evaluation as the classes.
 */
public final class LabelColumn {

    /** Values that mean "no value" in the label tables Auscult reads. */
    private static final Set<String> EMPTY = Set.of("", "nan", "na", "n/a", "none");

    private LabelColumn() {
    }

    /**
     * {@code collection} with every labelled recording labelled by its {@code column} value, and unlabelled when it
     * has none there; unlabelled recordings stay unlabelled.
     *
     * @throws IllegalArgumentException naming the column when no recording has it
     */
    public static RecordingCollection relabelled(RecordingCollection collection, String column) {
        List<Recording> relabelled = new ArrayList<>();
        boolean seen = false;
        for (Recording recording : collection.recordings()) {
            String value = recording.metadata().get(column);
            seen |= value != null;
            Optional<String> label = recording.label().isPresent() && value != null
                    && !EMPTY.contains(value.strip().toLowerCase(Locale.ROOT))
                    ? Optional.of(value.strip()) : Optional.empty();
            relabelled.add(new Recording(recording.path(), recording.id(), label, recording.originalLabel(),
                    recording.patient(), recording.source(), recording.metadata()));
        }
        if (!seen) {
            throw new IllegalArgumentException("no recording of " + collection.root() + " has a column '" + column
                    + "' in its label table");
        }
        return new RecordingCollection(collection.root(), collection.layout(), relabelled, collection.problems());
    }
}
