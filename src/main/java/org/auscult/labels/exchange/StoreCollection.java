package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auscult.io.CsvText;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * A collection for training = its recordings + their current labels. Each recording's label is, in order: the
 * user's class from the store (first opinion), the imported class from the store, the collection's own label.
 * A recording the user flagged {@code unusable} is not trained on. Patients and sources stay the collection's.
 *
 * <p>{@link #writeCsv} writes the result as a generic label CSV ({@code path,label,patient,source,...}) that
 * {@code auscult train} and {@code auscult evaluate} read like any other collection.
 */
public final class StoreCollection {

    /** How many labels came from where. */
    public record Summary(int fromUser, int fromImport, int fromCollection, int unlabelled, int unusable) {
    }

    private StoreCollection() {
    }

    /** The collection with the store's current labels applied. */
    public static RecordingCollection withStoreLabels(RecordingCollection collection, LabelStore store) {
        List<Recording> relabelled = collection.recordings().stream().map(r -> relabel(r, store).recording()).toList();
        return new RecordingCollection(collection.root(), collection.layout(), relabelled, collection.problems());
    }

    private record Relabelled(Recording recording, String origin) {
    }

    private static Relabelled relabel(Recording recording, LabelStore store) {
        Optional<RecordingRef> ref = store.lookup(recording.path());
        if (ref.isEmpty()) {
            return new Relabelled(recording, recording.label().isPresent() ? "collection" : "none");
        }
        long id = ref.get().id();
        Optional<RecordingLabel> mine = store.label(id, Source.USER, Opinion.FIRST);
        Map<String, String> metadata = new LinkedHashMap<>(recording.metadata());
        mine.flatMap(RecordingLabel::quality).ifPresent(q -> metadata.put("quality", q.sqlName()));
        if (mine.flatMap(RecordingLabel::quality).equals(Optional.of(Quality.UNUSABLE))) {
            return new Relabelled(copy(recording, Optional.empty(), metadata), "unusable");
        }
        Optional<String> user = mine.flatMap(RecordingLabel::labelClass);
        if (user.isPresent()) {
            return new Relabelled(copy(recording, user, metadata), "user");
        }
        Optional<String> imported = store.label(id, Source.IMPORT, Opinion.FIRST).flatMap(RecordingLabel::labelClass);
        if (imported.isPresent()) {
            return new Relabelled(copy(recording, imported, metadata), "import");
        }
        return new Relabelled(copy(recording, recording.label(), metadata),
                recording.label().isPresent() ? "collection" : "none");
    }

    private static Recording copy(Recording r, Optional<String> label, Map<String, String> metadata) {
        return new Recording(r.path(), r.id(), label, r.originalLabel(), r.patient(), r.source(), metadata);
    }

    /**
     * Writes {@code collection} with the store's labels as a generic label CSV at {@code csv}; paths are relative
     * to the CSV's folder when the recordings lie under it, else absolute.
     */
    public static Summary writeCsv(RecordingCollection collection, LabelStore store, Path csv, boolean overwrite)
            throws IOException {
        int[] counts = new int[5];
        List<Recording> rows = new ArrayList<>();
        for (Recording recording : collection.recordings()) {
            Relabelled relabelled = relabel(recording, store);
            switch (relabelled.origin()) {
                case "user" -> counts[0]++;
                case "import" -> counts[1]++;
                case "collection" -> counts[2]++;
                case "unusable" -> counts[4]++;
                default -> counts[3]++;
            }
            rows.add(relabelled.recording());
        }
        Path folder = csv.toAbsolutePath().getParent();
        TextTable.writeText(csv, overwrite, out -> {
            out.write("path,label,patient,source,quality\n");
            for (Recording r : rows) {
                Path path = r.path().toAbsolutePath().normalize();
                String written = path.startsWith(folder) ? folder.relativize(path).toString().replace('\\', '/')
                        : path.toString();
                out.write(CsvText.row(written, r.label().orElse(""), r.patient(), r.source(),
                        r.metadata().getOrDefault("quality", "")) + "\n");
            }
        });
        return new Summary(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
}
