package org.auscult.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.auscult.dsp.ParameterException;
import org.auscult.learn.Cancellation;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.FoldListener;
import org.auscult.learn.FoldResult;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.Protocol;
import org.auscult.learn.RandomForestOptions;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run from a generated collection, kept, read back and repeated with the same seed: the same numbers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExperimentRunnerTest {

    @TempDir
    static Path folder;

    private static RecordingCollection collection;

    static final ExperimentSettings FAST = ExperimentSettings.defaults()
            .withSeed(3);

    static ExperimentSettings fast() {
        return new ExperimentSettings(FAST.analysis(),
                ModelSpec.of(Preset.RANDOM_FOREST).withForest(RandomForestOptions.DEFAULTS.withTrees(10)),
                new EvaluationOptions(Protocol.GROUPED_CV, 3, 2, 1, 2)).withSeed(3);
    }

    @BeforeAll
    static void writeCollection() throws Exception {
        Path root = SyntheticCollection.write(folder.resolve("collection"), 6, 2.5, 42);
        collection = new CollectionImporter().importCollection(root, ImportOptions.defaults());
    }

    private static ExperimentRunner runner() {
        return new ExperimentRunner(2, Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC));
    }

    @Test
    void aModelKeepsAPatientsThresholdOnlyWhenItsDataHaveEnoughPatients() throws Exception {
        // the bundled samples: eight CirCor patients with a murmur and eight without, fewer than the threshold needs
        RecordingCollection samples = new CollectionImporter().importCollection(Path.of("sample-recordings/circor"),
                ImportOptions.defaults());
        assertEquals(16, PatientStatuses.of(List.of(samples)).size());
        ExperimentRunner.Outcome outcome = runner().run(samples, fast(), (stage, done, total) -> { },
                FoldListener.NONE, new Cancellation());
        assertEquals(null, outcome.model().followUpScreen(), "too few patients: fitted for the recordings on load");
        ExperimentRunner.Outcome synthetic = runner().run(collection, fast(), (stage, done, total) -> { },
                FoldListener.NONE, new Cancellation());
        assertEquals(null, synthetic.model().followUpScreen(), "no patient status: fitted for the recordings on load");
    }

    @Test
    void aRunKeptAndRepeatedWithItsSettingsGivesTheSameNumbers() throws Exception {
        List<FoldResult> folds = new ArrayList<>();
        List<ExperimentRunner.Stage> stages = new ArrayList<>();
        ExperimentRunner.Outcome first = runner().run(collection, fast(), (stage, done, total) -> {
            if (stages.isEmpty() || stages.get(stages.size() - 1) != stage) {
                stages.add(stage);
            }
        }, folds::add, new Cancellation());
        assertEquals(List.of(ExperimentRunner.Stage.FEATURES, ExperimentRunner.Stage.EVALUATION,
                ExperimentRunner.Stage.FINAL_MODEL), stages);
        assertEquals(6, folds.size(), "3 folds x 2 repeats, each published");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), folds.stream().map(FoldResult::completed).toList());
        assertEquals(24, first.evaluation().predictions().size(), "12 recordings x 2 repeats");
        assertTrue(first.evaluation().accuracy() >= 0.75, first.evaluation().toTable());
        assertEquals(List.of("murmur", "normal"), first.model().classNames());
        // the model knows its 12 training recordings' rate, so a verdict can say when a recording is unlike them
        assertEquals(12, first.model().trainingProfile().orElseThrow().recordingsWithFacts());
        assertEquals(java.util.Map.of(SyntheticCollection.SAMPLE_RATE, 12),
                first.model().trainingProfile().orElseThrow().sampleRates());

        ExperimentStore store = new ExperimentStore(folder.resolve("experiments"));
        Path file = store.save(first.experiment());
        assertEquals("20260102-030405-678-" + first.experiment().dataFingerprint().substring(0, 8) + ".properties",
                file.getFileName().toString());
        Experiment kept = store.list().get(0);
        assertEquals(first.experiment(), kept);
        assertEquals(fast(), kept.settings());

        ExperimentRunner.Outcome again = runner().run(collection, kept.settings(), (stage, done, total) -> { },
                FoldListener.NONE, new Cancellation());
        assertEquals(first.evaluation().withWallTime(0), again.evaluation().withWallTime(0));
        assertEquals(kept.dataFingerprint(), again.experiment().dataFingerprint());
        assertEquals(kept.confusion(), again.experiment().confusion());
        assertEquals(kept.accuracy(), again.experiment().accuracy(), 0.0);
        assertEquals(kept.macroF1(), again.experiment().macroF1(), 0.0);

        ExperimentRunner.Outcome otherSeed = runner().run(collection, kept.settings().withSeed(4),
                (stage, done, total) -> { }, FoldListener.NONE, new Cancellation());
        assertTrue(!otherSeed.evaluation().withWallTime(0).equals(first.evaluation().withWallTime(0)),
                "another seed shuffles the folds differently");
    }

    @Test
    void noisyLabelsKeptApartAreTrainedOnAndTheAnswersAndScoresAreInTheCoarseClasses() throws Exception {
        RecordingCollection noisy = SyntheticCollection.withNoisyLabels(collection, 2);
        ExperimentSettings settings = fast().withLabels(TrainingLabels.pascalNoisyApart());
        List<FoldResult> folds = new ArrayList<>();
        ExperimentRunner.Outcome merged = runner().run(noisy, settings, (stage, done, total) -> { }, folds::add,
                new Cancellation());

        assertEquals(java.util.Map.of("murmur", 4, "noisymurmur", 2, "noisynormal", 2, "normal", 4),
                merged.data().classCountsByName(), "trained on the fine labels");
        assertEquals(List.of("murmur", "normal"), merged.model().classNames(), "answers in the coarse ones");
        assertEquals(List.of("murmur", "normal"), merged.model().evaluation().classNames());
        assertEquals(List.of("murmur", "normal"), merged.evaluation().classNames());
        assertEquals(merged.evaluation().confusion(), merged.experiment().confusion());
        assertEquals(merged.evaluation().confusion(), merged.model().evaluation().confusion());
        assertEquals(24, merged.experiment().confusion().total());
        assertEquals(6, folds.size());
        assertTrue(folds.stream().allMatch(fold -> fold.partial().classNames().equals(List.of("murmur", "normal"))),
                "every published fold is scored in the coarse classes");
        assertEquals(merged.evaluation().confusion(), folds.get(5).partial().confusion());
        assertEquals(java.util.Map.of("murmur", 6, "normal", 6), noisy.classCounts(), "the collection is untouched");
        double[] posterior = merged.model().posterior(merged.data().row(0));
        assertEquals(2, posterior.length);
        assertEquals(1.0, posterior[0] + posterior[1], 1e-12);

        // merging is exactly the scoring of the fine run in the coarse classes
        ExperimentRunner.Outcome fine = runner().run(noisy, fast().withLabels(new TrainingLabels(true,
                java.util.Map.of())), (stage, done, total) -> { }, FoldListener.NONE, new Cancellation());
        assertEquals(List.of("murmur", "noisymurmur", "noisynormal", "normal"), fine.model().classNames());
        assertEquals(merged.data().fingerprint(), fine.data().fingerprint());
        assertEquals(fine.evaluation().mergeClasses(settings.labels().merge()).withWallTime(0),
                merged.evaluation().withWallTime(0));

        // kept and repeated from the store: the same labels, the same numbers
        ExperimentStore store = new ExperimentStore(folder.resolve("noisy-experiments"));
        store.save(merged.experiment());
        Experiment kept = store.list().get(0);
        assertEquals(settings, kept.settings());
        ExperimentRunner.Outcome again = runner().run(noisy, kept.settings(), (stage, done, total) -> { },
                FoldListener.NONE, new Cancellation());
        assertEquals(kept.confusion(), again.experiment().confusion());
        assertEquals(kept.dataFingerprint(), again.experiment().dataFingerprint());

        // the same settings without the labels train on the collection as imported
        ExperimentRunner.Outcome plain = runner().run(noisy, fast(), (stage, done, total) -> { },
                FoldListener.NONE, new Cancellation());
        assertEquals(List.of("murmur", "normal"), plain.data().classNames());
        assertTrue(!plain.data().fingerprint().equals(merged.data().fingerprint()));
    }

    @Test
    void aMergeOfAClassTheCollectionLacksIsRefusedBeforeAnyWork() {
        RecordingCollection noisy = SyntheticCollection.withNoisyLabels(collection, 2);
        ExperimentSettings mergeOnly = fast().withLabels(new TrainingLabels(false,
                TrainingLabels.pascalNoisyApart().merge()));
        List<ExperimentRunner.Stage> stages = new ArrayList<>();
        ParameterException refused = assertThrows(ParameterException.class, () -> runner().run(noisy, mergeOnly,
                (stage, done, total) -> stages.add(stage), FoldListener.NONE, new Cancellation()));
        assertTrue(refused.getMessage().startsWith("labels.merge names the classes [noisynormal, noisymurmur], "
                + "which the labelled recordings of " + noisy.root() + " do not have (their classes: [murmur, "
                + "normal])"), refused.getMessage());
        assertEquals(List.of(), stages, "no recording was analysed");
    }

    @Test
    void aCancelledRunThrowsAndProducesNothing() {
        Cancellation cancellation = new Cancellation();
        List<Integer> analysed = new ArrayList<>();
        assertThrows(CancellationException.class, () -> runner().run(collection, fast(), (stage, done, total) -> {
            if (stage == ExperimentRunner.Stage.FEATURES && done == 1) {
                cancellation.cancel();
            }
            analysed.add(done);
        }, FoldListener.NONE, cancellation));
        assertTrue(analysed.size() < 14, "stopped during feature extraction: " + analysed);
    }

    @Test
    void theStoreNeverReplacesAnotherRunAndUpdatesTheModelPath() throws Exception {
        ExperimentStore store = new ExperimentStore(folder.resolve("store-test"));
        Experiment experiment = ExperimentTest.sample("20260101-000000-000-abc");
        store.save(experiment);
        assertThrows(FileAlreadyExistsException.class, () -> store.save(experiment));
        store.update(experiment.withModelPath("/models/m.auscult"));
        assertEquals("/models/m.auscult", store.list().get(0).modelPath());
        Files.writeString(store.folder().resolve("broken.properties"), "id=broken\n");
        assertEquals(1, store.list().size(), "a damaged file is skipped");
        try (var files = Files.list(store.folder())) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theDefaultFolderFollowsTheSystemProperty() {
        String before = System.getProperty(ExperimentStore.FOLDER_PROPERTY);
        try {
            System.setProperty(ExperimentStore.FOLDER_PROPERTY, folder.resolve("elsewhere").toString());
            assertEquals(folder.resolve("elsewhere"), ExperimentStore.defaultFolder());
            System.clearProperty(ExperimentStore.FOLDER_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".auscult", "experiments"),
                    ExperimentStore.defaultFolder());
        } finally {
            if (before != null) {
                System.setProperty(ExperimentStore.FOLDER_PROPERTY, before);
            }
        }
    }
}
