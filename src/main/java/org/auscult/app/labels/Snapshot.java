package org.auscult.app.labels;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;

/** The state after a store call: what the label panel and the layers show of one recording. */
record Snapshot(RecordingRef recording, Optional<RecordingLabel> label, List<LabelEvent> events,
                List<String> classes, Map<Path, String> userClasses, boolean canUndo, boolean canRedo,
                String undoText, String redoText, String recordedAs) {

    /** Read through {@code service} on a worker thread: {@code opinion}'s label of {@code ref}, and the rest. */
    static Snapshot of(LabelService service, RecordingRef ref, Opinion opinion) {
        LabelStore store = service.store();
        return new Snapshot(ref, store.label(ref.id(), Source.USER, opinion), store.events(ref.id()),
                store.classes(), store.userClasses(), service.canUndo(), service.canRedo(),
                service.undoDescription(), service.redoDescription(),
                RecordedAs.describe(store, ref.id(), ZoneId.systemDefault()));
    }
}
