package org.auscult.app.training;

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
 * its summary, and the labels to train on (PASCAL's noisy recordings apart or as imported).
 */
public final class DataPageViewModel {

    private final TaskExecutor executor;
    private final StringProperty message;
    private final WorkstationLink workstation;
    private final Runnable collectionChanged;
    private final ObjectProperty<RecordingCollection> collection = new SimpleObjectProperty<>(this, "collection");
    private final ObjectProperty<DataSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final BooleanProperty summarising = new SimpleBooleanProperty(this, "summarising");
    private final IntegerProperty noisyRecordings = new SimpleIntegerProperty(this, "noisyRecordings");
    private final StringProperty noisyRecordingsNote = new SimpleStringProperty(this, "noisyRecordingsNote", "");
    private final BooleanProperty noisyLabelsApart = new SimpleBooleanProperty(this, "noisyLabelsApart");
    private final ObjectProperty<TrainingLabels> trainingLabels = new SimpleObjectProperty<>(this,
            "trainingLabels", TrainingLabels.AS_IMPORTED);
    /** Whether a past run chose the labels, which a newly read collection then keeps. */
    private boolean labelsFromPastRun;

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
        if (summary.get().classCounts().size() < 2) {
            return "Training needs labelled recordings of at least two classes; this collection has "
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
        summarising.set(true);
        message.set("Reading " + folderOrLabelFile + " …");
        executor.execute(BackgroundTask.of("import " + folderOrLabelFile, context -> {
                    RecordingCollection imported = workstation.withCurrentLabels(new CollectionImporter()
                            .importCollection(folderOrLabelFile, ImportOptions.defaults()));
                    context.checkCancelled();
                    return Map.entry(imported, DataSummary.of(imported));
                }).onSuccess(result -> showCollection(result.getKey(), result.getValue()))
                .onFailure(failure -> {
                    summarising.set(false);
                    message.set("Cannot open " + folderOrLabelFile + ": " + failure.getMessage());
                }));
    }

    private void summarise(RecordingCollection chosen) {
        summarising.set(true);
        executor.execute(BackgroundTask.of("summarise " + chosen.root(), context -> {
                    RecordingCollection labelled = workstation.withCurrentLabels(chosen);
                    return Map.entry(labelled, DataSummary.of(labelled));
                })
                .onSuccess(result -> showCollection(result.getKey(), result.getValue()))
                .onFailure(failure -> {
                    summarising.set(false);
                    message.set("Cannot read " + chosen.root() + ": " + failure.getMessage());
                }));
    }

    private void showCollection(RecordingCollection chosen, DataSummary result) {
        summarising.set(false);
        collection.set(chosen);
        summary.set(result);
        showNoisyRecordings(chosen);
        collectionChanged.run();
        message.set("");
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

    public ObjectProperty<RecordingCollection> collectionProperty() {
        return collection;
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
