package org.auscult.app.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.app.evaluation.ConfusionMatrixView;

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
    private final DataPageView dataPage;
    private final ResultsPageView results;
    private final Map<TrainingWizardViewModel.Page, Node> pageNodes;

    public TrainingWizardView(TrainingWizardViewModel model) {
        this.model = model;
        Supplier<Window> window = () -> root.getScene() == null ? null : root.getScene().getWindow();
        SettingsPagesView settings = new SettingsPagesView(model, window);
        dataPage = new DataPageView(model, window);
        results = new ResultsPageView(model, window);
        pageNodes = Map.of(TrainingWizardViewModel.Page.DATA, dataPage.node(),
                TrainingWizardViewModel.Page.FEATURES, settings.featuresPage(),
                TrainingWizardViewModel.Page.MODEL, settings.modelPage(),
                TrainingWizardViewModel.Page.PROTOCOL, settings.protocolPage(),
                TrainingWizardViewModel.Page.RUN, runPage(),
                TrainingWizardViewModel.Page.RESULTS, results.node());
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

    public ConfusionMatrixView resultMatrix() {
        return results.resultMatrix();
    }

    /** Replaces the file chooser of Save model (tests choose a file without a dialog). */
    public void setModelFileChooser(Supplier<Path> chooser) {
        results.setModelFileChooser(chooser);
    }

    /** Replaces the question asked before an existing model file is replaced. */
    public void setOverwriteConfirmation(Function<Path, Boolean> confirmation) {
        results.setOverwriteConfirmation(confirmation);
    }

    /** Replaces the folder chooser of Add collection (tests choose a folder without a dialog). */
    public void setCollectionFolderChooser(Supplier<Path> chooser) {
        dataPage.setFolderChooser(chooser);
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
        Button back = Buttons.of("back", "Back", () -> model.back());
        back.disableProperty().bind(model.pageProperty().isEqualTo(TrainingWizardViewModel.Page.DATA)
                .or(model.run().runningProperty()));
        Button next = Buttons.of("next", "Next", () -> {
            boolean toRun = model.pageProperty().get() == TrainingWizardViewModel.Page.PROTOCOL;
            if (model.next() && toRun) {
                model.start();
            }
        });
        next.setDefaultButton(true);
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
        Label stage = Labels.bound("run-stage", model.run().stageProperty());
        Label times = new Label();
        times.setId("run-times");
        times.textProperty().bind(Bindings.createStringBinding(() -> "Elapsed " + model.run().elapsedProperty().get()
                        + (model.run().remainingProperty().get().isEmpty() ? "" : ", remaining about "
                        + model.run().remainingProperty().get()),
                model.run().elapsedProperty(), model.run().remainingProperty()));
        Button start = Buttons.of("start", "Run again", () -> model.start());
        start.disableProperty().bind(model.run().runningProperty());
        Button cancel = Buttons.of("cancel", "Cancel", () -> model.cancel());
        cancel.disableProperty().bind(model.run().runningProperty().not());
        Label metrics = Labels.bound("live-metrics", model.run().liveMetricsProperty());
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
}
