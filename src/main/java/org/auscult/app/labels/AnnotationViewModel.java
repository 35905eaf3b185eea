package org.auscult.app.labels;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.labels.EventType;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.exchange.StoreCollection;
import org.auscult.library.RecordingCollection;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;

/**
 * The labels of the recording on screen: its class, quality and notes (the user's first or second opinion), its
 * events, and the edits on them. Every store call runs on the {@link TaskExecutor} given (one worker thread, so
 * edits are committed in the order they were made); the FX thread only sees the snapshot each call returns.
 */
public final class AnnotationViewModel {

    /** What an edit leaves: the new state and the event to select (null: keep the selection). */
    private record Edited(Snapshot snapshot, LabelEvent select) {
    }

    private final TaskExecutor executor;
    /** Set on the UI thread once the database is open; read from other threads too ({@link #service()}). */
    private volatile LabelService service;
    private long shown;
    private final ReadOnlyObjectWrapper<RecordingRef> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyObjectWrapper<RecordingLabel> label = new ReadOnlyObjectWrapper<>(this, "label");
    private final ObservableList<LabelEvent> events = FXCollections.observableArrayList();
    /**
     * One read-only view for every caller: the view holds its listeners only weakly on {@link #events}, so a view
     * made per call could be collected and silently drop the listeners added to it.
     */
    private final ObservableList<LabelEvent> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObjectProperty<LabelEvent> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final ObjectProperty<Opinion> opinion = new SimpleObjectProperty<>(this, "opinion", Opinion.FIRST);
    private final StringProperty currentType = new SimpleStringProperty(this, "currentType", EventType.S1.label());
    private final UndoState undoState = new UndoState();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Where and when the recording shown was made, when Record mode made it ({@link RecordedAs}). */
    private final ReadOnlyStringWrapper recordedAs = new ReadOnlyStringWrapper(this, "recordedAs", "");
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available");
    private final ObservableMap<Path, String> userClasses = FXCollections.observableHashMap();

    /** @param executor one worker thread for every store call */
    public AnnotationViewModel(TaskExecutor executor) {
        this.executor = executor;
        message.set("Labelling is starting…");
        opinion.addListener((observable, before, after) -> reload());
    }

    /** A view model for a window without a label database: everything shows, nothing can be labelled. */
    public static AnnotationViewModel unavailable(String reason) {
        AnnotationViewModel model = new AnnotationViewModel(new org.auscult.app.task.CurrentThreadTaskExecutor());
        model.message.set(reason);
        return model;
    }

    /** Opens the label service in the background ({@code opener} opens the database). */
    public void connect(Callable<LabelService> opener) {
        executor.execute(BackgroundTask.of("open the label database", context -> opener.call())
                .onSuccess(opened -> {
                    service = opened;
                    available.set(true);
                    message.set("Labels: " + opened.store().file());
                    reload();
                })
                .onFailure(failure -> {
                    available.set(false);
                    message.set("Labelling is off: " + failure.getMessage());
                }));
    }

    /** The label service once the database is open (null before, or when labelling is off); thread-safe. */
    public LabelService service() {
        return service;
    }

    /** Shows the labels of the recording at {@code file} (hashing it and relinking it when it moved). */
    public void show(Path file) {
        long generation = ++shown;
        selectedEvent.set(null);
        if (service == null) {
            return;
        }
        LabelService current = service;
        Opinion asked = opinion.get();
        executor.execute(BackgroundTask.of("labels of " + file, context -> Snapshot.of(current,
                        current.recording(file), asked))
                .onSuccess(snapshot -> {
                    if (generation == shown) {
                        apply(snapshot);
                    }
                })
                .onFailure(failure -> message.set("Cannot label " + file.getFileName() + ": "
                        + failure.getMessage())));
    }

    private void reload() {
        RecordingRef ref = recording.get();
        if (service != null && ref != null) {
            edit("reload", (s, r, o) -> null);
        } else if (service != null) {
            LabelService current = service;
            record Classes(List<String> all, Map<Path, String> users) {
            }
            executor.execute(BackgroundTask.of("classes", context -> new Classes(current.store().classes(),
                            current.store().userClasses()))
                    .onSuccess(result -> {
                        classes.setAll(result.all());
                        setUserClasses(result.users());
                    }));
        }
    }

    /**
     * {@code collection} with the current labels of the label database applied, for training. Reads through a
     * connection of its own (the database allows concurrent readers), so it may run on any background thread;
     * without a database the collection comes back as it is.
     */
    public RecordingCollection withUserLabels(RecordingCollection collection) {
        LabelService current = service;
        if (current == null) {
            return collection;
        }
        try (LabelStore reader = LabelStore.open(current.store().file())) {
            return StoreCollection.withStoreLabels(collection, reader);
        }
    }

    private void setUserClasses(Map<Path, String> latest) {
        userClasses.keySet().retainAll(latest.keySet());
        latest.forEach((path, labelClass) -> {
            if (!labelClass.equals(userClasses.get(path))) {
                userClasses.put(path, labelClass);
            }
        });
    }

    private void apply(Snapshot snapshot) {
        recording.set(snapshot.recording());
        label.set(snapshot.label().orElse(null));
        Long selectedId = selectedEvent.get() == null ? null : selectedEvent.get().id();
        events.setAll(snapshot.events());
        selectedEvent.set(selectedId == null ? null : snapshot.events().stream()
                .filter(e -> e.id() == selectedId).findFirst().orElse(null));
        if (!classes.equals(snapshot.classes())) {
            classes.setAll(snapshot.classes());
        }
        setUserClasses(snapshot.userClasses());
        undoState.show(snapshot.canUndo(), snapshot.canRedo(), snapshot.undoText(), snapshot.redoText());
        recordedAs.set(snapshot.recordedAs());
    }

    /** One change through the service, given the recording and opinion captured on the FX thread. */
    @FunctionalInterface
    private interface Change {
        /** @return the event to select afterwards, or null */
        LabelEvent apply(LabelService service, RecordingRef recording, Opinion opinion) throws Exception;
    }

    /** A change that leaves the selection as it is. */
    @FunctionalInterface
    private interface Action {
        void apply(LabelService service, RecordingRef recording, Opinion opinion) throws Exception;
    }

    private void act(String what, Action action) {
        edit(what, (s, r, o) -> {
            action.apply(s, r, o);
            return null;
        });
    }

    /** Runs one edit on the worker, then shows the new state and selects the event the change returns. */
    private void edit(String what, Change change) {
        RecordingRef ref = recording.get();
        if (service == null || ref == null) {
            message.set(service == null ? message.get() : "Select a recording first.");
            return;
        }
        LabelService current = service;
        Opinion asked = opinion.get();
        long generation = shown;
        executor.execute(BackgroundTask.of(what, context -> {
            LabelEvent select = change.apply(current, ref, asked);
            return new Edited(Snapshot.of(current, ref, asked), select);
        }).onSuccess(result -> {
            if (generation == shown) {
                apply(result.snapshot());
                if (result.select() != null) {
                    long id = result.select().id();
                    selectedEvent.set(events.stream().filter(e -> e.id() == id).findFirst().orElse(null));
                }
            }
            if (!what.equals("reload")) {
                message.set(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1));
            }
        }).onFailure(failure -> {
            message.set("Could not " + what + ": " + failure.getMessage());
            reload();
        }));
    }

    // ---- recording label --------------------------------------------------------------------------------------

    public void setClass(String labelClass) {
        act("label " + labelClass, (s, r, o) -> {
            if (labelClass != null && !s.store().classes().contains(labelClass)) {
                s.addClass(labelClass);
            }
            s.setClass(r, o, labelClass);
        });
    }

    /** The class of key {@code n} (1-based) in the class list, if there is one. */
    public void setClassByKey(int n) {
        if (n >= 1 && n <= classes.size()) {
            setClass(classes.get(n - 1));
        }
    }

    public void setQuality(Quality quality) {
        act("set quality " + (quality == null ? "none" : quality.sqlName()), (s, r, o) -> s.setQuality(r, o, quality));
    }

    public void setNotes(String notes) {
        String old = label.get() == null ? "" : label.get().notes();
        if (old.equals(notes == null ? "" : notes)) {
            return;
        }
        act("edit notes", (s, r, o) -> s.setNotes(r, o, notes));
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** Adds an event of the current type: a point when {@code start == end}. */
    public void addEvent(double start, double end) {
        String type = currentType.get();
        double a = Math.max(0, Math.min(start, end));
        double b = Math.max(0, Math.max(start, end));
        edit("add " + type, (s, r, o) -> s.addEvent(r, type, a, b));
    }

    /**
     * Adds user events of several types as one edit, one undo step (accepting the automatic segmentation, for
     * example): each mark's label is the event type.
     */
    public void addEvents(String what, List<org.auscult.labels.exchange.TimedMark> marks) {
        List<org.auscult.labels.exchange.TimedMark> copy = List.copyOf(marks);
        act(what, (s, r, o) -> {
            java.time.Instant now = java.time.Instant.now();
            s.importLabels(what, Source.USER, List.of(), copy.stream()
                    .map(m -> new LabelEvent(0, r.id(), Source.USER, m.label(), m.start(), m.end(), s.labeller(), now))
                    .toList());
        });
    }

    public void moveEvent(LabelEvent event, double newStart) {
        edit("move " + event.type(), (s, r, o) -> s.moveEvent(event.id(), newStart));
    }

    public void resizeEvent(LabelEvent event, double start, double end) {
        edit("resize " + event.type(), (s, r, o) -> s.resizeEvent(event.id(), Math.max(0, start), Math.max(0, end)));
    }

    /** Sets the type new events get; the selected event, if any, takes it too. */
    public void chooseType(String type) {
        currentType.set(EventType.requireValid(type));
        LabelEvent selected = selectedEvent.get();
        if (selected != null && !selected.type().equals(type)) {
            edit("retype " + selected.type() + " as " + type, (s, r, o) -> s.retypeEvent(selected.id(), type));
        }
    }

    public void deleteSelected() {
        LabelEvent selected = selectedEvent.get();
        if (selected != null) {
            selectedEvent.set(null);
            act("delete " + selected.type(), (s, r, o) -> s.deleteEvent(selected.id()));
        }
    }

    public void undo() {
        act("undo", (s, r, o) -> s.undo());
    }

    public void redo() {
        act("redo", (s, r, o) -> s.redo());
    }

    /** The first event starting after {@code seconds} (by 1 ms), or the first one when none does. */
    public Optional<LabelEvent> nextEvent(double seconds) {
        return events.stream().filter(e -> e.start() > seconds + 1e-3).findFirst()
                .or(() -> events.stream().findFirst());
    }

    /** The last event starting before {@code seconds} (by 1 ms), or the last one when none does. */
    public Optional<LabelEvent> previousEvent(double seconds) {
        List<LabelEvent> before = events.stream().filter(e -> e.start() < seconds - 1e-3).toList();
        List<LabelEvent> from = before.isEmpty() ? events : before;
        return from.isEmpty() ? Optional.empty() : Optional.of(from.get(from.size() - 1));
    }

    /** True when the user has given the recording at {@code file} a class (first opinion). */
    public boolean isLabelled(Path file) {
        return userClasses.containsKey(file.toAbsolutePath().normalize());
    }

    /** The user's class (first opinion) by recording path, for the browser's "Mine" column. */
    public ObservableMap<Path, String> userClasses() {
        return FXCollections.unmodifiableObservableMap(userClasses);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RecordingRef> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The user's label of the shown recording (the chosen opinion), null when there is none. */
    public ReadOnlyObjectProperty<RecordingLabel> labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ObservableList<LabelEvent> events() {
        return readOnlyEvents;
    }

    public ObservableList<String> classes() {
        return FXCollections.unmodifiableObservableList(classes);
    }

    public ObjectProperty<LabelEvent> selectedEventProperty() {
        return selectedEvent;
    }

    public ObjectProperty<Opinion> opinionProperty() {
        return opinion;
    }

    public StringProperty currentTypeProperty() {
        return currentType;
    }

    /** What the undo and redo buttons show. */
    public UndoState undoState() {
        return undoState;
    }

    /** What the last edit did, or why labelling is unavailable. */
    public ReadOnlyStringProperty recordedAsProperty() {
        return recordedAs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True once the database is open. */
    public BooleanProperty availableProperty() {
        return available;
    }

    /**
     * Stops the worker and closes the database (on the calling thread, when the window closes: an edit still being
     * written finishes first, because the store's methods are synchronised).
     */
    public void shutdown() {
        executor.shutdown();
        if (service != null) {
            service.store().close();
        }
    }
}
