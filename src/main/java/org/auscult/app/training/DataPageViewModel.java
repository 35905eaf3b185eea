package org.auscult.app.training;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.experiments.DataSummary;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.experiments.TrainingLabels;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * The wizard's Data page: the collection (the workstation's, or one imported here, with the user's labels applied),
 * further labelled collections added to train and evaluate on with it as one ({@link TrainingCollections}), the
 * summary of them all, and the labels to train on (PASCAL's noisy recordings apart or as imported).
 *
 * <p>Every import, and every combining of the collections with its summary, runs in the background; only the
 * latest combining is shown, so collections added or removed quickly one after another end up summarised as they
 * stand.
 */
public final class DataPageViewModel {

    private static final String NOT_LABELLED = "not a labelled collection (a folder per class, or a label file in a "
            + "known layout: see the README's 'Data formats').";

    private final TaskExecutor executor;
    private final StringProperty message;
    private final WorkstationLink workstation;
    private final Runnable collectionChanged;
    private final ObjectProperty<RecordingCollection> collection = new SimpleObjectProperty<>(this, "collection");
    private final ObservableList<RecordingCollection> added = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingCollections> trainingCollections = new SimpleObjectProperty<>(this,
            "trainingCollections");
    private final ObjectProperty<DataSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final BooleanProperty summarising = new SimpleBooleanProperty(this, "summarising");
    private final IntegerProperty noisyRecordings = new SimpleIntegerProperty(this, "noisyRecordings");
    private final StringProperty noisyRecordingsNote = new SimpleStringProperty(this, "noisyRecordingsNote", "");
    private final BooleanProperty noisyLabelsApart = new SimpleBooleanProperty(this, "noisyLabelsApart");
    private final ObjectProperty<TrainingLabels> trainingLabels = new SimpleObjectProperty<>(this,
            "trainingLabels", TrainingLabels.AS_IMPORTED);
    /** Whether a past run chose the labels, which a newly read collection then keeps. */
    private boolean labelsFromPastRun;
    /** Imports and combinings under way: the page is being read while any is. */
    private int reading;
    /** Counts the combinings started: the summary of an older one is dropped. */
    private long combining;

    /**
     * @param message           the wizard's message line
     * @param collectionChanged told when another collection is shown
     */
    DataPageViewModel(TaskExecutor executor, StringProperty message, WorkstationLink workstation,
                      Runnable collectionChanged) {
        this.executor = executor;
        this.message = message;
        this.workstation = workstation;
        this.collectionChanged = collectionChanged;
        // The check box offers one choice (the standard PASCAL one); a past run's labels set the box through it.
        noisyLabelsApart.addListener((observable, before, apart) -> {
            if (apart != trainingLabels.get().keepNoisy()) {
                trainingLabels.set(apart ? TrainingLabels.pascalNoisyApart() : TrainingLabels.AS_IMPORTED);
            }
        });
        trainingLabels.addListener((observable, before, labels) -> noisyLabelsApart.set(labels.keepNoisy()));
    }

    /** What keeps the page from being complete, or null. */
    String problem() {
        if (summary.get() == null) {
            return summarising.get() ? "The collection is still being read." : "Choose a collection.";
        }
        if (summarising.get()) {
            return "The collections are still being read.";
        }
        if (summary.get().classCounts().size() < 2) {
            return "Training needs labelled recordings of at least two classes; "
                    + (added.isEmpty() ? "this collection has " : "these collections have ")
                    + summary.get().classCounts() + ".";
        }
        return null;
    }

    /** A collection's layout as people call it, e.g. "CirCor 2022" or "Folder-per-class". */
    public static String layoutForPeople(Layout layout) {
        return layout.displayName();
    }

    /** The line naming the collection: "CirCor 2022 collection at /data/circor", or what is happening instead. */
    public String collectionLine() {
        RecordingCollection chosen = collection.get();
        if (chosen == null) {
            return summarising.get() ? "Reading the collection …" : "No collection chosen";
        }
        return layoutForPeople(chosen.layout()) + " collection at " + chosen.root();
    }

    /** Trains the next run on {@code labels} (a past run's). */
    void apply(TrainingLabels labels) {
        labelsFromPastRun = true;
        trainingLabels.set(labels);
    }

    /** Uses the collection open in the workstation, if any. */
    public void useWorkstationCollection() {
        RecordingCollection open = workstation.openCollection();
        if (open != null) {
            summarise(open);
        }
    }

    /** Imports a collection (any layout the importer knows) in the background and summarises it. */
    public void openCollection(Path folderOrLabelFile) {
        startReading();
        message.set("Reading " + folderOrLabelFile + " …");
        executor.execute(BackgroundTask.of("import " + folderOrLabelFile, context -> {
                    RecordingCollection imported = workstation.withCurrentLabels(new CollectionImporter()
                            .importCollection(folderOrLabelFile, ImportOptions.defaults()));
                    context.checkCancelled();
                    return imported;
                }).onSuccess(this::useFirst)
                .onFailure(failure -> {
                    endReading();
                    message.set("Cannot open " + folderOrLabelFile + ": " + failure.getMessage());
                }));
    }

    private void summarise(RecordingCollection chosen) {
        startReading();
        executor.execute(BackgroundTask.of("label " + chosen.root(), context -> workstation.withCurrentLabels(chosen))
                .onSuccess(this::useFirst)
                .onFailure(failure -> {
                    endReading();
                    message.set("Cannot read " + chosen.root() + ": " + failure.getMessage());
                }));
    }

    /** Makes {@code labelled} the first collection, the further ones kept after it. */
    private void useFirst(RecordingCollection labelled) {
        endReading();
        collection.set(labelled);
        collectionChanged.run();
        combine();
    }

    /**
     * Adds a further labelled collection (any layout the importer knows, the user's labels applied), imported in the
     * background, to train and evaluate on with the others as one. A folder or file that is not a labelled
     * collection, or one already among them, is refused with a message and changes nothing.
     */
    public void addCollection(Path folderOrLabelFile) {
        if (collection.get() == null) {
            message.set("Choose a collection first; further ones are trained with it.");
            return;
        }
        if (isAmongTheCollections(folderOrLabelFile)) {
            message.set(folderOrLabelFile + " is already among the collections trained on.");
            return;
        }
        startReading();
        message.set("Reading " + folderOrLabelFile + " …");
        executor.execute(BackgroundTask.of("import " + folderOrLabelFile, context -> {
                    if (!java.nio.file.Files.exists(folderOrLabelFile)) {
                        throw new NoSuchFileException(folderOrLabelFile.toString());
                    }
                    // A plain folder imports as unlabelled recordings: nothing to train on.
                    Layout layout = CollectionImporter.detect(folderOrLabelFile).orElse(Layout.PLAIN_FOLDER);
                    if (layout == Layout.PLAIN_FOLDER) {
                        throw new IllegalArgumentException(NOT_LABELLED);
                    }
                    RecordingCollection imported = workstation.withCurrentLabels(new CollectionImporter()
                            .importCollection(folderOrLabelFile, ImportOptions.defaults()));
                    if (imported.trainable().isEmpty()) {
                        throw new IllegalArgumentException("it holds no labelled recording to train on.");
                    }
                    context.checkCancelled();
                    return imported;
                }).onSuccess(imported -> {
                    endReading();
                    if (isAmongTheCollections(imported.root())) {
                        message.set(folderOrLabelFile + " is already among the collections trained on.");
                        return;
                    }
                    added.add(imported);
                    combine();
                })
                .onFailure(failure -> {
                    endReading();
                    message.set("Cannot add " + folderOrLabelFile + ": " + (failure instanceof NoSuchFileException
                            ? "no such file or folder." : failure.getMessage()));
                }));
    }

    /** Trains no longer on {@code part}, one of the collections added. */
    public void removeCollection(RecordingCollection part) {
        if (added.remove(part)) {
            combine();
        }
    }

    private boolean isAmongTheCollections(Path folderOrLabelFile) {
        Path wanted = folderOrLabelFile.toAbsolutePath().normalize();
        List<RecordingCollection> all = new ArrayList<>(added);
        all.add(collection.get());
        return all.stream().anyMatch(part -> part != null && part.root().toAbsolutePath().normalize().equals(wanted));
    }

    /** Combines the first collection and those added, and summarises them, in the background. */
    private void combine() {
        long generation = ++combining;
        List<RecordingCollection> parts = new ArrayList<>();
        parts.add(collection.get());
        parts.addAll(added);
        startReading();
        executor.execute(BackgroundTask.of("summarise " + parts.get(0).root(), context -> {
                    TrainingCollections together = TrainingCollections.of(parts);
                    return Map.entry(together, DataSummary.of(together.combined()));
                })
                .onSuccess(result -> {
                    endReading();
                    if (generation == combining) {
                        showCollections(result.getKey(), result.getValue());
                    }
                })
                .onFailure(failure -> {
                    endReading();
                    if (generation == combining) {
                        message.set("Cannot read " + parts.get(0).root() + (parts.size() > 1
                                ? " and the collections added" : "") + ": " + failure.getMessage());
                    }
                }));
    }

    private void showCollections(TrainingCollections together, DataSummary result) {
        trainingCollections.set(together);
        summary.set(result);
        showNoisyRecordings(together.combined());
        message.set("");
    }

    private void startReading() {
        reading++;
        summarising.set(true);
    }

    private void endReading() {
        reading--;
        summarising.set(reading > 0);
    }

    /**
     * Counts the recordings the import merged from PASCAL's noisy labels (a few thousand records at most: cheap
     * enough for the UI thread). Without any, the choice to keep them apart is not offered and, if it was made for
     * an earlier collection, is dropped: there would be no noisy class to train or merge.
     */
    private void showNoisyRecordings(RecordingCollection chosen) {
        Map<String, Integer> perLabel = new java.util.TreeMap<>();
        for (Recording recording : chosen.trainable()) {
            String noisy = TrainingLabels.mergedNoisyLabel(recording);
            if (noisy != null) {
                perLabel.merge(noisy, 1, Integer::sum);
            }
        }
        int count = perLabel.values().stream().mapToInt(Integer::intValue).sum();
        noisyRecordings.set(count);
        List<String> parts = new ArrayList<>();
        perLabel.forEach((label, n) -> parts.add(n + " " + label));
        noisyRecordingsNote.set(count == 0 ? "" : String.join(" and ", parts)
                + (count == 1 ? " recording is" : " recordings are") + " counted as "
                + String.join(" / ", perLabel.keySet().stream()
                        .map(ImportOptions.DEFAULT_LABEL_MAPPING::get).toList()) + ".");
        if (count == 0 && trainingLabels.get().equals(TrainingLabels.pascalNoisyApart())) {
            trainingLabels.set(TrainingLabels.AS_IMPORTED);
        } else if (count > 0 && !labelsFromPastRun) {
            trainingLabels.set(DefaultRecipe.labelsFor(chosen.trainable())); // the default recipe's choice
        }
    }

    // ---------------------------------------------------------------- features

    /** The first collection: the workstation's, or the one chosen on the page. */
    public ObjectProperty<RecordingCollection> collectionProperty() {
        return collection;
    }

    /** The further collections added, in the order added. */
    public ObservableList<RecordingCollection> addedCollections() {
        return added;
    }

    /** The collections the summary on show is of, combined as the next run trains on them; null before any. */
    public ReadOnlyObjectProperty<TrainingCollections> trainingCollectionsProperty() {
        return trainingCollections;
    }

    public ObjectProperty<DataSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty summarisingProperty() {
        return summarising;
    }

    /** How many trainable recordings the import merged from PASCAL's noisy labels; 0 hides the choice. */
    public ReadOnlyIntegerProperty noisyRecordingsProperty() {
        return noisyRecordings;
    }

    /** Whether training on PASCAL's noisy labels apart is offered: the collection has such recordings. */
    public boolean noisyLabelsOffered() {
        return noisyRecordings.get() > 0;
    }

    /**
     * Which noisy recordings the collection has, for example "29 noisymurmur and 120 noisynormal recordings are
     * counted as murmur / normal."; empty when none.
     */
    public StringProperty noisyRecordingsNoteProperty() {
        return noisyRecordingsNote;
    }

    /**
     * The check box: train PASCAL's noisy recordings under their own labels and answer in normal / murmur
     * ({@link TrainingLabels#pascalNoisyApart()}); off trains on the labels as imported.
     */
    public BooleanProperty noisyLabelsApartProperty() {
        return noisyLabelsApart;
    }

    /** The labels of the next run: as imported, the check box's choice, or those of a past run loaded. */
    public ReadOnlyObjectProperty<TrainingLabels> trainingLabelsProperty() {
        return trainingLabels;
    }
}
