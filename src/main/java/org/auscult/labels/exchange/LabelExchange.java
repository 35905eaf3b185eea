package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.auscult.io.VisibleText;

/**
 * Moves labels between the store and the exchange files. Every import is one undoable edit of the
 * {@link LabelService}; {@link Source#IMPORT} keeps a collection's labels apart from the user's own, and
 * {@link Source#USER} brings the user's labels back (from another machine, say).
 */
public final class LabelExchange {

    private final LabelService service;
    private final LabelStore store;

    public LabelExchange(LabelService service) {
        this.service = service;
        this.store = service.store();
    }

    // ---- events of one recording (Audacity, CirCor) -----------------------------------------------------------

    /** Adds the marks as events of {@code recording}; the mark's label is the event type. */
    public List<LabelEvent> importEvents(Path recording, List<TimedMark> marks, Source source, String description)
            throws IOException {
        RecordingRef ref = service.recording(recording);
        List<LabelEvent> events = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (TimedMark mark : marks) {
            String type = mark.label().isBlank() ? "custom" : mark.label();
            events.add(new LabelEvent(0, ref.id(), source, type, mark.start(), mark.end(), service.labeller(), now));
        }
        return service.importLabels(description, source, List.of(), events);
    }

    /** The events of {@code recording} as marks (empty when the store does not know it). */
    public List<TimedMark> eventsOf(Path recording) {
        return store.lookup(recording).map(ref -> store.events(ref.id()).stream()
                .map(e -> new TimedMark(e.start(), e.end(), e.type())).toList()).orElse(List.of());
    }

    public ImportReport importAudacity(Path labelTrack, Path recording, Source source) throws IOException {
        List<TimedMark> marks = AudacityLabels.read(labelTrack);
        return new ImportReport(0, importEvents(recording, marks, source, "import " + labelTrack.getFileName())
                .size(), List.of());
    }

    public void exportAudacity(Path recording, Path labelTrack, boolean overwrite) throws IOException {
        AudacityLabels.write(labelTrack, eventsOf(recording), overwrite);
    }

    public ImportReport importCirCor(Path tsv, Path recording, Source source) throws IOException {
        List<TimedMark> marks = CirCorSegmentation.read(tsv);
        return new ImportReport(0, importEvents(recording, marks, source, "import " + tsv.getFileName()).size(),
                List.of());
    }

    /** @return the number of events left out because CirCor has no state for their type */
    public int exportCirCor(Path recording, Path tsv, boolean overwrite) throws IOException {
        return CirCorSegmentation.write(tsv, eventsOf(recording), overwrite);
    }

    // ---- PASCAL set_a_timing.csv ------------------------------------------------------------------------------

    /**
     * Imports the S1/S2 marks; {@code fname} is resolved against {@code collectionRoot}. A name that leads out of
     * the collection ({@code ../../etc/passwd}, an absolute path) is reported and its marks are left out: a timing
     * file names recordings of its own collection, and nothing else is registered in the store because of it.
     */
    public ImportReport importPascalTiming(Path timingCsv, Path collectionRoot, Source source) throws IOException {
        List<PascalTiming.Mark> marks = PascalTiming.read(timingCsv);
        Map<String, List<PascalTiming.Mark>> byFile = new LinkedHashMap<>();
        marks.forEach(mark -> byFile.computeIfAbsent(mark.fname(), name -> new ArrayList<>()).add(mark));
        List<LabelEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        Path root = collectionRoot.toAbsolutePath().normalize();
        for (Map.Entry<String, List<PascalTiming.Mark>> entry : byFile.entrySet()) {
            Path file = root.resolve(entry.getKey()).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                problems.add(VisibleText.of(timingCsv + ": " + entry.getKey() + " (" + entry.getValue().size()
                        + " marks): outside the collection " + root + "; not imported"));
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add(timingCsv + ": " + entry.getKey() + " (" + entry.getValue().size()
                        + " marks): no such file under " + collectionRoot);
                continue;
            }
            RecordingRef ref = service.recording(file);
            for (PascalTiming.Mark mark : entry.getValue()) {
                events.add(new LabelEvent(0, ref.id(), source, mark.sound(), mark.seconds(), mark.seconds(),
                        service.labeller(), now));
            }
        }
        List<LabelEvent> stored = service.importLabels("import " + timingCsv.getFileName(), source, List.of(),
                events);
        return new ImportReport(0, stored.size(), problems);
    }

    /** The S1/S2 points of every known recording under {@code collectionRoot}, named relative to it. */
    public List<PascalTiming.Mark> pascalMarks(Path collectionRoot) {
        Path root = collectionRoot.toAbsolutePath().normalize();
        List<PascalTiming.Mark> marks = new ArrayList<>();
        for (RecordingRef ref : store.recordings()) {
            if (!ref.path().startsWith(root)) {
                continue;
            }
            List<TimedMark> points = store.events(ref.id()).stream().filter(LabelEvent::isPoint)
                    .map(e -> new TimedMark(e.start(), e.end(), e.type())).toList();
            String fname = root.relativize(ref.path()).toString().replace('\\', '/');
            marks.addAll(PascalTiming.marksOf(fname, points));
        }
        return marks;
    }

    public int exportPascalTiming(Path collectionRoot, Path timingCsv, boolean overwrite) throws IOException {
        List<PascalTiming.Mark> marks = pascalMarks(collectionRoot);
        PascalTiming.write(timingCsv, marks, overwrite);
        return marks.size();
    }

    // ---- a collection's own labels ------------------------------------------------------------------------------

    /**
     * Stores the labels a collection carries (any layout the importer reads) as {@link Source#IMPORT} first
     * opinions, signed with the layout's name: kept apart from the user's, and used for training where the user
     * gave no class. Unlabelled recordings are skipped.
     */
    public ImportReport importCollectionLabels(org.auscult.library.RecordingCollection collection)
            throws IOException {
        List<LabelService.ImportedLabel> labels = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (org.auscult.library.Recording recording : collection.recordings()) {
            if (recording.label().isEmpty()) {
                continue;
            }
            RecordingRef ref = service.recording(recording.path());
            labels.add(new LabelService.ImportedLabel(ref, Opinion.FIRST, new RecordingLabel(recording.label(),
                    Optional.empty(), "", collection.layout().name(), now)));
        }
        service.importLabels("import " + collection.root().getFileName(), Source.IMPORT, labels, List.of());
        return new ImportReport(labels.size(), 0, List.of());
    }

    // ---- recording labels (plain CSV) -------------------------------------------------------------------------

    /** Imports recording labels; rows that name no source are the user's own ({@link Source#USER}). */
    public ImportReport importRecordingLabels(Path csv) throws IOException {
        return importRecordingLabels(csv, Source.USER);
    }

    /**
     * Imports recording labels; a row's file is found at its path, else by its hash among the recordings the store
     * knows. Rows keep the source and opinion they name; a row that names no source gets {@code defaultSource}
     * (what the user asked for with {@code --as}), and one without labeller or date is signed by this import: the
     * user for {@link Source#USER}, the file's name otherwise, now. A field left empty says nothing, so the stored
     * value stays (an empty label never clears a class). Rows that cannot be applied (no such recording, nothing
     * said) are reported with their line and change nothing; the others are imported as one undoable edit.
     */
    public ImportReport importRecordingLabels(Path csv, Source defaultSource) throws IOException {
        List<RecordingLabelsCsv.Row> rows = RecordingLabelsCsv.read(csv);
        Map<Source, List<LabelService.ImportedLabel>> bySource = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        java.time.Instant now = service.now();
        for (RecordingLabelsCsv.Row row : rows) {
            String where = csv + " line " + row.line() + ": ";
            if (row.saysNothing()) {
                problems.add(VisibleText.of(where + row.path() + ": no label, quality or notes; the row says "
                        + "nothing and was not imported"));
                continue;
            }
            Optional<RecordingRef> ref = Files.isRegularFile(row.path()) ? Optional.of(service.recording(row.path()))
                    : row.sha256().isEmpty() ? Optional.empty() : store.findBySha256(row.sha256()).stream().findFirst();
            if (ref.isEmpty()) {
                problems.add(VisibleText.of(where + row.path() + ": no such file, and no recording with its hash "
                        + "is known"));
                continue;
            }
            Source source = row.source().orElse(defaultSource);
            RecordingLabel said = row.label();
            String labeller = !said.labeller().isEmpty() ? said.labeller()
                    : source == Source.USER ? service.labeller() : csv.getFileName().toString();
            java.time.Instant at = row.labelledAt().orElse(now);
            RecordingLabel stored = store.label(ref.get().id(), source, row.opinion())
                    .orElse(RecordingLabel.empty(labeller, at));
            RecordingLabel merged = new RecordingLabel(said.labelClass().or(stored::labelClass),
                    said.quality().or(stored::quality), said.notes().isEmpty() ? stored.notes() : said.notes(),
                    labeller, at);
            bySource.computeIfAbsent(source, s -> new ArrayList<>())
                    .add(new LabelService.ImportedLabel(ref.get(), row.opinion(), merged));
        }
        int count = 0;
        for (Map.Entry<Source, List<LabelService.ImportedLabel>> entry : bySource.entrySet()) {
            service.importLabels("import " + csv.getFileName(), entry.getKey(), entry.getValue(), List.of());
            count += entry.getValue().size();
        }
        return new ImportReport(count, 0, problems);
    }

    /** Every statement about every recording (under {@code under} when given), by path. */
    public List<RecordingLabelsCsv.Row> recordingLabels(Optional<Path> under) {
        Optional<Path> root = under.map(p -> p.toAbsolutePath().normalize());
        List<RecordingLabelsCsv.Row> rows = new ArrayList<>();
        for (RecordingRef ref : store.recordings()) {
            if (root.isPresent() && !ref.path().startsWith(root.get())) {
                continue;
            }
            for (Source source : Source.values()) {
                for (Opinion opinion : Opinion.values()) {
                    Optional<RecordingLabel> label = store.label(ref.id(), source, opinion);
                    label.ifPresent(l -> rows.add(RecordingLabelsCsv.Row.of(ref.path(), ref.sha256(), source,
                            opinion, l)));
                }
            }
        }
        return rows;
    }

    public int exportRecordingLabels(Path csv, Optional<Path> under, boolean overwrite) throws IOException {
        List<RecordingLabelsCsv.Row> rows = recordingLabels(under);
        RecordingLabelsCsv.write(csv, rows, overwrite);
        return rows.size();
    }
}
