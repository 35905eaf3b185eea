package org.auscult.app.training;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.app.table.TableColumns;
import org.auscult.learn.Balancing;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;

/**
 * The training wizard's settings pages, built from their view models: Features, Model and Protocol (the Data page is
 * {@link DataPageView}). Controls and bindings only.
 */
final class SettingsPagesView {

    private final TrainingWizardViewModel model;
    private final Supplier<Window> owner;

    /** @param owner the window a folder chooser belongs to (null while the wizard is not shown) */
    SettingsPagesView(TrainingWizardViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    // ---------------------------------------------------------------- features

    Node featuresPage() {
        GridPane groups = new GridPane();
        groups.setId("feature-groups");
        groups.setHgap(12);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints about = new ColumnConstraints();
        about.setHgrow(Priority.ALWAYS);
        about.setFillWidth(true);
        groups.getColumnConstraints().setAll(names, about);
        int row = 0;
        for (boolean recordingLevel : new boolean[] {false, true}) {
            Label section = new Label(recordingLevel
                    ? "Measured on the heart cycle (S1, systole, S2, diastole), once per recording"
                    : "Measured on every frame, then summarised over the recording (mean, spread, …)");
            section.setStyle("-fx-font-weight: bold;");
            GridPane.setMargin(section, new Insets(row == 0 ? 0 : 8, 0, 2, 0));
            groups.add(section, 0, row++, 2, 1);
            for (FeaturesPageViewModel.FeatureChoice choice : model.features().featureChoices()) {
                if (choice.recordingLevel() != recordingLevel) {
                    continue;
                }
                CheckBox box = new CheckBox(choice.displayName());
                box.setId("feature-" + choice.name());
                box.setMnemonicParsing(false); // registry names have underscores; none is a mnemonic
                box.setTooltip(new Tooltip(choice.displayName() + " (" + choice.name() + "): "
                        + choice.description()));
                box.selectedProperty().bindBidirectional(choice.selected());
                Label explanation = Labels.wrapped(choice.description());
                explanation.setId("feature-" + choice.name() + "-about");
                explanation.setStyle("-fx-text-fill: #555555;");
                GridPane.setMargin(box, new Insets(2, 0, 2, 0));
                GridPane.setMargin(explanation, new Insets(2, 0, 2, 0));
                GridPane.setValignment(box, VPos.TOP);
                groups.add(box, 0, row);
                groups.add(explanation, 1, row++);
            }
        }
        GridPane parameters = grid(
                "Analysis rate (Hz)", field("analysis-rate", model.features().analysisRateProperty()),
                "Band-pass low (Hz)", field("band-low", model.features().bandLowProperty()),
                "Band-pass high (Hz)", field("band-high", model.features().bandHighProperty()),
                "Frame size (samples)", field("frame-size", model.features().frameSizeProperty()),
                "Hop (samples)", field("hop-size", model.features().hopSizeProperty()),
                "MFCC coefficients", field("n-mfcc", model.features().nMfccProperty()));
        Button preview = Buttons.of("preview", "Preview on one recording", () -> model.previewFeatures());
        Label source = Labels.bound("preview-source", model.features().previewSourceProperty());
        TableView<FeaturesPageViewModel.PreviewValue> values = new TableView<>(model.features().preview());
        values.setId("preview-table");
        TableColumn<FeaturesPageViewModel.PreviewValue, String> name = TableColumns.of("Summary value",
                FeaturesPageViewModel.PreviewValue::name);
        TableColumn<FeaturesPageViewModel.PreviewValue, String> value = TableColumns.of("Value",
                row2 -> String.format(Locale.ROOT, "%.6g", row2.value()));
        values.getColumns().addAll(java.util.List.of(name, value));
        values.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        values.setPlaceholder(new Label("Preview the summary vector of the first labelled recording"));
        VBox groupBox = new VBox(4, heading("Feature groups"), groups);
        HBox.setHgrow(groupBox, Priority.ALWAYS);
        VBox parameterBox = new VBox(4, heading("Main parameters"), parameters);
        parameterBox.setMinWidth(Region.USE_PREF_SIZE);
        VBox page = new VBox(8, new HBox(24, groupBox, parameterBox), new HBox(8, preview, source), values);
        VBox.setVgrow(values, Priority.ALWAYS);
        return page;
    }

    // ---------------------------------------------------------------- model and protocol

    Node modelPage() {
        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(ModelPageViewModel.PRESETS);
        preset.setConverter(Labels.named(Preset::forPeople));
        preset.valueProperty().bindBidirectional(model.model().presetProperty());
        ComboBox<Balancing> balancing = new ComboBox<>();
        balancing.setId("balancing");
        balancing.getItems().setAll(ModelPageViewModel.BALANCINGS);
        balancing.setConverter(Labels.named(Balancing::forPeople));
        balancing.valueProperty().bindBidirectional(model.model().balancingProperty());
        Label description = Labels.wrapped("preset-description", Bindings.createStringBinding(
                () -> describe(model.model().presetProperty().get()), model.model().presetProperty()));
        GridPane options = grid("Design", preset, "Class balancing", balancing,
                "Trees in the random forest (≥ 1)", field("trees", model.model().treesProperty()),
                "SMO complexity C (> 0)", field("smo-c", model.model().smoComplexityProperty()),
                "Boosting iterations (≥ 1)", field("boosting-iterations", model.model().boostingIterationsProperty()),
                "Stacking folds (≥ 2)", field("stacking-folds", model.model().stackingFoldsProperty()));
        showWhen(options, "trees", model.model().appliesProperty(ModelPageViewModel.Setting.TREES));
        showWhen(options, "smo-c", model.model().appliesProperty(ModelPageViewModel.Setting.SMO_COMPLEXITY));
        showWhen(options, "boosting-iterations",
                model.model().appliesProperty(ModelPageViewModel.Setting.BOOSTING_ITERATIONS));
        showWhen(options, "stacking-folds", model.model().appliesProperty(ModelPageViewModel.Setting.STACKING_FOLDS));
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

    private static String describe(Protocol protocol) {
        return switch (protocol) {
            case GROUPED_CV -> "Cross-validation grouped by patient keeps each patient's recordings on one side of "
                    + "every fold, so the model is always scored on people it has not heard.";
            case SPLIT -> "The split trains on 80 % of the patients, keeps 10 % for validation and scores the last "
                    + "10 %.";
            case LEAVE_SOURCE_OUT -> "Leave one source out trains on every source but one and scores the one left "
                    + "out, in turn: how the design does on a device it has never heard. The collection needs "
                    + "recordings from two sources or more.";
        };
    }

    Node protocolPage() {
        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("protocol");
        protocol.getItems().setAll(ProtocolPageViewModel.PROTOCOLS);
        protocol.setConverter(Labels.named(Protocol::forPeople));
        protocol.valueProperty().bindBidirectional(model.protocol().protocolProperty());
        TextField folds = field("folds", model.protocol().foldsProperty());
        Label plan = Labels.wrapped("protocol-plan", Bindings.createStringBinding(() -> {
            try {
                return "Will run: " + model.settings().evaluation().forPeople() + ". Every run is kept in "
                        + model.store().folder() + ".";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }, model.protocol().protocolProperty(), model.protocol().foldsProperty(), model.protocol().repeatsProperty(),
                model.protocol().seedProperty(), model.problemProperty()));
        GridPane options = grid("Protocol", protocol, "Folds (≥ 2)", folds,
                "Repeats (≥ 1)", field("repeats", model.protocol().repeatsProperty()),
                "Seed", field("seed", model.protocol().seedProperty()));
        showWhen(options, "folds", model.protocol().foldsApplyProperty());
        Label note = Labels.wrapped("protocol-description", Bindings.createStringBinding(
                () -> describe(model.protocol().protocolProperty().get()), model.protocol().protocolProperty()));
        return new VBox(8, options, note, plan);
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
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        for (int i = 0; i < labelsAndControls.length; i += 2) {
            Label label = new Label((String) labelsAndControls[i]);
            Node control = (Node) labelsAndControls[i + 1];
            // Margins rather than a gap: a hidden row then takes no room at all.
            GridPane.setMargin(label, new Insets(3, 0, 3, 0));
            GridPane.setMargin(control, new Insets(3, 0, 3, 0));
            label.setLabelFor(control);
            grid.add(label, 0, i / 2);
            grid.add(control, 1, i / 2);
        }
        return grid;
    }

    /** Shows the row of the control with id {@code id}, its label too, only while {@code applies} holds. */
    private static void showWhen(GridPane grid, String id, ObservableValue<Boolean> applies) {
        for (Node node : grid.getChildren()) {
            boolean control = id.equals(node.getId());
            boolean label = node instanceof Label l && l.getLabelFor() != null && id.equals(l.getLabelFor().getId());
            if (control || label) {
                node.visibleProperty().bind(applies);
                node.managedProperty().bind(node.visibleProperty());
            }
        }
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.setStyle("-fx-font-size: 13px; -fx-font-weight: bold;");
        return heading;
    }
}
