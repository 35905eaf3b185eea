package org.auscult.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.analysis.LoadedModel;
import org.auscult.experiments.ExperimentSettings;
import org.auscult.experiments.ExperimentStore;
import org.auscult.experiments.TrainingLabels;
import org.auscult.experiments.SyntheticCollection;
import org.auscult.learn.Balancing;
import org.auscult.learn.ModelFile;
import org.auscult.learn.Preset;
import org.auscult.learn.Prediction;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's view model driven synchronously, without the toolkit, on a generated collection. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainingWizardViewModelTest {

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private static Path collectionRoot;

    /** A workstation that records what the wizard asks of it. */
    static class RecordingLink implements WorkstationLink {
        RecordingCollection open;
        LoadedModel model;
        final List<Path> shown = new ArrayList<>();

        @Override
        public RecordingCollection openCollection() {
            return open;
        }

        @Override
        public LoadedModel activeModel() {
            return model;
        }

        @Override
        public void useModel(LoadedModel newModel) {
            model = newModel;
        }

        @Override
        public void showRecording(RecordingCollection collection, Path recording) {
            shown.add(recording);
        }
    }

    private RecordingLink link;
    private ExperimentStore store;
    private TrainingWizardViewModel wizard;

    @BeforeAll
    static void writeCollection() throws Exception {
        collectionRoot = SyntheticCollection.write(shared.resolve("collection"), 6, 2.5, 42);
    }

    @BeforeEach
    void createWizard() {
        link = new RecordingLink();
        store = new ExperimentStore(folder.resolve("experiments"));
        wizard = new TrainingWizardViewModel(new CurrentThreadTaskExecutor(), Runnable::run, store, link,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), 2, 2);
    }

    /** Opens the collection and fills every page with a fast design. */
    private void fillPages() {
        wizard.data().openCollection(collectionRoot);
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.model().treesProperty().set("10");
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.protocol().foldsProperty().set("3");
        wizard.protocol().repeatsProperty().set("2");
        wizard.protocol().seedProperty().set("5");
    }

    @Test
    void leaveOneSourceOutIsOfferedAndSaysWhenTheCollectionHasOneSource() {
        assertTrue(ProtocolPageViewModel.PROTOCOLS.contains(org.auscult.learn.Protocol.LEAVE_SOURCE_OUT));
        fillPages();
        wizard.protocol().protocolProperty().set(org.auscult.learn.Protocol.LEAVE_SOURCE_OUT);
        wizard.start();
        assertEquals(null, wizard.outcomeProperty().get());
        assertEquals("Leave one source out needs recordings from two sources or more; this collection does not "
                + "say where its recordings come from.", wizard.messageProperty().get());
        assertEquals(wizard.messageProperty().get(), wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL),
                "the Protocol page says so before the run");
    }

    @Test
    void moreFoldsThanPatientsIsRefusedOnTheProtocolPageBeforeTheRun() {
        fillPages();
        int patients = wizard.data().summaryProperty().get().patients();
        wizard.protocol().foldsProperty().set(Integer.toString(patients + 1));
        wizard.start();
        assertEquals(null, wizard.outcomeProperty().get());
        assertEquals("Grouped cross-validation needs at least as many patients as folds: this collection has "
                + patients + " patients; choose " + patients + " folds or fewer.", wizard.messageProperty().get());
        assertEquals(wizard.messageProperty().get(), wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL));
        wizard.protocol().foldsProperty().set(Integer.toString(patients));
        assertEquals(null, wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL));
    }

    @Test
    void theUsersOwnLabelsFromTheWorkstationDecideWhatIsTrainedOn() {
        RecordingLink relabelling = new RecordingLink() {
            @Override
            public RecordingCollection withCurrentLabels(RecordingCollection collection) {
                // As the label database would: the user relabelled the first murmur as normal.
                List<Recording> relabelled = new ArrayList<>();
                boolean done = false;
                for (Recording recording : collection.recordings()) {
                    if (!done && recording.label().equals(java.util.Optional.of("murmur"))) {
                        recording = new Recording(recording.path(), recording.id(), java.util.Optional.of("normal"),
                                recording.originalLabel(), recording.patient(), recording.source(),
                                recording.metadata());
                        done = true;
                    }
                    relabelled.add(recording);
                }
                return new RecordingCollection(collection.root(), collection.layout(), relabelled,
                        collection.problems());
            }
        };
        wizard = new TrainingWizardViewModel(new CurrentThreadTaskExecutor(), Runnable::run, store, relabelling,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), 2, 2);

        wizard.data().openCollection(collectionRoot);

        assertEquals(java.util.Map.of("murmur", 5, "normal", 7), wizard.data().summaryProperty().get().classCounts());
    }

    @Test
    void theDataPageSummarisesTheCollectionAndEachPageRefusesInvalidInput() {
        assertFalse(wizard.next());
        assertEquals("Choose a collection.", wizard.messageProperty().get());
        wizard.data().openCollection(collectionRoot);
        assertEquals(java.util.Map.of("murmur", 6, "normal", 6), wizard.data().summaryProperty().get().classCounts());
        assertEquals(List.of(), wizard.data().summaryProperty().get().warnings());
        assertTrue(wizard.next());

        assertEquals(TrainingWizardViewModel.Page.FEATURES, wizard.pageProperty().get());
        wizard.features().frameSizeProperty().set("abc");
        assertFalse(wizard.next());
        assertEquals("Frame size must be a whole number, got 'abc'", wizard.messageProperty().get());
        wizard.features().frameSizeProperty().set("300");
        assertFalse(wizard.next());
        assertTrue(wizard.messageProperty().get().startsWith("frameSize must be a power of two"),
                wizard.messageProperty().get());
        wizard.features().frameSizeProperty().set("256");
        wizard.features().featureChoices().forEach(choice -> choice.selected().set(false));
        assertFalse(wizard.next());
        assertEquals("Choose at least one feature group.", wizard.messageProperty().get());
        wizard.features().featureChoices().stream().filter(choice -> choice.name().equals("mfcc")).findFirst().orElseThrow()
                .selected().set(true);
        wizard.previewFeatures();
        assertEquals(26, wizard.features().preview().size(), "13 MFCC x mean, std");
        assertEquals("mfcc_01_mean", wizard.features().preview().get(0).name());
        assertTrue(wizard.next());

        wizard.model().treesProperty().set("0");
        assertFalse(wizard.next());
        assertEquals("random forest trees must be at least 1, got 0", wizard.messageProperty().get());
        wizard.model().treesProperty().set("10");
        assertTrue(wizard.next());
        wizard.protocol().foldsProperty().set("1");
        assertFalse(wizard.next());
        assertEquals("evaluation folds must be at least 2, got 1", wizard.messageProperty().get());
    }

    @Test
    void aRunFillsTheLiveMatrixFoldByFoldThenKeepsTheRunAndSavesTheModel() throws Exception {
        fillPages();
        List<Boolean> resultsPresentAtLiveUpdate = new ArrayList<>();
        wizard.run().liveConfusionProperty().addListener((observable, before, after) ->
                resultsPresentAtLiveUpdate.add(wizard.outcomeProperty().get() != null));
        wizard.start();

        assertEquals(List.of(1, 2, 3, 4, 5, 6), wizard.run().liveUpdates());
        assertEquals(List.of(false, false, false, false, false, false), resultsPresentAtLiveUpdate,
                "every live update came before the run ended");
        assertEquals(TrainingWizardViewModel.Page.RESULTS, wizard.pageProperty().get());
        assertFalse(wizard.run().runningProperty().get());
        assertEquals(1.0, wizard.run().progressProperty().get(), 0.0);
        assertEquals(12 * 2, wizard.run().liveConfusionProperty().get().total());
        assertEquals(wizard.outcomeProperty().get().evaluation().confusion(), wizard.run().liveConfusionProperty().get());
        assertEquals(1, store.list().size());
        assertEquals(store.list(), wizard.pastRuns());
        assertEquals(5, wizard.experimentProperty().get().settings().seed());
        assertEquals(Preset.RANDOM_FOREST, wizard.experimentProperty().get().settings().model().preset());

        wizard.selectCell(0, 0);
        List<Prediction> cell = List.copyOf(wizard.cellPredictions());
        assertEquals(wizard.outcomeProperty().get().evaluation().cell(0, 0), cell);
        assertTrue(wizard.cellTitleProperty().get().endsWith("of class murmur predicted murmur"),
                wizard.cellTitleProperty().get());
        wizard.openRecording(cell.get(0));
        assertEquals(List.of(collectionRoot.resolve(cell.get(0).id() + ".wav")), link.shown);

        Path modelFile = folder.resolve("model.auscult");
        wizard.saveModel(modelFile, false);
        assertTrue(Files.exists(modelFile));
        assertEquals(modelFile.toAbsolutePath().toString(), store.list().get(0).modelPath());
        assertEquals(List.of("murmur", "normal"), ModelFile.load(modelFile).classNames());
        long size = Files.size(modelFile);
        Files.writeString(modelFile, "the user's own file");
        wizard.saveModel(modelFile, false);
        assertEquals(modelFile + " exists already; it was not replaced.", wizard.messageProperty().get());
        assertEquals("the user's own file", Files.readString(modelFile));
        wizard.saveModel(modelFile, true);
        assertEquals(size, Files.size(modelFile));

        wizard.useAsActiveModel();
        assertNotNull(link.model);
        assertEquals("model.auscult", link.model.source());
        assertEquals(wizard.outcomeProperty().get().model(), link.model.model());
    }

    @Test
    void cancellingARunLeavesEverythingAsItWas() throws Exception {
        fillPages();
        wizard.start();
        var previous = wizard.outcomeProperty().get();
        var previousRuns = List.copyOf(wizard.pastRuns());
        LoadedModel before = link.model;

        // Cancel as soon as the second run has analysed its first recording.
        wizard.run().stageProperty().addListener((observable, old, text) -> {
            if (text.startsWith("Features: 1 of")) {
                wizard.cancel();
            }
        });
        wizard.start();

        assertFalse(wizard.run().runningProperty().get());
        assertEquals("Cancelled: nothing was kept.", wizard.run().stageProperty().get());
        assertNull(wizard.run().liveConfusionProperty().get());
        assertEquals(previous, wizard.outcomeProperty().get());
        assertEquals(previousRuns, wizard.pastRuns());
        assertEquals(1, store.list().size(), "the cancelled run was not kept");
        assertEquals(before, link.model);
        assertEquals(TrainingWizardViewModel.Page.RUN, wizard.pageProperty().get());
    }

    @Test
    void featureImportanceRanksEveryFeatureAndShowsADistributionPerClass() {
        fillPages();
        wizard.start();
        wizard.importance().computeImportance();
        int features = wizard.outcomeProperty().get().data().featureNames().size();
        assertEquals(features, wizard.importance().informationGain().size());
        assertEquals(features, wizard.importance().permutation().size());
        assertFalse(wizard.importance().importanceRunningProperty().get());
        var distribution = wizard.importance().distributionProperty().get();
        assertEquals(wizard.importance().permutation().get(0).feature(), distribution.feature());
        assertEquals(6, distribution.valuesPerClass().get("murmur").length);
        assertEquals(6, distribution.valuesPerClass().get("normal").length);

        wizard.selectCell(1, 1);
        wizard.importance().chooseFeature("mfcc_02_mean");
        var curve = wizard.importance().frameCurveProperty().get();
        assertEquals("mfcc_02", curve.column());
        assertEquals(wizard.cellPredictions().get(0).id(), curve.recording());
        assertEquals(1 + 10_000 / 64, curve.values().length, "2.5 s at 4 kHz, centred frames every 64 samples");
        assertEquals(64 / 4000.0, curve.seconds()[1] - curve.seconds()[0], 1e-12);
        double mean = java.util.Arrays.stream(curve.values()).average().orElseThrow();
        int row = java.util.Arrays.asList(wizard.outcomeProperty().get().data().ids()).indexOf(curve.recording());
        int column = wizard.outcomeProperty().get().data().featureNames().indexOf("mfcc_02_mean");
        assertEquals(wizard.outcomeProperty().get().data().row(row)[column], mean, 1e-9,
                "the curve is the one the summary value was computed from");
        wizard.importance().chooseFeature("zcr_std");
        assertEquals("zcr", wizard.importance().frameCurveProperty().get().column());
    }

    @Test
    void aSummaryNameLeadsBackToItsFrameColumn() {
        var config = org.auscult.features.FeatureConfig.defaults();
        assertEquals(List.of("mfcc", "mfcc_13"),
                List.of(FeatureImportanceViewModel.frameSource(config, "mfcc_13_std")));
        assertEquals(List.of("spectral_centroid", "spectral_centroid"),
                List.of(FeatureImportanceViewModel.frameSource(config, "spectral_centroid_mean")));
        assertNull(FeatureImportanceViewModel.frameSource(config, "rhythm_heart_rate"));
    }

    @Test
    void aPastRunsSettingsFillThePagesToRepeatIt() {
        fillPages();
        wizard.model().presetProperty().set(Preset.SMO);
        wizard.model().smoComplexityProperty().set("2.5");
        var settings = wizard.settings();
        createWizard();
        wizard.applySettings(settings);
        assertEquals(settings, wizard.settings());
    }

    /** Opens the generated collection as PASCAL would give it, two recordings of each class written noisy. */
    private void openNoisyCollection() throws Exception {
        link.open = SyntheticCollection.withNoisyLabels(new CollectionImporter().importCollection(collectionRoot,
                ImportOptions.defaults()), 2);
        wizard.data().useWorkstationCollection();
    }

    @Test
    void keepingNoisyLabelsApartIsOfferedOnlyForACollectionThatHasThem() throws Exception {
        wizard.data().openCollection(collectionRoot);
        assertFalse(wizard.data().noisyLabelsOffered());
        assertEquals(0, wizard.data().noisyRecordingsProperty().get());
        assertEquals("", wizard.data().noisyRecordingsNoteProperty().get());

        openNoisyCollection();
        assertTrue(wizard.data().noisyLabelsOffered());
        assertEquals(4, wizard.data().noisyRecordingsProperty().get());
        assertEquals("2 noisymurmur and 2 noisynormal recordings are counted as murmur / normal.",
                wizard.data().noisyRecordingsNoteProperty().get());
        assertEquals(java.util.Map.of("murmur", 6, "normal", 6), wizard.data().summaryProperty().get().classCounts(),
                "the data page still counts the classes the model answers in");
        assertEquals(TrainingLabels.pascalNoisyApart(), wizard.settings().labels(),
                "the default recipe keeps them apart");

        wizard.data().noisyLabelsApartProperty().set(false);
        assertEquals(TrainingLabels.AS_IMPORTED, wizard.settings().labels());
        wizard.data().noisyLabelsApartProperty().set(true);
        assertEquals(TrainingLabels.pascalNoisyApart(), wizard.settings().labels());
        wizard.data().noisyLabelsApartProperty().set(false);
        assertEquals(TrainingLabels.AS_IMPORTED, wizard.settings().labels());

        wizard.data().noisyLabelsApartProperty().set(true);
        wizard.data().openCollection(collectionRoot);
        assertFalse(wizard.data().noisyLabelsApartProperty().get(), "nothing to keep apart in the new collection");
        assertEquals(TrainingLabels.AS_IMPORTED, wizard.settings().labels());
    }

    @Test
    void aRunWithNoisyLabelsApartTrainsOnTheFineLabelsAndAnswersInTheCoarseOnes() throws Exception {
        openNoisyCollection();
        wizard.data().noisyLabelsApartProperty().set(true);
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.model().treesProperty().set("10");
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.protocol().foldsProperty().set("3");
        wizard.protocol().repeatsProperty().set("2");
        wizard.protocol().seedProperty().set("5");
        wizard.start();

        var outcome = wizard.outcomeProperty().get();
        assertNotNull(outcome, wizard.messageProperty().get());
        assertEquals(java.util.Map.of("murmur", 4, "noisymurmur", 2, "noisynormal", 2, "normal", 4),
                outcome.data().classCountsByName());
        assertEquals(List.of("murmur", "normal"), outcome.model().classNames());
        assertEquals(List.of("murmur", "normal"), wizard.run().liveConfusionProperty().get().classNames());
        assertEquals(outcome.evaluation().confusion(), wizard.run().liveConfusionProperty().get());
        assertEquals(TrainingLabels.pascalNoisyApart(), store.list().get(0).settings().labels());
        assertTrue(store.list().get(0).describe().contains("noisy labels apart"), store.list().get(0).describe());
        Path modelFile = folder.resolve("noisy-apart.auscult");
        wizard.saveModel(modelFile, false);
        assertEquals(List.of("murmur", "normal"), ModelFile.load(modelFile).classNames());
        assertEquals(java.util.Map.of("murmur", 6, "normal", 6), link.open.classCounts(),
                "the workstation's collection keeps its labels");

        // a past run with the choice fills the check box again, and repeats with the same numbers
        var past = store.list().get(0);
        // another store: with the fixed clock, the repeat has the id of the run it repeats
        store = new ExperimentStore(folder.resolve("repeats"));
        wizard = new TrainingWizardViewModel(new CurrentThreadTaskExecutor(), Runnable::run, store, link,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), 2, 2);
        openNoisyCollection();
        wizard.data().noisyLabelsApartProperty().set(false);
        wizard.applySettings(past.settings());
        assertTrue(wizard.data().noisyLabelsApartProperty().get());
        assertEquals(past.settings(), wizard.settings());
        wizard.start();
        assertNotNull(wizard.experimentProperty().get(), wizard.messageProperty().get());
        assertEquals(past.confusion(), wizard.experimentProperty().get().confusion());
        assertEquals(past.dataFingerprint(), wizard.experimentProperty().get().dataFingerprint());
    }

    @Test
    void aPastRunWithoutTheChoiceClearsTheCheckBox() throws Exception {
        openNoisyCollection();
        wizard.data().noisyLabelsApartProperty().set(true);
        wizard.applySettings(ExperimentSettings.defaults());
        assertFalse(wizard.data().noisyLabelsApartProperty().get());
        assertEquals(TrainingLabels.AS_IMPORTED, wizard.settings().labels());
    }

    @Test
    void theFirstChoicesSegmentTheCyclesAsTheRecipeDoesAndAPastRunAsItDid() {
        assertEquals(org.auscult.experiments.DefaultRecipe.analysis(), wizard.settings().analysis());
        assertEquals(org.auscult.features.CycleEmission.TRAINED,
                wizard.settings().analysis().features().cycleEmission());
        wizard.applySettings(ExperimentSettings.defaults());
        assertEquals(org.auscult.features.CycleEmission.HAND_SET,
                wizard.settings().analysis().features().cycleEmission());
    }

    @Test
    void aValidationMessageFollowsTheValueAsItIsTypedAndGoesOnceItIsValid() {
        wizard.data().openCollection(collectionRoot);
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertEquals(TrainingWizardViewModel.Page.PROTOCOL, wizard.pageProperty().get());

        wizard.protocol().foldsProperty().set("1");
        assertEquals("evaluation folds must be at least 2, got 1", wizard.messageProperty().get(),
                "said as the value is typed");
        assertFalse(wizard.next());
        assertEquals("evaluation folds must be at least 2, got 1", wizard.messageProperty().get());
        wizard.protocol().foldsProperty().set("x");
        assertEquals("Folds must be a whole number, got 'x'", wizard.messageProperty().get());
        wizard.protocol().foldsProperty().set("3");
        assertEquals("", wizard.messageProperty().get(), "gone once the value is valid");
        assertEquals("", wizard.problemProperty().get());

        wizard.back();
        wizard.model().treesProperty().set("0");
        assertEquals("random forest trees must be at least 1, got 0", wizard.messageProperty().get());
        wizard.model().treesProperty().set("12");
        assertEquals("", wizard.messageProperty().get());
        wizard.messageProperty().set("The workstation now gives verdicts with this model.");
        wizard.model().treesProperty().set("13");
        assertEquals("The workstation now gives verdicts with this model.", wizard.messageProperty().get(),
                "a message that is not about the values stays");
    }

    @Test
    void onlyTheSettingsTheChosenDesignReadsApplyAndAreRead() {
        Set<ModelPageViewModel.Setting> all = EnumSet.allOf(ModelPageViewModel.Setting.class);
        Map<Preset, Set<ModelPageViewModel.Setting>> reads = Map.of(
                Preset.RANDOM_FOREST, EnumSet.of(ModelPageViewModel.Setting.TREES),
                Preset.SMO, EnumSet.of(ModelPageViewModel.Setting.SMO_COMPLEXITY),
                Preset.LOGITBOOST, EnumSet.of(ModelPageViewModel.Setting.BOOSTING_ITERATIONS),
                Preset.ADABOOST, EnumSet.of(ModelPageViewModel.Setting.BOOSTING_ITERATIONS),
                Preset.STACKED, all,
                Preset.VOTING, EnumSet.complementOf(EnumSet.of(ModelPageViewModel.Setting.STACKING_FOLDS)));
        for (Preset design : ModelPageViewModel.PRESETS) {
            wizard.model().presetProperty().set(design);
            for (ModelPageViewModel.Setting setting : all) {
                assertEquals(reads.get(design).contains(setting),
                        wizard.model().appliesProperty(setting).get(), design + " " + setting);
            }
        }
        // A hidden field is neither read nor a problem.
        wizard.model().presetProperty().set(Preset.SMO);
        wizard.model().treesProperty().set("0");
        wizard.model().stackingFoldsProperty().set("");
        assertNull(wizard.problemOf(TrainingWizardViewModel.Page.MODEL));
        assertEquals(org.auscult.experiments.DefaultRecipe.model().forest().trees(),
                wizard.model().modelSpec().forest().trees());
        wizard.model().presetProperty().set(Preset.RANDOM_FOREST);
        assertEquals("random forest trees must be at least 1, got 0",
                wizard.problemOf(TrainingWizardViewModel.Page.MODEL));
        wizard.model().treesProperty().set("10");

        wizard.protocol().foldsProperty().set("1");
        for (org.auscult.learn.Protocol protocol : ProtocolPageViewModel.PROTOCOLS) {
            wizard.protocol().protocolProperty().set(protocol);
            boolean grouped = protocol == org.auscult.learn.Protocol.GROUPED_CV;
            assertEquals(grouped, wizard.protocol().foldsApplyProperty().get(), protocol.toString());
            assertEquals(grouped, wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL) != null,
                    protocol.toString());
        }
    }

    @Test
    void designsProtocolsRunsAndCollectionsAreNamedForPeople() {
        assertEquals("Random forest", Preset.RANDOM_FOREST.forPeople());
        assertEquals("Cross-validation grouped by patient", org.auscult.learn.Protocol.GROUPED_CV.forPeople());
        assertEquals("Leave one source out", org.auscult.learn.Protocol.LEAVE_SOURCE_OUT.forPeople());
        assertEquals("Source and class weights (several devices)", Balancing.SOURCE_AND_CLASS.forPeople());
        for (Enum<?>[] constants : List.<Enum<?>[]>of(Preset.values(), org.auscult.learn.Protocol.values(),
                Balancing.values())) {
            List<String> names = new ArrayList<>();
            for (Enum<?> constant : constants) {
                String forPeople = constant instanceof Preset p ? p.forPeople()
                        : constant instanceof org.auscult.learn.Protocol p ? p.forPeople()
                        : ((Balancing) constant).forPeople();
                assertFalse(forPeople.contains("_"), forPeople);
                assertTrue(Character.isUpperCase(forPeople.charAt(0)), forPeople);
                names.add(forPeople);
            }
            assertEquals(constants.length, names.stream().distinct().count(), names.toString());
        }

        fillPages();
        wizard.start();
        assertEquals("Random forest, source and class weights (several devices); cross-validation grouped by "
                + "patient, 3 folds × 2 repeats, seed 5", wizard.experimentProperty().get().describeForPeople());
        assertEquals("Folder-per-class collection at " + collectionRoot, wizard.data().collectionLine());
        wizard.selectCell(0, 1);
        assertTrue(wizard.cellTitleProperty().get().matches("\\d+ recordings? of class murmur predicted normal"),
                wizard.cellTitleProperty().get());
    }

    @Test
    void everyBalancingIsOfferedWithItsOwnLabel() {
        assertEquals(List.of(Balancing.values()), ModelPageViewModel.BALANCINGS);
        assertEquals("Calibrated thresholds",
                ModelPageViewModel.balancingLabel(Balancing.CALIBRATED_THRESHOLDS));
        assertEquals(Balancing.values().length, ModelPageViewModel.BALANCINGS.stream()
                .map(ModelPageViewModel::balancingLabel).distinct().count());
    }

    @Test
    void calibratedThresholdsChosenInTheWizardReachTheModel() {
        fillPages();
        wizard.model().balancingProperty().set(Balancing.CALIBRATED_THRESHOLDS);
        var settings = wizard.settings();
        createWizard();
        wizard.applySettings(settings);
        assertEquals(Balancing.CALIBRATED_THRESHOLDS, wizard.model().balancingProperty().get());
    }
}
