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
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.auscult.app.evaluation.ClassMetricsTable;
import org.auscult.app.evaluation.ConfusionMatrixView;
import org.auscult.app.evaluation.RocCurveView;
import org.auscult.app.evaluation.FeatureImportanceView;
import org.auscult.app.evaluation.PastRunsTable;
import org.auscult.experiments.Experiment;
import org.auscult.learn.ModelFile;
import org.auscult.learn.Prediction;
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
    private final RocCurveView rocCurves = new RocCurveView();
    private final PastRunsTable pastRuns = new PastRunsTable();
    private final FeatureImportanceView importance = new FeatureImportanceView();
    private final Map<TrainingWizardViewModel.Page, Node> pageNodes;
    private Supplier<Path> chooseModelFile = this::chooseModelFile;
    private Function<Path, Boolean> confirmOverwrite = TrainingWizardView::confirmOverwrite;

    public TrainingWizardView(TrainingWizardViewModel model) {
        this.model = model;
        SettingsPagesView settings = new SettingsPagesView(model,
                () -> root.getScene() == null ? null : root.getScene().getWindow());
        pageNodes = Map.of(TrainingWizardViewModel.Page.DATA, settings.dataPage(),
                TrainingWizardViewModel.Page.FEATURES, settings.featuresPage(),
                TrainingWizardViewModel.Page.MODEL, settings.modelPage(),
                TrainingWizardViewModel.Page.PROTOCOL, settings.protocolPage(),
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
                .or(model.run().runningProperty()));
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

    // ---------------------------------------------------------------- run

    private Node runPage() {
        ProgressBar progress = new ProgressBar();
        progress.setId("run-progress");
        progress.setPrefWidth(420);
        progress.progressProperty().bind(model.run().progressProperty());
        Label stage = new Label();
        stage.setId("run-stage");
        stage.textProperty().bind(model.run().stageProperty());
        Label times = new Label();
        times.setId("run-times");
        times.textProperty().bind(Bindings.createStringBinding(() -> "Elapsed " + model.run().elapsedProperty().get()
                        + (model.run().remainingProperty().get().isEmpty() ? "" : ", remaining about "
                        + model.run().remainingProperty().get()),
                model.run().elapsedProperty(), model.run().remainingProperty()));
        Button start = new Button("Run again");
        start.setId("start");
        start.disableProperty().bind(model.run().runningProperty());
        start.setOnAction(event -> model.start());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(model.run().runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        Label metrics = new Label();
        metrics.setId("live-metrics");
        metrics.textProperty().bind(model.run().liveMetricsProperty());
        liveMatrix.setId("live-matrix");
        model.run().liveConfusionProperty().addListener((observable, before, matrix) ->
                liveMatrix.show(matrix, false, matrix == null ? "" : "Out-of-fold predictions so far"));
        VBox.setVgrow(liveMatrix, Priority.ALWAYS);
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.run().tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        model.run().runningProperty().addListener((observable, before, running) -> {
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
        Label design = new Label();
        design.setId("result-settings");
        design.setWrapText(true);
        design.setMinHeight(Region.USE_PREF_SIZE);
        resultMatrix.setId("result-matrix");
        resultMatrix.setOnCellClicked(model::selectCell);
        Runnable redraw = () -> {
            var outcome = model.outcomeProperty().get();
            resultMatrix.show(outcome == null ? null : outcome.evaluation().confusion(),
                    model.normalisedProperty().get(), outcome == null ? "" : "Out-of-fold confusion (click a cell)");
            classMetrics.show(outcome == null ? null : outcome.evaluation().confusion());
            rocCurves.show(outcome == null ? null : outcome.evaluation());
            headline.setText(outcome == null ? "" : String.format(Locale.ROOT,
                    "Accuracy %.3f · balanced accuracy %.3f · macro-F1 %.3f",
                    outcome.evaluation().accuracy(), outcome.evaluation().balancedAccuracy(),
                    outcome.evaluation().macroF1()));
            design.setText(outcome == null ? "" : outcome.experiment().describeForPeople());
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
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        VBox confusion = new VBox(8, new HBox(8, normalised, spring, savedTo, save, use), headline, design,
                matrixAndCell, classMetrics);
        VBox.setVgrow(matrixAndCell, Priority.ALWAYS);
        confusion.setPadding(new Insets(6));

        Button compute = new Button("Compute feature importance");
        compute.setId("compute-importance");
        compute.disableProperty().bind(model.importance().importanceRunningProperty());
        compute.setOnAction(event -> model.importance().computeImportance());
        Button stop = new Button("Cancel");
        stop.setId("cancel-importance");
        stop.disableProperty().bind(model.importance().importanceRunningProperty().not());
        stop.setOnAction(event -> model.importance().cancelImportance());
        ProgressBar importanceProgress = new ProgressBar();
        importanceProgress.progressProperty().bind(model.importance().importanceProgressProperty());
        importance.setOnFeatureChosen(model.importance()::chooseFeature);
        ListChangeListener<Object> scores = change -> importance.showScores(model.importance().informationGain(),
                model.importance().permutation());
        model.importance().informationGain().addListener(scores);
        model.importance().permutation().addListener(scores);
        model.importance().distributionProperty().addListener((observable, before, after) -> {
            if (after != null) {
                importance.showDistribution(after.feature(), after.valuesPerClass());
            }
        });
        model.importance().frameCurveProperty().addListener((observable, before, after) -> {
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
        Label details = new Label();
        details.setId("past-run-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            Experiment chosen = pastRuns.getSelectionModel().getSelectedItem();
            return chosen == null ? "Select a run to see its data, its F1 per class and its model file."
                    : PastRunsTable.details(chosen);
        }, pastRuns.getSelectionModel().selectedItemProperty()));
        Label kept = new Label("Runs are kept in " + model.store().folder());
        kept.setWrapText(true);
        kept.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(kept, Priority.ALWAYS);
        repeat.setMinWidth(Region.USE_PREF_SIZE);
        VBox runs = new VBox(8, pastRuns, details, new HBox(8, repeat, kept));
        VBox.setVgrow(pastRuns, Priority.ALWAYS);
        runs.setPadding(new Insets(6));

        Tab confusionTab = new Tab("Confusion matrix", confusion);
        Tab importanceTab = new Tab("Feature importance", importancePage);
        importanceTab.setId("importance-tab");
        Tab runsTab = new Tab("Past runs", runs);
        runsTab.setId("past-runs-tab");
        Tab rocTab = new Tab("ROC curves", rocCurves);
        rocTab.setId("roc-tab");
        TabPane tabs = new TabPane(confusionTab, importanceTab, runsTab, rocTab);
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
}
