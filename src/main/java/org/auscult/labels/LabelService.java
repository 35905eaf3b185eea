package org.auscult.labels;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every change to the labels, each committed to the {@link LabelStore} as one transaction when it is made, and
 * undoable: the service keeps a stack of the edits made through it. Undo applies the inverse edit (itself committed
 * at once), redo applies the edit again; a new edit clears the redo stack. Undo covers this service's edits only;
 * another window's edits are its own.
 *
 * <p>Methods are synchronised: the workstation calls them from one background thread, the command line from its
 * main thread.
 */
public final class LabelService {

    /** How many edits can be undone. */
    public static final int UNDO_DEPTH = 1000;

    /** A reversible change; both directions run inside one transaction. */
    private interface Edit {
        String description();

        void apply(LabelStore store) throws SQLException;

        void revert(LabelStore store) throws SQLException;
    }

    /** One direction of an edit. */
    private interface Step {
        void run(LabelStore store) throws SQLException;
    }

    /** An edit that remembers nothing of what it changed: its two directions say all. */
    private record Reversible(String description, Step forward, Step back) implements Edit {
        @Override
        public void apply(LabelStore store) throws SQLException {
            forward.run(store);
        }

        @Override
        public void revert(LabelStore store) throws SQLException {
            back.run(store);
        }
    }

    private final LabelStore store;
    private final String labeller;
    private final Clock clock;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /**
     * @param labeller signs every label and event made through this service
     * @param clock    stamps them
     */
    public LabelService(LabelStore store, String labeller, Clock clock) {
        this.store = store;
        this.labeller = labeller == null ? "" : labeller;
        this.clock = clock;
    }

    /** The time now, by this service's clock (what edits are dated with). */
    public Instant now() {
        return clock.instant();
    }

    public LabelStore store() {
        return store;
    }

    public String labeller() {
        return labeller;
    }

    /** See {@link LabelStore#recordingFor(Path)}. */
    public RecordingRef recording(Path audio) throws IOException {
        return store.recordingFor(audio);
    }

    // ---- recording labels -------------------------------------------------------------------------------------

    /** Changes the user's label ({@code opinion}) of a recording, signed and stamped now; returns the new label. */
    public synchronized RecordingLabel updateLabel(RecordingRef recording, Opinion opinion,
                                                   UnaryOperator<RecordingLabel> change) {
        Instant now = clock.instant();
        RecordingLabel before = store.label(recording.id(), Source.USER, opinion)
                .orElse(RecordingLabel.empty(labeller, now));
        RecordingLabel after = change.apply(before).signed(labeller, now);
        perform(new PutLabel("label " + recording.path().getFileName(), recording.id(), Source.USER, opinion,
                Optional.of(after)));
        return after;
    }

    public RecordingLabel setClass(RecordingRef recording, Opinion opinion, String labelClass) {
        String checked = labelClass == null ? null : LabelClasses.requireValid(labelClass);
        return updateLabel(recording, opinion, label -> label.withClass(checked));
    }

    public RecordingLabel setQuality(RecordingRef recording, Opinion opinion, Quality quality) {
        return updateLabel(recording, opinion, label -> label.withQuality(quality));
    }

    public RecordingLabel setNotes(RecordingRef recording, Opinion opinion, String notes) {
        return updateLabel(recording, opinion, label -> label.withNotes(notes));
    }

    /** Adds a class beside the five built-in ones; false when it exists already. */
    public synchronized boolean addClass(String name) {
        String checked = LabelClasses.requireValid(name);
        if (store.classes().contains(checked)) {
            return false;
        }
        Instant now = clock.instant();
        perform(new Reversible("add class " + checked, s -> s.putClass(checked, now), s -> s.removeClass(checked)));
        return true;
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** Adds a user event: a point when {@code start == end}. */
    public synchronized LabelEvent addEvent(RecordingRef recording, String type, double start, double end) {
        LabelEvent event = new LabelEvent(0, recording.id(), Source.USER, type, start, end, labeller,
                clock.instant());
        AddEvents edit = new AddEvents("add " + event.type(), List.of(event));
        perform(edit);
        return edit.added.get(0);
    }

    /** Moves an event so that it starts at {@code newStart}, keeping its length. */
    public synchronized LabelEvent moveEvent(long eventId, double newStart) {
        LabelEvent before = existing(eventId);
        double start = Math.max(0, newStart);
        return change(before, before.withTimes(start, start + (before.end() - before.start())), "move ");
    }

    /** Sets an event's start and end (in either order). */
    public synchronized LabelEvent resizeEvent(long eventId, double start, double end) {
        LabelEvent before = existing(eventId);
        return change(before, before.withTimes(Math.min(start, end), Math.max(start, end)), "resize ");
    }

    public synchronized LabelEvent retypeEvent(long eventId, String type) {
        LabelEvent before = existing(eventId);
        return change(before, before.withType(type), "retype ");
    }

    public synchronized void deleteEvent(long eventId) {
        LabelEvent before = existing(eventId);
        perform(new Reversible("delete " + before.type(), s -> s.deleteEvent(before.id()),
                s -> s.insertEvent(before)));
    }

    private LabelEvent existing(long eventId) {
        return store.event(eventId).orElseThrow(() -> new IllegalArgumentException(
                "event " + eventId + " does not exist (deleted in another window?)"));
    }

    private LabelEvent change(LabelEvent before, LabelEvent after, String verb) {
        perform(new Reversible(verb + before.type(), s -> requireUpdated(s.updateEvent(after), after.id()),
                s -> requireUpdated(s.updateEvent(before), before.id())));
        return after;
    }

    private static void requireUpdated(boolean updated, long id) throws SQLException {
        if (!updated) {
            throw new SQLException("event " + id + " no longer exists (deleted in another window?)");
        }
    }

    // ---- imports ----------------------------------------------------------------------------------------------

    /** A recording label brought in by an import. */
    public record ImportedLabel(RecordingRef recording, Opinion opinion, RecordingLabel label) {
    }

    /**
     * Stores labels and events read from an exchange file as one transaction (one undo step). Labels replace the
     * earlier label of the same recording, source and opinion; events are added.
     *
     * @param source IMPORT for a collection's own labels, USER for the user's labels brought back from a file
     * @return the stored events with their ids
     */
    public synchronized List<LabelEvent> importLabels(String description, Source source, List<ImportedLabel> labels,
                                                      List<LabelEvent> events) {
        List<PutLabel> puts = labels.stream()
                .map(l -> new PutLabel(description, l.recording().id(), source, l.opinion(), Optional.of(l.label())))
                .toList();
        AddEvents add = new AddEvents(description, events.stream()
                .map(e -> new LabelEvent(0, e.recordingId(), source, e.type(), e.start(), e.end(), e.labeller(),
                        e.createdAt()))
                .toList());
        perform(new Reversible(description, s -> {
            for (PutLabel put : puts) {
                put.apply(s);
            }
            add.apply(s);
        }, s -> {
            add.revert(s);
            for (int i = puts.size() - 1; i >= 0; i--) {
                puts.get(i).revert(s);
            }
        }));
        return List.copyOf(add.added);
    }

    // ---- undo -------------------------------------------------------------------------------------------------

    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would reverse ("" when nothing). */
    public synchronized String undoDescription() {
        return undo.isEmpty() ? "" : undo.peek().description();
    }

    public synchronized String redoDescription() {
        return redo.isEmpty() ? "" : redo.peek().description();
    }

    /**
     * Reverses the latest edit (committed at once); false when there is nothing to undo. An edit that can no longer
     * be reversed (another window deleted its event) is dropped and the failure thrown.
     */
    public synchronized boolean undo() {
        Edit edit = undo.poll();
        if (edit == null) {
            return false;
        }
        inTransaction(edit::revert);
        redo.push(edit);
        return true;
    }

    /** Applies the latest undone edit again; false when there is nothing to redo. */
    public synchronized boolean redo() {
        Edit edit = redo.poll();
        if (edit == null) {
            return false;
        }
        inTransaction(edit::apply);
        undo.push(edit);
        return true;
    }

    private void perform(Edit edit) {
        inTransaction(edit::apply);
        undo.push(edit);
        while (undo.size() > UNDO_DEPTH) {
            undo.removeLast();
        }
        redo.clear();
    }

    private void inTransaction(Step step) {
        store.write(() -> {
            step.run(store);
            return null;
        });
    }

    /** Replaces one statement about a recording, remembering the one it replaced. */
    private static final class PutLabel implements Edit {
        private final String description;
        private final long recordingId;
        private final Source source;
        private final Opinion opinion;
        private final Optional<RecordingLabel> after;
        private Optional<RecordingLabel> before = Optional.empty();

        PutLabel(String description, long recordingId, Source source, Opinion opinion,
                 Optional<RecordingLabel> after) {
            this.description = description;
            this.recordingId = recordingId;
            this.source = source;
            this.opinion = opinion;
            this.after = after;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void apply(LabelStore s) throws SQLException {
            before = s.readLabelInTransaction(recordingId, source, opinion);
            s.putLabel(recordingId, source, opinion, after);
        }

        @Override
        public void revert(LabelStore s) throws SQLException {
            s.putLabel(recordingId, source, opinion, before);
        }
    }

    /** Adds events; a redo re-inserts them with the ids they were first given. */
    private static final class AddEvents implements Edit {
        private final String description;
        private final List<LabelEvent> events;
        private final List<LabelEvent> added = new java.util.ArrayList<>();

        AddEvents(String description, List<LabelEvent> events) {
            this.description = description;
            this.events = events;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void apply(LabelStore s) throws SQLException {
            if (added.isEmpty()) {
                for (LabelEvent event : events) {
                    added.add(event.withId(s.insertEvent(event)));
                }
            } else {
                for (LabelEvent event : added) {
                    s.insertEvent(event);
                }
            }
        }

        @Override
        public void revert(LabelStore s) throws SQLException {
            for (LabelEvent event : added) {
                s.deleteEvent(event.id());
            }
        }
    }
}
