package org.auscult.app.training;

import static org.auscult.app.UiWait.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auscult.analysis.LoadedModel;
import org.auscult.app.CutText;
import org.auscult.app.Screenshots;
import org.auscult.app.task.FxTaskExecutor;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.SyntheticCollection;
import org.auscult.features.FeatureRegistry;
import org.auscult.learn.Balancing;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;
import org.auscult.library.Layout;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training wizard's pages as a newcomer sees them, on a generated collection of the five built-in classes and
 * one more: names for people instead of option names, only the settings of the chosen design, validation messages
 * that follow the values, a sentence instead of empty importance charts, every feature group named and explained;
 * and no text cut off on any page at 1366 x 768 and 1600 x 1000, the per-class table showing every class.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TrainingWizardPagesUiTest {

    private static final List<String> CLASSES = List.of("normal", "murmur", "extrastole", "extrahls", "artifact",
            "abnormal");

    @TempDir
    static Path folder;
    private static Path collection;

    private Stage stage;
    private TrainingWizardViewModel model;
    private TrainingWizardView view;

    @BeforeAll
    static void writeCollection() throws Exception {
        collection = SyntheticCollection.write(folder.resolve("six classes"), CLASSES, 3, 2.0, 11);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WorkstationLink none = new WorkstationLink() {
            @Override
            public RecordingCollection openCollection() {
                return null;
            }

            @Override
            public LoadedModel activeModel() {
                return null;
            }

            @Override
            public void useModel(LoadedModel model) {
            }

            @Override
            public void showRecording(RecordingCollection in, Path recording) {
            }
        };
        model = new TrainingWizardViewModel(new FxTaskExecutor(2), Platform::runLater,
                new ExperimentStore(folder.resolve("experiments-" + System.nanoTime())), none, Clock.systemUTC(), 2, 2);
        view = new TrainingWizardView(model);
        stage.setScene(new Scene(view.root(), 1100, 760));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        model.data().openCollection(collection);
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    private void waitForTheCollection() throws Exception {
        waitFor("the data summary", () -> model.data().summaryProperty().get() != null);
    }

    private void run(FxRobot robot) throws Exception {
        waitForTheCollection();
        runSmallForest(robot, model);
    }

    /**
     * Runs a small forest (10 trees) with 3 folds once, from the Data page through the pages' controls; returns on
     * the Results page.
     */
    static void runSmallForest(FxRobot robot, TrainingWizardViewModel model) throws Exception {
        robot.interact(() -> {
            model.next();
            model.next();
            model.model().treesProperty().set("10");
            model.next();
            model.protocol().foldsProperty().set("3");
            model.protocol().repeatsProperty().set("1");
        });
        robot.clickOn("#next");
        waitFor("the results", () -> model.pageProperty().get() == TrainingWizardViewModel.Page.RESULTS);
    }

    private void show(FxRobot robot, TrainingWizardViewModel.Page page) {
        robot.interact(() -> model.pageProperty().set(page));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---------------------------------------------------------------- names for people

    @Test
    void theSettingsPagesNameEverythingForPeople(FxRobot robot) throws Exception {
        waitForTheCollection();
        assertEquals("Folder-per-class collection at " + collection,
                robot.lookup("#collection-name").queryAs(Label.class).getText());
        List<String> classes = new ArrayList<>();
        TableView<?> counts = robot.lookup("#class-counts").queryTableView();
        for (int row = 0; row < counts.getItems().size(); row++) {
            classes.add((String) counts.getColumns().get(0).getCellData(row));
        }
        assertTrue(classes.contains("extra heart sound") && classes.contains("extrasystole"), classes.toString());
        List<String> internal = new ArrayList<>(internalNames());
        internal.addAll(List.of("extrahls", "extrastole"));
        assertNoneShown(internal, "the Data page");

        show(robot, TrainingWizardViewModel.Page.FEATURES);
        for (String name : List.of("mfcc", "zcr", "spectral_centroid", "spectral_rolloff", "chroma", "melspectrogram",
                "rhythm", "quality", "cycle", "cycle_mfcc", "cycle_murmur")) {
            CheckBox box = robot.lookup("#feature-" + name).queryAs(CheckBox.class);
            assertEquals(FeatureRegistry.displayName(name), box.getText());
            assertEquals(box.getText(), shownText(box), "the name is drawn as written");
            assertTrue(box.getTooltip().getText().contains(FeatureRegistry.description(name)), name);
            Label about = robot.lookup("#feature-" + name + "-about").queryAs(Label.class);
            assertEquals(FeatureRegistry.description(name), about.getText());
            assertTrue(about.isVisible(), name);
        }
        internal.addAll(List.of("cycle_mfcc", "cyclemfcc", "cycle_murmur", "cyclemurmur", "spectral_centroid",
                "spectralcentroid", "melspectrogram"));
        assertNoneShown(internal, "the Features page");

        show(robot, TrainingWizardViewModel.Page.MODEL);
        @SuppressWarnings("unchecked")
        ComboBox<Preset> preset = robot.lookup("#preset").queryAs(ComboBox.class);
        for (Preset design : ModelPageViewModel.PRESETS) {
            robot.interact(() -> preset.setValue(design));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(design.forPeople(), shownText(preset), design.toString());
            assertNoneShown(internal, "the Model page with " + design);
        }
        assertEquals("Random forest", preset.getConverter().toString(Preset.RANDOM_FOREST));
        @SuppressWarnings("unchecked")
        ComboBox<Balancing> balancing = robot.lookup("#balancing").queryAs(ComboBox.class);
        for (Balancing choice : Balancing.values()) {
            robot.interact(() -> balancing.setValue(choice));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(choice.forPeople(), shownText(balancing));
            assertNoneShown(internal, "the Model page with " + choice);
        }
        robot.interact(() -> {
            preset.setValue(Preset.RANDOM_FOREST);
            balancing.setValue(Balancing.SOURCE_AND_CLASS);
        });

        show(robot, TrainingWizardViewModel.Page.PROTOCOL);
        @SuppressWarnings("unchecked")
        ComboBox<Protocol> protocol = robot.lookup("#protocol").queryAs(ComboBox.class);
        for (Protocol choice : ProtocolPageViewModel.PROTOCOLS) {
            robot.interact(() -> protocol.setValue(choice));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(choice.forPeople(), shownText(protocol));
            assertNoneShown(internal, "the Protocol page with " + choice);
        }
        assertEquals("Cross-validation grouped by patient", protocol.getConverter().toString(Protocol.GROUPED_CV));
        assertEquals("Leave one source out", protocol.getConverter().toString(Protocol.LEAVE_SOURCE_OUT));
    }

    @Test
    void theResultsAndPastRunsNameEverythingForPeopleAndImportanceWaitsForCompute(FxRobot robot)
            throws Exception {
        run(robot);
        assertTrue(robot.lookup("#result-headline").queryAs(Label.class).getText().startsWith("Accuracy "));
        assertEquals("Random forest, source and class weights (several devices); cross-validation grouped by "
                + "patient, 3 folds × 1 repeat, seed 1", robot.lookup("#result-settings").queryAs(Label.class)
                .getText());
        TableView<?> metrics = robot.lookup("#class-metrics").queryTableView();
        List<Object> classes = new ArrayList<>();
        for (int row = 0; row < metrics.getItems().size(); row++) {
            classes.add(metrics.getColumns().get(0).getCellData(row));
        }
        assertTrue(classes.containsAll(List.of("extra heart sound", "extrasystole",
                "abnormal, other (needs follow-up)")), classes.toString());
        List<String> internal = new ArrayList<>(internalNames());
        internal.addAll(List.of("extrahls", "extrastole"));
        assertNoneShown(internal, "the confusion matrix tab");

        TabPane tabs = robot.lookup("#page-results").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        TableView<?> runs = robot.lookup("#past-runs").queryTableView();
        waitFor("the run in the past runs", () -> runs.getItems().size() == 1);
        assertEquals("Random forest, source and class weights (several devices)", runs.getColumns().get(1)
                .getCellData(0));
        assertEquals("cross-validation grouped by patient, 3 folds × 1 repeat, seed 1", runs.getColumns().get(2)
                .getCellData(0));
        robot.interact(() -> runs.getSelectionModel().select(0));
        String details = robot.lookup("#past-run-details").queryAs(Label.class).getText();
        assertTrue(details.contains("F1 per class: ") && details.contains("extra heart sound")
                && details.contains("model not saved"), details);
        assertNoneShown(internal, "the past runs tab");

        // Before Compute the importance tab says what Compute does; no empty chart is shown.
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label placeholder = robot.lookup("#importance-placeholder").queryAs(Label.class);
        assertTrue(placeholder.isVisible() && placeholder.getText().contains("Compute feature importance"),
                placeholder.getText());
        assertFalse(visibleInTree(robot.lookup("#importance-chart").query()), "no empty ranking chart");
        assertFalse(visibleInTree(robot.lookup("#feature-distribution").query()), "no empty histogram");
        assertFalse(visibleInTree(robot.lookup("#feature-curve").query()), "no empty curve");
    }

    // ---------------------------------------------------------------- settings that apply, live validation

    @Test
    void theModelPageShowsOnlyTheSettingsOfTheChosenDesign(FxRobot robot) throws Exception {
        waitForTheCollection();
        show(robot, TrainingWizardViewModel.Page.MODEL);
        List<String> fields = List.of("trees", "smo-c", "boosting-iterations", "stacking-folds");
        List<ModelPageViewModel.Setting> settings = List.of(ModelPageViewModel.Setting.TREES,
                ModelPageViewModel.Setting.SMO_COMPLEXITY, ModelPageViewModel.Setting.BOOSTING_ITERATIONS,
                ModelPageViewModel.Setting.STACKING_FOLDS);
        for (Preset design : ModelPageViewModel.PRESETS) {
            robot.interact(() -> model.model().presetProperty().set(design));
            for (int i = 0; i < fields.size(); i++) {
                boolean applies = ModelPageViewModel.applies(settings.get(i), design);
                Node field = robot.lookup("#" + fields.get(i)).query();
                assertEquals(applies, field.isVisible() && field.isManaged(), design + ": " + fields.get(i));
                Label label = labelOf(field);
                assertEquals(applies, label.isVisible() && label.isManaged(), design + ": " + label.getText());
            }
        }
        assertTrue(ModelPageViewModel.applies(ModelPageViewModel.Setting.TREES, Preset.RANDOM_FOREST));
        assertFalse(ModelPageViewModel.applies(ModelPageViewModel.Setting.TREES, Preset.SMO));
        assertFalse(ModelPageViewModel.applies(ModelPageViewModel.Setting.STACKING_FOLDS, Preset.VOTING));

        show(robot, TrainingWizardViewModel.Page.PROTOCOL);
        for (Protocol protocol : ProtocolPageViewModel.PROTOCOLS) {
            robot.interact(() -> model.protocol().protocolProperty().set(protocol));
            Node folds = robot.lookup("#folds").query();
            boolean grouped = protocol == Protocol.GROUPED_CV;
            assertEquals(grouped, folds.isVisible() && folds.isManaged(), protocol.toString());
            assertEquals(grouped, labelOf(folds).isVisible(), protocol.toString());
        }
    }

    @Test
    void aValidationMessageGoesAsSoonAsTheValueIsFixed(FxRobot robot) throws Exception {
        waitForTheCollection();
        robot.interact(() -> {
            model.next();
            model.next();
            model.next();
        });
        assertEquals(TrainingWizardViewModel.Page.PROTOCOL, model.pageProperty().get());
        Label message = robot.lookup("#wizard-message").queryAs(Label.class);
        robot.doubleClickOn("#folds").write("1");
        robot.clickOn("#next");
        assertEquals(TrainingWizardViewModel.Page.PROTOCOL, model.pageProperty().get(), "not run");
        assertEquals("evaluation folds must be at least 2, got 1", message.getText());
        robot.doubleClickOn("#folds").write("4");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", message.getText(), "the message went as the value was fixed");
        robot.doubleClickOn("#repeats").write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("evaluation repeats must be at least 1, got 0", message.getText(), "said as it is typed");
        robot.doubleClickOn("#repeats").write("2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", message.getText());
    }

    // ---------------------------------------------------------------- no text cut off

    @Test
    void noPageCutsItsTextAt1366x768(FxRobot robot) throws Exception {
        checkEveryPage(robot, 1366, 768);
    }

    @Test
    void noPageCutsItsTextAt1600x1000(FxRobot robot) throws Exception {
        checkEveryPage(robot, 1600, 1000);
    }

    private void checkEveryPage(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        String size = width + "x" + height;
        run(robot);
        List<String> cut = new ArrayList<>();
        for (TrainingWizardViewModel.Page page : TrainingWizardViewModel.Page.values()) {
            show(robot, page);
            if (page == TrainingWizardViewModel.Page.MODEL) {
                for (Preset design : ModelPageViewModel.PRESETS) {
                    robot.interact(() -> model.model().presetProperty().set(design));
                    cut.addAll(cutText(robot, page + " (" + design.forPeople() + ")", width, height));
                }
                robot.interact(() -> model.model().presetProperty().set(Preset.STACKED));
                shoot(robot, "wizard-model-" + size);
                robot.interact(() -> model.model().presetProperty().set(Preset.RANDOM_FOREST));
            } else if (page == TrainingWizardViewModel.Page.PROTOCOL) {
                for (Protocol protocol : ProtocolPageViewModel.PROTOCOLS) {
                    robot.interact(() -> model.protocol().protocolProperty().set(protocol));
                    cut.addAll(cutText(robot, page + " (" + protocol.forPeople() + ")", width, height));
                }
                robot.interact(() -> model.protocol().protocolProperty().set(Protocol.GROUPED_CV));
            } else if (page == TrainingWizardViewModel.Page.RESULTS) {
                TabPane tabs = robot.lookup("#page-results").queryAs(TabPane.class);
                for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
                    int index = tab;
                    robot.interact(() -> tabs.getSelectionModel().select(index));
                    cut.addAll(cutText(robot, page + " / " + tabs.getTabs().get(tab).getText(), width, height));
                    if (tab == 0) {
                        assertEveryRowShown(robot.lookup("#class-metrics").queryTableView(), CLASSES.size());
                        shoot(robot, "wizard-results-" + size);
                    }
                }
                robot.interact(() -> tabs.getSelectionModel().select(0));
            } else {
                cut.addAll(cutText(robot, page.title(), width, height));
            }
        }
        assertEquals(List.of(), cut, cut.size() + " controls of the wizard cut their text at " + width + " x "
                + height);
    }

    private List<String> cutText(FxRobot robot, String where, int width, int height) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            assertEquals(width, (int) Math.round(stage.getWidth()));
            assertEquals(height, (int) Math.round(stage.getHeight()));
            CutText.in(stage.getScene()).forEach(problem -> found.add(where + ": " + problem));
        });
        return found;
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        Screenshots.saveIfAsked(robot, stage.getScene(), name);
    }

    /** Every row of {@code table} is on screen whole: no vertical scroll bar, each row inside the table. */
    private static void assertEveryRowShown(TableView<?> table, int rows) {
        assertEquals(rows, table.getItems().size());
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.VERTICAL) {
                assertFalse(scroll.isVisible(), "the per-class table scrolls: " + rows + " rows do not fit");
            }
        }
        Bounds inside = table.localToScene(table.getLayoutBounds());
        long shown = table.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.getItem() != null && row.isVisible())
                .filter(node -> {
                    Bounds row = node.localToScene(node.getLayoutBounds());
                    return row.getMinY() >= inside.getMinY() - 0.5 && row.getMaxY() <= inside.getMaxY() + 0.5;
                }).count();
        assertEquals(rows, shown, "rows shown whole in the per-class table");
    }

    // ---------------------------------------------------------------- helpers

    /** Option names no person should read: constants and their command-line spellings. */
    private static List<String> internalNames() {
        List<String> names = new ArrayList<>();
        List<Enum<?>> constants = new ArrayList<>();
        constants.addAll(List.of(Preset.values()));
        constants.addAll(List.of(Protocol.values()));
        constants.addAll(List.of(Balancing.values()));
        constants.addAll(List.of(Layout.values()));
        for (Enum<?> constant : constants) {
            if (constant.name().contains("_")) {
                names.add(constant.name());
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        names.removeAll(List.of("cost-sensitive", "folder-per-class")); // words people use too
        names.add("random forest, source and class");
        return names;
    }

    private void assertNoneShown(List<String> internal, String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        Platform.runLater(() -> collectTexts(stage.getScene().getRoot(), texts));
        WaitForAsyncUtils.waitForFxEvents();
        for (String text : texts) {
            for (String name : internal) {
                assertFalse(text.contains(name), where + " shows '" + name + "' in '" + text + "'");
            }
        }
    }

    private static void collectTexts(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectTexts(child, texts));
        }
    }

    /** The text a labeled control or a choice box draws. */
    private static String shownText(Node node) {
        Node shown = node;
        if (node instanceof ComboBox<?> box) { // its button cell: a list cell among its own children
            shown = box.getChildrenUnmodifiable().stream().filter(child -> child instanceof javafx.scene.control.ListCell)
                    .findFirst().orElseThrow();
        }
        return ((javafx.scene.text.Text) shown.lookup(".text")).getText();
    }

    private static boolean visibleInTree(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Label labelOf(Node control) {
        return control.getParent().getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Label label && label.getLabelFor() == control)
                .map(Label.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no label for #" + control.getId()));
    }
}
