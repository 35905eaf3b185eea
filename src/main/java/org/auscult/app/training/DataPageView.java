package org.auscult.app.training;

import static org.auscult.app.controls.Labels.wrapped;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.app.table.TableColumns;
import org.auscult.experiments.DataSummary;
import org.auscult.labels.LabelClasses;
import org.auscult.library.RecordingCollection;

/**
 * The training wizard's Data page, built from its view model: the collection, the further collections added to
 * train on with it (each with its Remove button), the summary of them all, PASCAL's noisy labels choice, warnings
 * and the recordings skipped. Controls and bindings only.
 */
final class DataPageView {

    private final TrainingWizardViewModel model;
    private final Supplier<Window> owner;
    private Supplier<Path> chooseFolder = this::chooseFolder;

    /** @param owner the window a folder chooser belongs to (null while the wizard is not shown) */
    DataPageView(TrainingWizardViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    Node node() {
        Label collection = Labels.bound("collection-name", Bindings.createStringBinding(model.data()::collectionLine,
                model.data().collectionProperty(), model.data().summarisingProperty()));
        Button useOpen = Buttons.of("use-open-collection", "Use the workstation's collection",
                () -> model.data().useWorkstationCollection());
        Button choose = Buttons.of("choose-collection", "Choose a folder or collection…", () -> {
            Path folder = chooseFolder.get();
            if (folder != null) {
                model.data().openCollection(folder);
            }
        });
        Button add = Buttons.of("add-collection", "Add collection…", () -> {
            Path folder = chooseFolder.get();
            if (folder != null) {
                model.data().addCollection(folder);
            }
        });
        add.setTooltip(new Tooltip("Train and evaluate on a further labelled collection with this one, as one: "
                + "each recording keeps its collection in its source and patient."));
        add.disableProperty().bind(model.data().collectionProperty().isNull());

        TableView<Map.Entry<String, Integer>> classes = new TableView<>();
        classes.setId("class-counts");
        TableColumn<Map.Entry<String, Integer>, String> name = TableColumns.of("Class",
                entry -> LabelClasses.forPeople(entry.getKey()));
        TableColumn<Map.Entry<String, Integer>, Integer> recordings = TableColumns.of("Recordings",
                Map.Entry::getValue);
        TableColumn<Map.Entry<String, Integer>, Integer> patients = TableColumns.of("Patients", entry ->
                model.data().summaryProperty().get() == null ? 0
                        : model.data().summaryProperty().get().patientCounts().getOrDefault(entry.getKey(), 0));
        classes.getColumns().addAll(List.of(name, recordings, patients));
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        classes.setPrefHeight(180);

        VBox warnings = new VBox(4);
        warnings.setId("warnings");
        Label totals = new Label();
        totals.setId("data-totals");
        TableView<DataSummary.Skipped> skipped = new TableView<>();
        skipped.setId("skipped");
        TableColumn<DataSummary.Skipped, String> what = TableColumns.of("Skipped", DataSummary.Skipped::what);
        TableColumn<DataSummary.Skipped, String> why = TableColumns.of("Why", DataSummary.Skipped::reason);
        skipped.getColumns().addAll(List.of(what, why));
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        skipped.setPlaceholder(new Label("Every recording will be used"));

        model.data().summaryProperty().addListener((observable, before, summary) -> {
            classes.getItems().setAll(summary == null ? List.of()
                    : List.copyOf(summary.classCounts().entrySet()));
            skipped.getItems().setAll(summary == null ? List.of() : summary.skipped());
            warnings.getChildren().clear();
            if (summary != null) {
                totals.setText(summary.trainable() + " labelled recordings of " + summary.patients() + " patients; "
                        + (summary.sampleRates().size() == 1 ? "sample rate " : "sample rates ")
                        + summary.sampleRates().keySet().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " Hz; "
                        + (summary.sources().size() > 1 ? summary.sources().size() + " sources; " : "")
                        + summary.skipped().size() + " skipped");
                for (String warning : summary.warnings()) {
                    Label label = new Label("⚠ " + warning);
                    label.setWrapText(true);
                    label.setStyle("-fx-text-fill: #8a5a00;");
                    warnings.getChildren().add(label);
                }
                if (summary.warnings().isEmpty()) {
                    warnings.getChildren().add(new Label("No warnings."));
                }
            }
        });
        // Offered only for a collection with PASCAL's noisy recordings: elsewhere there is nothing to keep apart.
        CheckBox noisyApart = new CheckBox("Train on PASCAL's noisy labels apart (answers stay normal / murmur)");
        noisyApart.setId("noisy-labels-apart");
        noisyApart.selectedProperty().bindBidirectional(model.data().noisyLabelsApartProperty());
        noisyApart.setTooltip(new Tooltip("The model learns noisynormal and noisymurmur as classes of their own and "
                + "adds their probabilities to normal and murmur when it answers; the evaluation is scored in "
                + "normal / murmur."));
        Label noisyNote = Labels.bound("noisy-labels-note", model.data().noisyRecordingsNoteProperty());
        VBox noisyLabels = new VBox(2, noisyApart, noisyNote);
        noisyLabels.visibleProperty().bind(model.data().noisyRecordingsProperty().greaterThan(0));
        noisyLabels.managedProperty().bind(noisyLabels.visibleProperty());
        VBox page = new VBox(8, new HBox(8, useOpen, choose, add), collection, addedCollections(), classes, totals,
                noisyLabels, new Label("Warnings"), warnings, skipped);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        return page;
    }

    /** Replaces the folder chooser of the Data page's buttons (tests choose a folder without a dialog). */
    void setFolderChooser(Supplier<Path> chooser) {
        this.chooseFolder = chooser;
    }

    private Path chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A collection of labelled recordings");
        File folder = chooser.showDialog(owner.get());
        return folder == null ? null : folder.toPath();
    }

    /** The collections added, each with its Remove button; nothing while none is. */
    private Node addedCollections() {
        VBox list = new VBox(4);
        list.setId("added-collections");
        Runnable fill = () -> {
            list.getChildren().clear();
            List<RecordingCollection> added = model.data().addedCollections();
            if (!added.isEmpty()) {
                list.getChildren().add(wrapped("Trained and evaluated with it as one, each recording keeping its "
                        + "collection as its source:"));
            }
            for (int i = 0; i < added.size(); i++) {
                RecordingCollection part = added.get(i);
                Label name = wrapped(DataPageViewModel.layoutForPeople(part.layout()) + " collection at "
                        + part.root());
                HBox.setHgrow(name, Priority.ALWAYS);
                name.setId("added-collection-" + i);
                Button remove = Buttons.of("remove-collection-" + i, "Remove",
                        () -> model.data().removeCollection(part));
                remove.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(8, remove, name);
                row.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(row);
            }
        };
        model.data().addedCollections().addListener((ListChangeListener<RecordingCollection>) change ->
                fill.run());
        list.managedProperty().bind(Bindings.isNotEmpty(list.getChildren()));
        return list;
    }
}
