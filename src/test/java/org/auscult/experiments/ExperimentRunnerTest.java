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
