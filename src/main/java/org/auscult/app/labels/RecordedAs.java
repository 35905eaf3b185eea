package org.auscult.app.labels;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.auscult.labels.LabelStore;

/** Where and when a recording was made, as the label panel says it, from the label database. */
final class RecordedAs {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);

    private RecordedAs() {
    }

    /**
     * "Recorded at MV for p12, 5 Dec 2026 08:30; examination since 08:28: AV, MV", or "" for a recording not
     * made in Record mode.
     */
    static String describe(LabelStore store, long recordingId, ZoneId zone) {
        return store.examinations().auscultation(recordingId).map(where -> {
            var examination = store.examinations().examination(where.examinationId());
            return String.format(Locale.ROOT, "Recorded at %s for %s, %s%s", where.site(), where.patient(),
                    WHEN.format(where.recordedAt().atZone(zone)), examination.map(e -> "; examination since "
                            + DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(e.startedAt().atZone(zone))
                            + ": " + String.join(", ", e.sites())).orElse(""));
        }).orElse("");
    }
}
