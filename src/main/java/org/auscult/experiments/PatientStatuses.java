package org.auscult.experiments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.auscult.learn.Murmur;
import org.auscult.library.Corpora;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * The CirCor patient murmur status (present / absent / unknown) behind every recording of the CirCor collections
 * among those trained on, which the patient-level report of an evaluation scores
 * ({@link org.auscult.learn.PatientMurmurReport}).
 */
public final class PatientStatuses {

    private PatientStatuses() {
    }

    /**
     * The status of every recording of a CirCor collection among {@code imported}, by its id in the collection
     * trained on: the recording's own id for one collection, prefixed by the collection's name when several are
     * combined ({@link Corpora}). Empty when none is a CirCor collection.
     */
    public static Map<String, Murmur> of(List<RecordingCollection> imported) {
        Map<String, RecordingCollection> parts = imported.size() == 1 ? Map.of("", imported.get(0))
                : Corpora.named(imported).parts();
        Map<String, Murmur> status = new HashMap<>();
        parts.forEach((name, collection) -> {
            if (collection.layout() != Layout.CIRCOR_2022) {
                return;
            }
            for (Recording recording : collection.recordings()) {
                try {
                    status.put(name.isEmpty() ? recording.id() : name + "/" + recording.id(),
                            Murmur.parse(recording.originalLabel()));
                } catch (IllegalArgumentException notAStatus) {
                    // a recording without a patient status (e.g. no label row): not scored at patient level
                }
            }
        });
        return status;
    }
}
