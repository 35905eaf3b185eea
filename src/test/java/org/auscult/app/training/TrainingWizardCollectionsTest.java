package org.auscult.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.cli.AuscultCommand;
import org.auscult.experiments.Experiment;
import org.auscult.experiments.DataSummary;
import org.auscult.experiments.ExperimentStore;
import org.auscult.learn.Prediction;
import org.auscult.learn.Protocol;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard trains on several collections as {@code evaluate A B C} does: the workstation's CirCor samples first,
 * then a folder-per-class collection made of six of their recordings, combined by {@code Corpora}; driven
 * synchronously without the toolkit.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrainingWizardCollectionsTest {

    static final Path CIRCOR = Path.of("sample-recordings/circor");

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private static Path second;
    private static Path unlabelled;

    /** A workstation that records which collection each recording was shown from. */
    private static final class Link extends TrainingWizardViewModelTest.RecordingLink {
        final List<RecordingCollection> shownFrom = new ArrayList<>();

        @Override
        public void showRecording(RecordingCollection collection, Path recording) {
            super.showRecording(collection, recording);
            shownFrom.add(collection);
        }
    }

    private Link link;
    private ExperimentStore store;
    private TrainingWizardViewModel wizard;

    @BeforeAll
    static void writeCollections() throws Exception {
        second = writeSecondCollection(shared.resolve("second"));
        unlabelled = Files.createDirectories(shared.resolve("loose recordings"));
        Files.copy(CIRCOR.resolve("36327_MV.wav"), unlabelled.resolve("a.wav"));
    }

    /** A folder per class: three murmur and three normal recordings copied from the CirCor samples. */
    static Path writeSecondCollection(Path root) throws Exception {
        for (String murmur : List.of("36327_MV", "84863_AV", "77373_MV")) {
            Files.createDirectories(root.resolve("murmur"));
            Files.copy(CIRCOR.resolve(murmur + ".wav"), root.resolve("murmur").resolve("m" + murmur + ".wav"));
        }
        for (String normal : List.of("68705_MV", "68413_PV", "50049_PV")) {
            Files.createDirectories(root.resolve("normal"));
            Files.copy(CIRCOR.resolve(normal + ".wav"), root.resolve("normal").resolve("n" + normal + ".wav"));
        }
        return root;
    }

    @BeforeEach
    void openTheSamples() throws Exception {
        link = new Link();
        link.open = new CollectionImporter().importCollection(CIRCOR, ImportOptions.defaults());
        store = new ExperimentStore(folder.resolve("experiments"));
        // a clock that moves: two runs of one test are kept under different ids
        wizard = new TrainingWizardViewModel(new CurrentThreadTaskExecutor(), Runnable::run, store, link,
                Clock.systemUTC(), 2, 2);
        wizard.data().useWorkstationCollection();
        assertEquals(Map.of("murmur", 8, "normal", 8), wizard.data().summaryProperty().get().classCounts());
    }

    @Test
    void anAddedCollectionIsTrainedWithTheFirstAsOneAndRemovedAgain() {
        wizard.protocol().protocolProperty().set(Protocol.LEAVE_SOURCE_OUT);
        assertEquals("Leave one source out needs recordings from two sources or more; all of this collection's "
                + "recordings come from circor.", wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL));

        wizard.data().addCollection(second);

        assertEquals("", wizard.messageProperty().get());
        assertEquals(1, wizard.data().addedCollections().size());
        TrainingCollections collections = wizard.data().trainingCollectionsProperty().get();
        assertEquals(List.of(link.open.root(), second), collections.parts().stream()
                .map(RecordingCollection::root).toList(), "the workstation's collection stays first");
        DataSummary summary = wizard.data().summaryProperty().get();
        assertEquals(Map.of("murmur", 11, "normal", 11), summary.classCounts());
        assertEquals(Set.of("circor/circor", "second"), summary.sources().keySet());
        assertEquals(22, collections.combined().trainable().size());
        assertTrue(collections.combined().trainable().stream().map(Recording::id)
                .allMatch(id -> id.startsWith("circor/") || id.startsWith("second/")));
        assertNull(wizard.problemOf(TrainingWizardViewModel.Page.PROTOCOL), "two sources now");
        assertEquals(CIRCOR.toAbsolutePath().normalize() + " + " + second.toAbsolutePath().normalize(),
                collections.name());

        wizard.data().removeCollection(wizard.data().addedCollections().get(0));

        assertEquals(List.of(), wizard.data().addedCollections());
        assertEquals(Map.of("murmur", 8, "normal", 8), wizard.data().summaryProperty().get().classCounts());
        assertSame(link.open, wizard.data().trainingCollectionsProperty().get().combined(),
                "one collection is trained on as it is");
    }

    @Test
    void whatIsNotALabelledCollectionIsRefusedByNameAndChangesNothing() {
        DataSummary before = wizard.data().summaryProperty().get();

        wizard.data().addCollection(unlabelled);
        assertEquals("Cannot add " + unlabelled + ": not a labelled collection (a folder per class, or a label "
                + "file in a known layout: see the README's 'Data formats').", wizard.messageProperty().get());
        wizard.data().addCollection(shared.resolve("nowhere"));
        assertEquals("Cannot add " + shared.resolve("nowhere") + ": no such file or folder.",
                wizard.messageProperty().get());
        wizard.data().addCollection(CIRCOR);
        assertEquals(CIRCOR + " is already among the collections trained on.", wizard.messageProperty().get());

        assertEquals(List.of(), wizard.data().addedCollections());
        assertSame(before, wizard.data().summaryProperty().get());
        assertEquals(1, wizard.data().trainingCollectionsProperty().get().parts().size());
        assertEquals(false, wizard.data().summarisingProperty().get());
    }

    @Test
    void aRunOnTwoCollectionsIsNamedAfterBothAndShowsPerSourceAndPatientFigures() throws Exception {
        wizard.data().addCollection(second);
        assertTrue(wizard.next(), wizard.messageProperty().get());
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.model().treesProperty().set("10");
        assertTrue(wizard.next(), wizard.messageProperty().get());
        wizard.protocol().foldsProperty().set("3");
        wizard.protocol().repeatsProperty().set("1");

        wizard.start();

        var outcome = wizard.outcomeProperty().get();
        assertNotNull(outcome, wizard.messageProperty().get());
        assertEquals(22, outcome.data().size());
        assertEquals(List.of("circor/circor", "second"), outcome.data().distinctSources());
        assertEquals(CIRCOR.toAbsolutePath().normalize() + " + " + second.toAbsolutePath().normalize(),
                store.list().get(0).collection());
        ResultFiguresViewModel.Figures figures = wizard.figures().figuresProperty().get();
        assertEquals(List.of("circor/circor", "second", "all"), figures.perSource().rows().stream()
                .map(org.auscult.learn.PerSourceReport.Row::source).toList());
        assertEquals(2, figures.patientLines().size(), figures.patientLines().toString());
        for (String line : figures.patientLines()) {
            // the 16 CirCor patients are scored; the other collection's recordings have no patient status
            assertTrue(line.contains(" of 8 with a murmur called present, ") && line.contains(" of 8 without "),
                    line);
        }

        // A recording of the added collection opens from that collection.
        Prediction ofSecond = outcome.evaluation().predictions().stream()
                .filter(prediction -> prediction.id().startsWith("second/")).findFirst().orElseThrow();
        wizard.openRecording(ofSecond);
        assertEquals(second, link.shownFrom.get(0).root());
        assertTrue(link.shown.get(0).startsWith(second), link.shown.toString());

        // Leave one source out runs on the combined sources: trained on one collection, scored on the other.
        wizard.protocol().protocolProperty().set(Protocol.LEAVE_SOURCE_OUT);
        wizard.start();
        var bySource = wizard.outcomeProperty().get();
        assertEquals(Protocol.LEAVE_SOURCE_OUT, bySource.experiment().settings().evaluation().protocol());
        assertEquals(22, bySource.evaluation().predictions().size(), "every recording scored once");
        assertEquals(2, bySource.evaluation().predictions().stream().map(Prediction::fold).distinct().count(),
                "one fold per source");
    }

    @Test
    void theWizardOnTwoCollectionsGivesWhatEvaluateGivesOnTheSameTwo() throws Exception {
        Path recordedBy = folder.resolve("command-line-experiments");
        String before = System.getProperty(ExperimentStore.FOLDER_PROPERTY);
        System.setProperty(ExperimentStore.FOLDER_PROPERTY, recordedBy.toString());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        try {
            int exit = AuscultCommand.newCommandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(err))
                    .execute("evaluate", CIRCOR.toString(), second.toString(), "--folds", "3", "--repeats", "1",
                            "--no-source-check");
            assertEquals(0, exit, err.toString());
        } finally {
            if (before == null) {
                System.clearProperty(ExperimentStore.FOLDER_PROPERTY);
            } else {
                System.setProperty(ExperimentStore.FOLDER_PROPERTY, before);
            }
        }
        Experiment recorded = new ExperimentStore(recordedBy).list().get(0);

        wizard.data().addCollection(second);
        wizard.applySettings(recorded.settings());
        wizard.start();

        Experiment again = wizard.experimentProperty().get();
        assertNotNull(again, wizard.messageProperty().get());
        assertEquals(recorded.collection(), again.collection());
        assertEquals(recorded.settings(), again.settings());
        assertEquals(recorded.dataFingerprint(), again.dataFingerprint());
        assertEquals(recorded.confusion(), again.confusion());
    }
}
