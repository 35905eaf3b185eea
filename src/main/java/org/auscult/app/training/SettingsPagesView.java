package org.auscult.app.training;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.auscult.app.table.TableColumns;
import org.auscult.experiments.DataSummary;
import org.auscult.learn.Balancing;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;

/**
 * The training wizard's settings pages, built from their view models: Data (the collection and its summary),
 * Features, Model and Protocol. Controls and bindings only.
 */
final class SettingsPagesView {

    private final TrainingWizardViewModel model;
    private final Supplier<Window> owner;

    /** @param owner the window a folder chooser belongs to (null while the wizard is not shown) */
    SettingsPagesView(TrainingWizardViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    // ---------------------------------------------------------------- data

    Node dataPage() {
        Label collection = new Label();
        collection.setId("collection-name");
        collection.textProperty().bind(Bindings.createStringBinding(() -> model.data().collectionProperty().get() == null
                        ? (model.data().summarisingProperty().get() ? "Reading the collection …" : "No collection chosen")
                        : model.data().collectionProperty().get().layout() + " collection at "
                        + model.data().collectionProperty().get().root(),
                model.data().collectionProperty(), model.data().summarisingProperty()));
        Button useOpen = new Button("Use the workstation's collection");
        useOpen.setId("use-open-collection");
        useOpen.setOnAction(event -> model.data().useWorkstationCollection());
        Button choose = new Button("Choose a folder or collection…");
        choose.setId("choose-collection");
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A collection of labelled recordings");
            File folder = chooser.showDialog(owner.get());
            if (folder != null) {
                model.data().openCollection(folder.toPath());
            }
        });

        TableView<Map.Entry<String, Integer>> classes = new TableView<>();
        classes.setId("class-counts");
        TableColumn<Map.Entry<String, Integer>, String> name = TableColumns.of("Class", Map.Entry::getKey);
        TableColumn<Map.Entry<String, Integer>, Integer> recordings = TableColumns.of("Recordings",
                Map.Entry::getValue);
        TableColumn<Map.Entry<String, Integer>, Integer> patients = TableColumns.of("Patients", entry ->
                model.data().summaryProperty().get() == null ? 0
                        : model.data().summaryProperty().get().patientCounts().getOrDefault(entry.getKey(), 0));
        classes.getColumns().addAll(java.util.List.of(name, recordings, patients));
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
        skipped.getColumns().addAll(java.util.List.of(what, why));
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        skipped.setPlaceholder(new Label("Every recording will be used"));

        model.data().summaryProperty().addListener((observable, before, summary) -> {
            classes.getItems().setAll(summary == null ? java.util.List.of()
                    : java.util.List.copyOf(summary.classCounts().entrySet()));
            skipped.getItems().setAll(summary == null ? java.util.List.of() : summary.skipped());
            warnings.getChildren().clear();
            if (summary != null) {
                totals.setText(summary.trainable() + " labelled recordings of " + summary.patients() + " patients; "
                        + "sample rates " + summary.sampleRates().keySet() + " Hz; " + summary.skipped().size()
                        + " skipped");
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
        Label noisyNote = new Label();
        noisyNote.setId("noisy-labels-note");
        noisyNote.textProperty().bind(model.data().noisyRecordingsNoteProperty());
        VBox noisyLabels = new VBox(2, noisyApart, noisyNote);
        noisyLabels.visibleProperty().bind(model.data().noisyRecordingsProperty().greaterThan(0));
        noisyLabels.managedProperty().bind(noisyLabels.visibleProperty());
        VBox page = new VBox(8, new HBox(8, useOpen, choose), collection, classes, totals, noisyLabels,
                new Label("Warnings"), warnings, skipped);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        return page;
    }

    // ---------------------------------------------------------------- features

    Node featuresPage() {
        FlowPane groups = new FlowPane(12, 6);
        groups.setId("feature-groups");
        for (FeaturesPageViewModel.FeatureChoice choice : model.features().featureChoices()) {
            CheckBox box = new CheckBox(choice.name() + (choice.recordingLevel() ? " (recording)" : ""));
            box.setId("feature-" + choice.name());
            box.setTooltip(new Tooltip(choice.description()));
            box.selectedProperty().bindBidirectional(choice.selected());
            groups.getChildren().add(box);
        }
        GridPane parameters = grid(
                "Analysis rate (Hz)", field("analysis-rate", model.features().analysisRateProperty()),
                "Band-pass low (Hz)", field("band-low", model.features().bandLowProperty()),
                "Band-pass high (Hz)", field("band-high", model.features().bandHighProperty()),
                "Frame size (samples)", field("frame-size", model.features().frameSizeProperty()),
                "Hop (samples)", field("hop-size", model.features().hopSizeProperty()),
                "MFCC coefficients", field("n-mfcc", model.features().nMfccProperty()));
        Button preview = new Button("Preview on one recording");
        preview.setId("preview");
        preview.setOnAction(event -> model.previewFeatures());
        Label source = new Label();
        source.setId("preview-source");
        source.textProperty().bind(model.features().previewSourceProperty());
        TableView<FeaturesPageViewModel.PreviewValue> values = new TableView<>(model.features().preview());
        values.setId("preview-table");
        TableColumn<FeaturesPageViewModel.PreviewValue, String> name = TableColumns.of("Summary value",
                FeaturesPageViewModel.PreviewValue::name);
        TableColumn<FeaturesPageViewModel.PreviewValue, String> value = TableColumns.of("Value",
                row -> String.format(Locale.ROOT, "%.6g", row.value()));
        values.getColumns().addAll(java.util.List.of(name, value));
        values.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        values.setPlaceholder(new Label("Preview the summary vector of the first labelled recording"));
        VBox page = new VBox(8, new Label("Feature groups"), groups, new Label("Main parameters"), parameters,
                new HBox(8, preview, source), values);
        VBox.setVgrow(values, Priority.ALWAYS);
        return page;
    }

    // ---------------------------------------------------------------- model and protocol

    Node modelPage() {
        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(ModelPageViewModel.PRESETS);
        preset.valueProperty().bindBidirectional(model.model().presetProperty());
        ComboBox<Balancing> balancing = new ComboBox<>();
        balancing.setId("balancing");
        balancing.getItems().setAll(ModelPageViewModel.BALANCINGS);
        balancing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Balancing value) {
                return value == null ? "" : ModelPageViewModel.balancingLabel(value);
            }

            @Override
            public Balancing fromString(String text) { // the box is not editable: never asked
                throw new UnsupportedOperationException("balancing is chosen from the list");
            }
        });
        balancing.valueProperty().bindBidirectional(model.model().balancingProperty());
        Label description = new Label();
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> describe(model.model().presetProperty().get()),
                model.model().presetProperty()));
        GridPane options = grid("Design", preset, "Class balancing", balancing,
                "Random forest trees (≥ 1)", field("trees", model.model().treesProperty()),
                "SMO complexity C (> 0)", field("smo-c", model.model().smoComplexityProperty()),
                "Boosting iterations (≥ 1)", field("boosting-iterations", model.model().boostingIterationsProperty()),
                "Stacking folds (≥ 2)", field("stacking-folds", model.model().stackingFoldsProperty()));
        return new VBox(8, options, description);
    }

    private static String describe(Preset preset) {
        return switch (preset) {
            case RANDOM_FOREST -> "A random forest: fast, robust, the default.";
            case STACKED -> "The reference design: random forest, calibrated SMO, LogitBoost and AdaBoost stacked "
                    + "under one-vs-rest logistic regression. The most accurate and by far the slowest.";
            case SMO -> "A support vector machine (RBF kernel) with calibrated probabilities on standardised features.";
            case LOGITBOOST -> "LogitBoost over regression stumps.";
            case ADABOOST -> "AdaBoost.M1 over C4.5 trees.";
            case VOTING -> "The reference design's base models, their probabilities averaged.";
        };
    }

    Node protocolPage() {
        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("protocol");
        protocol.getItems().setAll(ProtocolPageViewModel.PROTOCOLS);
        protocol.valueProperty().bindBidirectional(model.protocol().protocolProperty());
        TextField folds = field("folds", model.protocol().foldsProperty());
        folds.disableProperty().bind(model.protocol().protocolProperty().isNotEqualTo(Protocol.GROUPED_CV));
        Label plan = new Label();
        plan.setId("protocol-plan");
        plan.setWrapText(true);
        plan.textProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return "Will run: " + model.settings().evaluation().describe() + ". Every run is kept in "
                        + model.store().folder() + ".";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, model.protocol().protocolProperty(), model.protocol().foldsProperty(), model.protocol().repeatsProperty(), model.protocol().seedProperty()));
        GridPane options = grid("Protocol", protocol, "Folds (grouped k-fold, ≥ 2)", folds,
                "Repeats (≥ 1)", field("repeats", model.protocol().repeatsProperty()),
                "Seed", field("seed", model.protocol().seedProperty()));
        Label note = new Label("Grouped k-fold keeps each patient's recordings on one side of every fold; the split "
                + "protocol trains on 80 %, keeps 10 % for validation and scores the last 10 %.");
        note.setWrapText(true);
        return new VBox(8, options, plan, note);
    }

    // ---------------------------------------------------------------- helpers

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static GridPane grid(Object... labelsAndControls) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        for (int i = 0; i < labelsAndControls.length; i += 2) {
            grid.add(new Label((String) labelsAndControls[i]), 0, i / 2);
            grid.add((Node) labelsAndControls[i + 1], 1, i / 2);
        }
        return grid;
    }
}
