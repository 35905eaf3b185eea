package org.auscult.app.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.auscult.app.evaluation.ClassMetricsTable;
import org.auscult.app.evaluation.ConfusionMatrixView;
import org.auscult.app.evaluation.FeatureImportanceView;
import org.auscult.app.evaluation.PastRunsTable;
import org.auscult.experiments.DataSummary;
import org.auscult.experiments.Experiment;
import org.auscult.learn.Balancing;
import org.auscult.learn.ModelFile;
import org.auscult.learn.Prediction;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;

/**
 * The training wizard's window content: one page per step (Data, Features, Model, Protocol, Run, Results) with the
 * steps named along the top, Back and Next along the bottom, and a message line for problems. Built in code; every
 * control that matters has an id for tests.
 */
public final class TrainingWizardView {

    private final TrainingWizardViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane pages = new StackPane();
    private final ConfusionMatrixView liveMatrix = new ConfusionMatrixView();
    private final ConfusionMatrixView resultMatrix = new ConfusionMatrixView();
    private final ClassMetricsTable classMetrics = new ClassMetricsTable();
    private final PastRunsTable pastRuns = new PastRunsTable();
    private final FeatureImportanceView importance = new FeatureImportanceView();
    private final Map<TrainingWizardViewModel.Page, Node> pageNodes;
    private Supplier<Path> chooseModelFile = this::chooseModelFile;
    private Function<Path, Boolean> confirmOverwrite = TrainingWizardView::confirmOverwrite;

    public TrainingWizardView(TrainingWizardViewModel model) {
        this.model = model;
        pageNodes = Map.of(TrainingWizardViewModel.Page.DATA, dataPage(),
                TrainingWizardViewModel.Page.FEATURES, featuresPage(),
                TrainingWizardViewModel.Page.MODEL, modelPage(),
                TrainingWizardViewModel.Page.PROTOCOL, protocolPage(),
                TrainingWizardViewModel.Page.RUN, runPage(),
                TrainingWizardViewModel.Page.RESULTS, resultsPage());
        pageNodes.forEach((page, node) -> node.setId("page-" + page.name().toLowerCase(Locale.ROOT)));
        root.setTop(steps());
        root.setCenter(pages);
        root.setBottom(navigation());
        root.setPadding(new Insets(8));
        model.pageProperty().addListener((observable, before, after) -> showPage(after));
        showPage(model.pageProperty().get());
    }

    /** Opens the wizard in its own window. */
    public static Stage open(Window owner, TrainingWizardViewModel model) {
        TrainingWizardView view = new TrainingWizardView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Train a model");
        stage.setScene(new Scene(view.root(), 1100, 760));
        stage.setUserData(view);
        return stage;
    }

    public Parent root() {
        return root;
    }

    public ConfusionMatrixView liveMatrix() {
        return liveMatrix;
    }

    public ConfusionMatrixView resultMatrix() {
        return resultMatrix;
    }

    /** Replaces the file chooser of Save model (tests choose a file without a dialog). */
    public void setModelFileChooser(Supplier<Path> chooser) {
        this.chooseModelFile = chooser;
    }

    /** Replaces the question asked before an existing model file is replaced. */
    public void setOverwriteConfirmation(Function<Path, Boolean> confirmation) {
        this.confirmOverwrite = confirmation;
    }

    private void showPage(TrainingWizardViewModel.Page page) {
        pages.getChildren().setAll(pageNodes.get(page));
    }

    private HBox steps() {
        HBox steps = new HBox(4);
        steps.setPadding(new Insets(0, 0, 8, 0));
        for (TrainingWizardViewModel.Page page : TrainingWizardViewModel.Page.values()) {
            Label step = new Label((page.ordinal() + 1) + " " + page.title());
            step.setPadding(new Insets(3, 10, 3, 10));
            step.styleProperty().bind(Bindings.when(model.pageProperty().isEqualTo(page))
                    .then("-fx-background-color: #1f5fa8; -fx-text-fill: white; -fx-font-weight: bold;")
                    .otherwise("-fx-background-color: #e4e8ee;"));
            steps.getChildren().add(step);
        }
        return steps;
    }

    private HBox navigation() {
        Label message = new Label();
        message.setId("wizard-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #203050;");
        message.textProperty().bind(model.messageProperty());
        Button back = new Button("Back");
        back.setId("back");
        back.setOnAction(event -> model.back());
        back.disableProperty().bind(model.pageProperty().isEqualTo(TrainingWizardViewModel.Page.DATA)
                .or(model.runningProperty()));
        Button next = new Button("Next");
        next.setId("next");
        next.setDefaultButton(true);
        next.setOnAction(event -> {
            boolean toRun = model.pageProperty().get() == TrainingWizardViewModel.Page.PROTOCOL;
            if (model.next() && toRun) {
                model.start();
            }
        });
        next.textProperty().bind(Bindings.when(model.pageProperty().isEqualTo(TrainingWizardViewModel.Page.PROTOCOL))
                .then("Run").otherwise("Next"));
        next.visibleProperty().bind(model.pageProperty().isNotEqualTo(TrainingWizardViewModel.Page.RUN)
                .and(model.pageProperty().isNotEqualTo(TrainingWizardViewModel.Page.RESULTS)));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, message, back, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        return bar;
    }

    // ---------------------------------------------------------------- data

    private Node dataPage() {
        Label collection = new Label();
        collection.setId("collection-name");
        collection.textProperty().bind(Bindings.createStringBinding(() -> model.collectionProperty().get() == null
                        ? (model.summarisingProperty().get() ? "Reading the collection …" : "No collection chosen")
                        : model.collectionProperty().get().layout() + " collection at "
                        + model.collectionProperty().get().root(),
                model.collectionProperty(), model.summarisingProperty()));
        Button useOpen = new Button("Use the workstation's collection");
        useOpen.setId("use-open-collection");
        useOpen.setOnAction(event -> model.useWorkstationCollection());
        Button choose = new Button("Choose a folder or collection…");
        choose.setId("choose-collection");
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A collection of labelled recordings");
            File folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (folder != null) {
                model.openCollection(folder.toPath());
            }
        });

        TableView<Map.Entry<String, Integer>> classes = new TableView<>();
        classes.setId("class-counts");
        TableColumn<Map.Entry<String, Integer>, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getKey()));
        TableColumn<Map.Entry<String, Integer>, Integer> recordings = new TableColumn<>("Recordings");
        recordings.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        TableColumn<Map.Entry<String, Integer>, Integer> patients = new TableColumn<>("Patients");
        patients.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(model.summaryProperty().get() == null ? 0
                : model.summaryProperty().get().patientCounts().getOrDefault(cell.getValue().getKey(), 0)));
        classes.getColumns().addAll(java.util.List.of(name, recordings, patients));
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        classes.setPrefHeight(180);

        VBox warnings = new VBox(4);
        warnings.setId("warnings");
        Label totals = new Label();
        totals.setId("data-totals");
        TableView<DataSummary.Skipped> skipped = new TableView<>();
        skipped.setId("skipped");
        TableColumn<DataSummary.Skipped, String> what = new TableColumn<>("Skipped");
        what.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().what()));
        TableColumn<DataSummary.Skipped, String> why = new TableColumn<>("Why");
        why.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().reason()));
        skipped.getColumns().addAll(java.util.List.of(what, why));
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        skipped.setPlaceholder(new Label("Every recording will be used"));

        model.summaryProperty().addListener((observable, before, summary) -> {
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
        noisyApart.selectedProperty().bindBidirectional(model.noisyLabelsApartProperty());
        noisyApart.setTooltip(new Tooltip("The model learns noisynormal and noisymurmur as classes of their own and "
                + "adds their probabilities to normal and murmur when it answers; the evaluation is scored in "
                + "normal / murmur."));
        Label noisyNote = new Label();
        noisyNote.setId("noisy-labels-note");
        noisyNote.textProperty().bind(model.noisyRecordingsNoteProperty());
        VBox noisyLabels = new VBox(2, noisyApart, noisyNote);
        noisyLabels.visibleProperty().bind(model.noisyRecordingsProperty().greaterThan(0));
        noisyLabels.managedProperty().bind(noisyLabels.visibleProperty());
        VBox page = new VBox(8, new HBox(8, useOpen, choose), collection, classes, totals, noisyLabels,
                new Label("Warnings"), warnings, skipped);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        return page;
    }

    // ---------------------------------------------------------------- features

    private Node featuresPage() {
        FlowPane groups = new FlowPane(12, 6);
        groups.setId("feature-groups");
        for (TrainingWizardViewModel.FeatureChoice choice : model.featureChoices()) {
            CheckBox box = new CheckBox(choice.name() + (choice.recordingLevel() ? " (recording)" : ""));
            box.setId("feature-" + choice.name());
            box.setTooltip(new Tooltip(choice.description()));
            box.selectedProperty().bindBidirectional(choice.selected());
            groups.getChildren().add(box);
        }
        GridPane parameters = grid(
                "Analysis rate (Hz)", field("analysis-rate", model.analysisRateProperty()),
                "Band-pass low (Hz)", field("band-low", model.bandLowProperty()),
                "Band-pass high (Hz)", field("band-high", model.bandHighProperty()),
                "Frame size (samples)", field("frame-size", model.frameSizeProperty()),
                "Hop (samples)", field("hop-size", model.hopSizeProperty()),
                "MFCC coefficients", field("n-mfcc", model.nMfccProperty()));
        Button preview = new Button("Preview on one recording");
        preview.setId("preview");
        preview.setOnAction(event -> model.previewFeatures());
        Label source = new Label();
        source.setId("preview-source");
        source.textProperty().bind(model.previewSourceProperty());
        TableView<TrainingWizardViewModel.PreviewValue> values = new TableView<>(model.preview());
        values.setId("preview-table");
        TableColumn<TrainingWizardViewModel.PreviewValue, String> name = new TableColumn<>("Summary value");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        TableColumn<TrainingWizardViewModel.PreviewValue, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.6g",
                cell.getValue().value())));
        values.getColumns().addAll(java.util.List.of(name, value));
        values.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        values.setPlaceholder(new Label("Preview the summary vector of the first labelled recording"));
        VBox page = new VBox(8, new Label("Feature groups"), groups, new Label("Main parameters"), parameters,
                new HBox(8, preview, source), values);
        VBox.setVgrow(values, Priority.ALWAYS);
        return page;
    }

    // ---------------------------------------------------------------- model and protocol

    private Node modelPage() {
        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(TrainingWizardViewModel.PRESETS);
        preset.valueProperty().bindBidirectional(model.presetProperty());
        ComboBox<Balancing> balancing = new ComboBox<>();
        balancing.setId("balancing");
        balancing.getItems().setAll(TrainingWizardViewModel.BALANCINGS);
        balancing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Balancing value) {
                return value == null ? "" : TrainingWizardViewModel.balancingLabel(value);
            }

            @Override
            public Balancing fromString(String text) { // the box is not editable: never asked
                throw new UnsupportedOperationException("balancing is chosen from the list");
            }
        });
        balancing.valueProperty().bindBidirectional(model.balancingProperty());
        Label description = new Label();
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> describe(model.presetProperty().get()),
                model.presetProperty()));
        GridPane options = grid("Design", preset, "Class balancing", balancing,
                "Random forest trees (≥ 1)", field("trees", model.treesProperty()),
                "SMO complexity C (> 0)", field("smo-c", model.smoComplexityProperty()),
                "Boosting iterations (≥ 1)", field("boosting-iterations", model.boostingIterationsProperty()),
                "Stacking folds (≥ 2)", field("stacking-folds", model.stackingFoldsProperty()));
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

    private Node protocolPage() {
        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("protocol");
        protocol.getItems().setAll(TrainingWizardViewModel.PROTOCOLS);
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        TextField folds = field("folds", model.foldsProperty());
        folds.disableProperty().bind(model.protocolProperty().isNotEqualTo(Protocol.GROUPED_CV));
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
        }, model.protocolProperty(), model.foldsProperty(), model.repeatsProperty(), model.seedProperty()));
        GridPane options = grid("Protocol", protocol, "Folds (grouped k-fold, ≥ 2)", folds,
                "Repeats (≥ 1)", field("repeats", model.repeatsProperty()),
                "Seed", field("seed", model.seedProperty()));
        Label note = new Label("Grouped k-fold keeps each patient's recordings on one side of every fold; the split "
                + "protocol trains on 80 %, keeps 10 % for validation and scores the last 10 %.");
        note.setWrapText(true);
        return new VBox(8, options, plan, note);
    }

    // ---------------------------------------------------------------- run

    private Node runPage() {
        ProgressBar progress = new ProgressBar();
        progress.setId("run-progress");
        progress.setPrefWidth(420);
        progress.progressProperty().bind(model.progressProperty());
        Label stage = new Label();
        stage.setId("run-stage");
        stage.textProperty().bind(model.stageProperty());
        Label times = new Label();
        times.setId("run-times");
        times.textProperty().bind(Bindings.createStringBinding(() -> "Elapsed " + model.elapsedProperty().get()
                        + (model.remainingProperty().get().isEmpty() ? "" : ", remaining about "
                        + model.remainingProperty().get()),
                model.elapsedProperty(), model.remainingProperty()));
        Button start = new Button("Run again");
        start.setId("start");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(event -> model.start());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        Label metrics = new Label();
        metrics.setId("live-metrics");
        metrics.textProperty().bind(model.liveMetricsProperty());
        liveMatrix.setId("live-matrix");
        model.liveConfusionProperty().addListener((observable, before, matrix) ->
                liveMatrix.show(matrix, false, matrix == null ? "" : "Out-of-fold predictions so far"));
        VBox.setVgrow(liveMatrix, Priority.ALWAYS);
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        model.runningProperty().addListener((observable, before, running) -> {
            if (running) {
                clock.play();
            } else {
                clock.stop();
            }
        });
        return new VBox(8, new HBox(8, progress, start, cancel), stage, times, metrics, liveMatrix);
    }

    // ---------------------------------------------------------------- results

    private Node resultsPage() {
        ToggleButton normalised = new ToggleButton("Row-normalised");
        normalised.setId("normalised");
        normalised.selectedProperty().bindBidirectional(model.normalisedProperty());
        Label headline = new Label();
        headline.setId("result-headline");
        headline.setStyle("-fx-font-weight: bold;");
        resultMatrix.setId("result-matrix");
        resultMatrix.setOnCellClicked(model::selectCell);
        Runnable redraw = () -> {
            var outcome = model.outcomeProperty().get();
            resultMatrix.show(outcome == null ? null : outcome.evaluation().confusion(),
                    model.normalisedProperty().get(), outcome == null ? "" : "Out-of-fold confusion (click a cell)");
            classMetrics.show(outcome == null ? null : outcome.evaluation().confusion());
            headline.setText(outcome == null ? "" : String.format(Locale.ROOT,
                    "Accuracy %.3f · balanced accuracy %.3f · macro-F1 %.3f · %s",
                    outcome.evaluation().accuracy(), outcome.evaluation().balancedAccuracy(),
                    outcome.evaluation().macroF1(), outcome.experiment().describe()));
        };
        model.outcomeProperty().addListener(observable -> redraw.run());
        model.normalisedProperty().addListener(observable -> redraw.run());

        Label cellTitle = new Label();
        cellTitle.setId("cell-title");
        cellTitle.textProperty().bind(model.cellTitleProperty());
        ListView<Prediction> cell = new ListView<>(model.cellPredictions());
        cell.setId("cell-recordings");
        cell.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Prediction item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%s  (repeat %d, p = %.2f)",
                        item.id(), item.repeat() + 1, item.posterior(item.predicted())));
            }
        });
        cell.setPlaceholder(new Label("Click a cell of the matrix to list its recordings"));
        cell.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                model.openRecording(cell.getSelectionModel().getSelectedItem());
            }
        });
        Button openRecording = new Button("Open in the waveform view");
        openRecording.setId("open-recording");
        openRecording.disableProperty().bind(cell.getSelectionModel().selectedItemProperty().isNull());
        openRecording.setOnAction(event -> model.openRecording(cell.getSelectionModel().getSelectedItem()));

        Button save = new Button("Save model…");
        save.setId("save-model");
        save.setOnAction(event -> saveModel());
        Button use = new Button("Use as active model");
        use.setId("use-model");
        use.setOnAction(event -> model.useAsActiveModel());
        Label savedTo = new Label();
        savedTo.setId("saved-model");
        savedTo.textProperty().bind(Bindings.createStringBinding(() -> {
            Experiment experiment = model.experimentProperty().get();
            return experiment == null || experiment.modelPath().isEmpty() ? "Model not saved"
                    : "Saved: " + experiment.modelPath();
        }, model.experimentProperty()));

        VBox cellBox = new VBox(6, cellTitle, cell, openRecording);
        VBox.setVgrow(cell, Priority.ALWAYS);
        SplitPane matrixAndCell = new SplitPane(resultMatrix, cellBox);
        matrixAndCell.setDividerPositions(0.62);
        classMetrics.setPrefHeight(150);
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        VBox confusion = new VBox(8, new HBox(8, normalised, spring, savedTo, save, use), headline, matrixAndCell,
                classMetrics);
        VBox.setVgrow(matrixAndCell, Priority.ALWAYS);
        confusion.setPadding(new Insets(6));

        Button compute = new Button("Compute feature importance");
        compute.setId("compute-importance");
        compute.disableProperty().bind(model.importanceRunningProperty());
        compute.setOnAction(event -> model.computeImportance());
        Button stop = new Button("Cancel");
        stop.setId("cancel-importance");
        stop.disableProperty().bind(model.importanceRunningProperty().not());
        stop.setOnAction(event -> model.cancelImportance());
        ProgressBar importanceProgress = new ProgressBar();
        importanceProgress.progressProperty().bind(model.importanceProgressProperty());
        importance.setOnFeatureChosen(model::chooseFeature);
        ListChangeListener<Object> scores = change -> importance.showScores(model.informationGain(),
                model.permutation());
        model.informationGain().addListener(scores);
        model.permutation().addListener(scores);
        model.distributionProperty().addListener((observable, before, after) -> {
            if (after != null) {
                importance.showDistribution(after.feature(), after.valuesPerClass());
            }
        });
        model.frameCurveProperty().addListener((observable, before, after) -> {
            if (after == null) {
                importance.showFrameCurve(null, new double[0], new double[0]);
            } else {
                importance.showFrameCurve(after.column() + " per frame on " + after.recording(), after.seconds(),
                        after.values());
            }
        });
        VBox importancePage = new VBox(8, new HBox(8, compute, stop, importanceProgress), importance);
        VBox.setVgrow(importance, Priority.ALWAYS);
        importancePage.setPadding(new Insets(6));

        Button repeat = new Button("Load the selected run's settings");
        repeat.setId("repeat-run");
        repeat.disableProperty().bind(pastRuns.getSelectionModel().selectedItemProperty().isNull());
        repeat.setOnAction(event -> {
            Experiment chosen = pastRuns.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.applySettings(chosen.settings());
                model.pageProperty().set(TrainingWizardViewModel.Page.PROTOCOL);
            }
        });
        pastRuns.setItems(model.pastRuns());
        VBox runs = new VBox(8, pastRuns, new HBox(8, repeat,
                new Label("Runs are kept in " + model.store().folder())));
        VBox.setVgrow(pastRuns, Priority.ALWAYS);
        runs.setPadding(new Insets(6));

        Tab confusionTab = new Tab("Confusion matrix", confusion);
        Tab importanceTab = new Tab("Feature importance", importancePage);
        importanceTab.setId("importance-tab");
        Tab runsTab = new Tab("Past runs", runs);
        runsTab.setId("past-runs-tab");
        TabPane tabs = new TabPane(confusionTab, importanceTab, runsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void saveModel() {
        Path file = chooseModelFile.get();
        if (file == null) {
            return;
        }
        boolean overwrite = false;
        if (TrainingWizardViewModel.needsOverwriteConfirmation(file)) {
            if (!confirmOverwrite.apply(file)) {
                return;
            }
            overwrite = true;
        }
        model.saveModel(file, overwrite);
    }

    private Path chooseModelFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Auscult models", "*"
                + ModelFile.EXTENSION));
        chooser.setInitialFileName("model" + ModelFile.EXTENSION);
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private static boolean confirmOverwrite(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " exists. Replace it?", ButtonType.YES,
                ButtonType.NO);
        alert.setHeaderText("Replace the model file?");
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
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
