package org.auscult.app.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.LatestTask;
import org.auscult.app.task.StatusReporter;
import org.auscult.app.task.TaskExecutor;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavFormat;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Layout;
import org.auscult.library.RecordingCollection;

/**
 * The recording browser: opens a folder or collection in the background (import, then every file's header for its
 * duration and sample rate), and filters the rows by class and by text.
 */
public final class BrowserViewModel {

    /** Class filter choice that keeps every row. */
    public static final String ALL = "All classes";
    /** Class filter choice for recordings without a training label. */
    public static final String UNLABELLED = "Unlabelled";
    /** Class filter choice for recordings that cannot be read. */
    public static final String UNREADABLE = "Unreadable";

    /** What an opened collection yields: the collection and one row per recording. */
    public record Opened(RecordingCollection collection, List<RecordingRow> rows) {
    }

    private final LatestTask openTask;
    private final StatusReporter status;
    private final ObservableList<RecordingRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RecordingRow> filtered = new FilteredList<>(rows);
    private final ObservableList<String> classChoices = FXCollections.observableArrayList(ALL);
    private final StringProperty classFilter = new SimpleStringProperty(this, "classFilter", ALL);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyObjectWrapper<RecordingCollection> collection = new ReadOnlyObjectWrapper<>(this,
            "collection");
    private final ObjectProperty<RecordingRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    public BrowserViewModel(TaskExecutor executor, StatusReporter status) {
        this.openTask = new LatestTask(executor);
        this.status = Objects.requireNonNull(status, "status");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::filter, classFilter, searchText));
    }

    /** Imports {@code folderOrLabelFile} in the background, detecting its layout; replaces the rows when done. */
    public void open(Path folderOrLabelFile) {
        open(folderOrLabelFile, Optional.empty());
    }

    /** Imports {@code folderOrLabelFile} in {@code layout} (empty: detected) in the background. */
    public void open(Path folderOrLabelFile, Optional<Layout> layout) {
        openTask.replaceWith(BackgroundTask.of("open " + folderOrLabelFile,
                        context -> load(folderOrLabelFile, layout, context))
                .onProgress(progress -> status.progress(progress.fraction(), progress.message()))
                .onSuccess(this::show)
                .onFailure(failure -> status.failed("Cannot open " + folderOrLabelFile + ": " + failure.getMessage())));
    }

    static Opened load(Path folderOrLabelFile, BackgroundTask.Context context) throws Exception {
        return load(folderOrLabelFile, Optional.empty(), context);
    }

    static Opened load(Path folderOrLabelFile, Optional<Layout> layout, BackgroundTask.Context context)
            throws Exception {
        context.progress(0, "Importing " + folderOrLabelFile.getFileName());
        RecordingCollection imported = new CollectionImporter().importCollection(folderOrLabelFile,
                layout.map(ImportOptions.defaults()::withLayout).orElse(ImportOptions.defaults()));
        RecordingDecoder decoder = new RecordingDecoder();
        List<RecordingRow> loaded = new ArrayList<>(imported.recordings().size());
        int done = 0;
        for (var recording : imported.recordings()) {
            context.checkCancelled();
            RecordingRow row = new RecordingRow(recording);
            try {
                WavFormat format = decoder.readFormat(recording.path());
                row.sampleRateProperty().set(format.sampleRate());
                row.durationProperty().set(format.frameCount() / (double) format.sampleRate());
            } catch (UnreadableAudioException e) {
                row.problemProperty().set(e.problem());
            }
            loaded.add(row);
            if (++done % 64 == 0) {
                context.progress(done / (double) imported.recordings().size(), "Reading headers");
            }
        }
        return new Opened(imported, loaded);
    }

    private void show(Opened opened) {
        selected.set(null);
        rows.setAll(opened.rows());
        TreeSet<String> labels = new TreeSet<>();
        opened.rows().forEach(row -> {
            if (row.labelled()) {
                labels.add(row.label());
            }
        });
        List<String> choices = new ArrayList<>(List.of(ALL));
        choices.addAll(labels);
        choices.add(UNLABELLED);
        choices.add(UNREADABLE);
        classChoices.setAll(choices);
        classFilter.set(ALL);
        collection.set(opened.collection());
        status.done(String.format(Locale.ROOT, "Opened %d recordings (%d labelled) from %s, read as: %s",
                opened.rows().size(), opened.collection().trainable().size(), opened.collection().root(),
                opened.collection().layout().displayName()));
    }

    private Predicate<RecordingRow> filter() {
        String wanted = classFilter.get() == null ? ALL : classFilter.get();
        String text = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        return row -> matchesClass(row, wanted) && (text.isEmpty() || matchesText(row, text));
    }

    private static boolean matchesClass(RecordingRow row, String wanted) {
        return switch (wanted) {
            case ALL -> true;
            case UNLABELLED -> !row.labelled();
            case UNREADABLE -> row.unreadable();
            default -> wanted.equals(row.label());
        };
    }

    private static boolean matchesText(RecordingRow row, String text) {
        return row.name().toLowerCase(Locale.ROOT).contains(text)
                || row.patient().toLowerCase(Locale.ROOT).contains(text)
                || row.label().contains(text)
                || row.predictedProperty().get().contains(text);
    }

    /**
     * The recordings of the open collection its scan judges, in order. A recording long enough to be judged in
     * windows gets its verdict when it is opened: scanned as well, it was judged twice at once when opened first,
     * doubling the time and memory of opening it.
     */
    public List<org.auscult.library.Recording> judgedByTheScan() {
        var collection = collectionProperty().get();
        if (collection == null) {
            return List.of();
        }
        var judgedWhenOpened = rows.stream()
                .filter(row -> org.auscult.analysis.RecordingAnalyzer.judgesInWindows(row.durationProperty().get()))
                .map(RecordingRow::recording).collect(java.util.stream.Collectors.toSet());
        return collection.recordings().stream().filter(recording -> !judgedWhenOpened.contains(recording)).toList();
    }

    /** Gives each row of the open collection the verdict of a collection scan, or the reason it could not be read. */
    public void showScan(List<org.auscult.analysis.CollectionScan.Item> items) {
        java.util.Map<org.auscult.library.Recording, RecordingRow> byRecording = new java.util.HashMap<>();
        rows.forEach(row -> byRecording.put(row.recording(), row));
        for (org.auscult.analysis.CollectionScan.Item item : items) {
            RecordingRow row = byRecording.get(item.recording());
            if (row != null && !item.problem().isEmpty()) {
                row.problemProperty().set(item.problem());
            } else if (row != null && item.verdict() != null) {
                row.showVerdict(item.verdict(), item.signalQuality(), item.murmur());
            }
        }
    }

    /** Every row of the open collection. */
    public ObservableList<RecordingRow> rows() {
        return rows;
    }

    /** The rows passing the class filter and the search text. */
    public FilteredList<RecordingRow> filteredRows() {
        return filtered;
    }

    public ObservableList<String> classChoices() {
        return classChoices;
    }

    public StringProperty classFilterProperty() {
        return classFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyObjectProperty<RecordingCollection> collectionProperty() {
        return collection.getReadOnlyProperty();
    }

    /** The row the user selected; the workstation analyses it. */
    /** A note on the open collection shown under the table ("These samples hold ..."), "" for none. */
    public StringProperty noteProperty() {
        return note;
    }

    /** The file of the selected recording, null when none is selected. */
    public Path selectedPath() {
        RecordingRow row = selected.get();
        return row == null ? null : row.recording().path();
    }

    public ObjectProperty<RecordingRow> selectedProperty() {
        return selected;
    }
}
