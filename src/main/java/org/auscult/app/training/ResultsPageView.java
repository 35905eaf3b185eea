package org.auscult.app.training;

import static org.auscult.app.controls.Labels.wrapped;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.app.evaluation.ClassMetricsTable;
import org.auscult.app.evaluation.ConfusionMatrixView;
import org.auscult.app.evaluation.FeatureImportanceView;
import org.auscult.app.evaluation.PastRunsTable;
import org.auscult.app.evaluation.PerSourceTable;
import org.auscult.app.evaluation.RocCurveView;
import org.auscult.experiments.Experiment;
import org.auscult.learn.ModelFile;
import org.auscult.learn.Prediction;

/**
 * The training wizard's Results page, built from its view model: the confusion matrix with the pooled figures, the
 * recordings of a clicked cell and the per-class table; the per-source and patient-level figures when the run has
 * any; feature importance; past runs; ROC curves; and Save model / Use as active model. Controls and bindings only.
 */
final class ResultsPageView {

    private final TrainingWizardViewModel model;
    private final Supplier<Window> owner;
    private final ConfusionMatrixView resultMatrix = new ConfusionMatrixView();
    private final ClassMetricsTable classMetrics = new ClassMetricsTable();
    private final PerSourceTable perSource = new PerSourceTable();
    private final RocCurveView rocCurves = new RocCurveView();
    private final PastRunsTable pastRuns = new PastRunsTable();
    private final FeatureImportanceView importance = new FeatureImportanceView();
    private final TabPane tabs;
    private Supplier<Path> chooseModelFile = this::chooseModelFile;
    private Function<Path, Boolean> confirmOverwrite = ResultsPageView::confirmOverwrite;

    /** @param owner the window a file chooser belongs to (null while the wizard is not shown) */
    ResultsPageView(TrainingWizardViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
        Tab confusionTab = new Tab("Confusion matrix", confusionPage());
        Tab importanceTab = new Tab("Feature importance", importancePage());
        importanceTab.setId("importance-tab");
        Tab runsTab = new Tab("Past runs", pastRunsPage());
        runsTab.setId("past-runs-tab");
        Tab rocTab = new Tab("ROC curves", rocCurves);
        rocTab.setId("roc-tab");
        tabs = new TabPane(confusionTab, importanceTab, runsTab, rocTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        watchFigures();
    }

    Node node() {
        return tabs;
    }

    ConfusionMatrixView resultMatrix() {
        return resultMatrix;
    }

    void setModelFileChooser(Supplier<Path> chooser) {
        this.chooseModelFile = chooser;
    }

    void setOverwriteConfirmation(Function<Path, Boolean> confirmation) {
        this.confirmOverwrite = confirmation;
    }

    private Node confusionPage() {
        ToggleButton normalised = new ToggleButton("Row-normalised");
        normalised.setId("normalised");
        normalised.selectedProperty().bindBidirectional(model.normalisedProperty());
        Label headline = new Label();
        headline.setId("result-headline");
        headline.setStyle("-fx-font-weight: bold;");
        Label design = wrapped("");
        design.setId("result-settings");
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

        Label cellTitle = Labels.bound("cell-title", model.cellTitleProperty());
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
        Button openRecording = Buttons.of("open-recording", "Open in the waveform view",
                () -> model.openRecording(cell.getSelectionModel().getSelectedItem()));
        openRecording.disableProperty().bind(cell.getSelectionModel().selectedItemProperty().isNull());

        Button save = Buttons.of("save-model", "Save model…", () -> saveModel());
        Button use = Buttons.of("use-model", "Use as active model", () -> model.useAsActiveModel());
        Label savedTo = Labels.bound("saved-model", Bindings.createStringBinding(() -> {
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

        return confusion;
    }

    private Node importancePage() {
        Button compute = Buttons.of("compute-importance", "Compute feature importance",
                () -> model.importance().computeImportance());
        compute.disableProperty().bind(model.importance().importanceRunningProperty());
        Button stop = Buttons.of("cancel-importance", "Cancel", () -> model.importance().cancelImportance());
        stop.disableProperty().bind(model.importance().importanceRunningProperty().not());
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

        return importancePage;
    }

    private Node pastRunsPage() {
        Button repeat = Buttons.of("repeat-run", "Load the selected run's settings", () -> {
            Experiment chosen = pastRuns.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.applySettings(chosen.settings());
                model.pageProperty().set(TrainingWizardViewModel.Page.PROTOCOL);
            }
        });
        repeat.disableProperty().bind(pastRuns.getSelectionModel().selectedItemProperty().isNull());
        pastRuns.setItems(model.pastRuns());
        Label details = wrapped("past-run-details", Bindings.createStringBinding(() -> {
            Experiment chosen = pastRuns.getSelectionModel().getSelectedItem();
            return chosen == null ? "Select a run to see its data, its F1 per class and its model file."
                    : PastRunsTable.details(chosen);
        }, pastRuns.getSelectionModel().selectedItemProperty()));
        Label kept = wrapped("Runs are kept in " + model.store().folder());
        HBox.setHgrow(kept, Priority.ALWAYS);
        repeat.setMinWidth(Region.USE_PREF_SIZE);
        VBox runs = new VBox(8, pastRuns, details, new HBox(8, repeat, kept));
        VBox.setVgrow(pastRuns, Priority.ALWAYS);
        runs.setPadding(new Insets(6));

        return runs;
    }

    /**
     * The per-source table and the patient-level lines of the run on show, in a tab right after the confusion
     * matrix that is there only while the run has either: data from several sources, or CirCor patients.
     */
    private void watchFigures() {
        Label sourcesTitle = heading("Per source: normal against needs follow-up (any class but normal and "
                + "artifact), first repeat");
        Label legend = wrapped("Sensitivity: the share of follow-up recordings predicted in a follow-up class; "
                + "specificity: the share of normal recordings predicted normal. Murmur R@Sp.90: the murmur "
                + "recall where 90 % of the normal recordings score below the threshold. Screen: the follow-up "
                + "answer at one threshold fitted on the whole evaluation.");
        Label screen = wrapped("");
        screen.setId("per-source-screen");
        VBox sources = new VBox(6, sourcesTitle, perSource, legend, screen);
        Label patientsTitle = heading("Patients: one answer per CirCor patient from their labelled recordings, "
                + "weighed as the PhysioNet 2022 Challenge does");
        VBox lines = new VBox(4);
        lines.setId("patient-lines");
        VBox patients = new VBox(6, patientsTitle, lines);
        VBox content = new VBox(18, sources, patients);
        content.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab tab = new Tab("", scroll);
        tab.setId("figures-tab");
        model.figures().figuresProperty().addListener((observable, before, figures) -> {
            perSource.show(figures.perSource());
            screen.setText(figures.screenLine());
            lines.getChildren().clear();
            for (int i = 0; i < figures.patientLines().size(); i++) {
                Label line = wrapped(figures.patientLines().get(i));
                line.setId("patient-line-" + i);
                lines.getChildren().add(line);
            }
            showWhile(sources, figures.perSource() != null);
            showWhile(patients, !figures.patientLines().isEmpty());
            tab.setText(figures.title());
            if (!figures.any()) {
                tabs.getTabs().remove(tab);
            } else if (!tabs.getTabs().contains(tab)) {
                tabs.getTabs().add(1, tab);
            }
        });
    }

    private static void showWhile(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static Label heading(String text) {
        Label heading = wrapped(text);
        heading.setStyle("-fx-font-weight: bold;");
        return heading;
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
        File file = chooser.showSaveDialog(owner.get());
        return file == null ? null : file.toPath();
    }

    private static boolean confirmOverwrite(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " exists. Replace it?", ButtonType.YES,
                ButtonType.NO);
        alert.setHeaderText("Replace the model file?");
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }
}
