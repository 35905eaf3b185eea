package org.auscult.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.task.TaskRun;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.Murmur;
import org.auscult.learn.PatientMurmurReport;
import org.auscult.learn.PerSourceReport;
import org.auscult.learn.Prediction;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.Test;

/**
 * The Results page's per-source and patient-level figures, from an evaluation built by hand on two collections
 * combined as the wizard combines them: a CirCor one (patients with a murmur status) and a folder-per-class one.
 */
class ResultFiguresViewModelTest {

    private static final List<String> CLASSES = List.of("murmur", "normal");

    private final StringProperty message = new SimpleStringProperty("");

    private static Recording recording(String folder, String id, String label, String original, String patient,
                                       String source) {
        return new Recording(Path.of(folder, id + ".wav"), id, Optional.of(label), original, patient, source,
                Map.of());
    }

    /** CirCor: p1 (murmur, two sites), p2 (murmur), p3, p4 (no murmur); then three recordings of another source. */
    private static TrainingCollections twoCollections() {
        RecordingCollection circor = new RecordingCollection(Path.of("/data/circor"), Layout.CIRCOR_2022, List.of(
                recording("/data/circor", "p1_AV", "murmur", "present", "p1", "circor"),
                recording("/data/circor", "p1_MV", "murmur", "present", "p1", "circor"),
                recording("/data/circor", "p2_AV", "murmur", "present", "p2", "circor"),
                recording("/data/circor", "p3_AV", "normal", "absent", "p3", "circor"),
                recording("/data/circor", "p4_AV", "normal", "absent", "p4", "circor")), List.of());
        RecordingCollection other = new RecordingCollection(Path.of("/data/other"), Layout.FOLDER_PER_CLASS, List.of(
                recording("/data/other", "o1", "murmur", "murmur", "o1", ""),
                recording("/data/other", "o2", "normal", "normal", "o2", ""),
                recording("/data/other", "o3", "normal", "normal", "o3", "")), List.of());
        return TrainingCollections.of(List.of(circor, other));
    }

    /** A run's outcome on every recording of {@code collections}: P(murmur) and fold of each, in id order. */
    private static ExperimentRunner.Outcome outcome(TrainingCollections collections, double[] murmur, int[] fold) {
        List<Recording> rows = collections.combined().trainable();
        int n = rows.size();
        int[] truth = new int[n];
        String[] ids = new String[n];
        String[] groups = new String[n];
        String[] sources = new String[n];
        List<Prediction> predictions = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            Recording recording = rows.get(row);
            truth[row] = CLASSES.indexOf(recording.label().orElseThrow());
            ids[row] = recording.id();
            groups[row] = recording.patient();
            sources[row] = recording.source();
            predictions.add(Prediction.of(0, fold[row], row, ids[row], truth[row],
                    new double[] {murmur[row], 1 - murmur[row]}));
        }
        LabelledDataset data = new LabelledDataset(List.of("f"), CLASSES, new double[n][1], truth, ids, groups,
                sources);
        return new ExperimentRunner.Outcome(null, List.of(), data, new EvaluationResult("t", CLASSES, predictions, 0),
                null, null);
    }

    // rows in id order: circor/p1_AV, circor/p1_MV, circor/p2_AV, circor/p3_AV, circor/p4_AV, other/o1, other/o2,
    // other/o3. p1 is found at MV only, p2 missed, p3 right, p4 over-called; the other source is all right. In each
    // fold a recording with a murmur scores highest, so each fold's follow-up threshold fits on the other.
    private static final double[] MURMUR = {0.3, 0.8, 0.4, 0.2, 0.6, 0.9, 0.1, 0.45};
    private static final int[] FOLD = {0, 1, 0, 0, 1, 1, 0, 1};

    @Test
    void severalSourcesAndCirCorPatientsGiveTheTableAndBothPatientLines() {
        TrainingCollections collections = twoCollections();
        assertEquals(Map.of("circor/p1_AV", Murmur.PRESENT, "circor/p1_MV", Murmur.PRESENT,
                "circor/p2_AV", Murmur.PRESENT, "circor/p3_AV", Murmur.ABSENT, "circor/p4_AV", Murmur.ABSENT),
                collections.patientStatuses(), "the statuses are keyed by the combined ids; the other has none");
        ExperimentRunner.Outcome outcome = outcome(collections, MURMUR, FOLD);
        ResultFiguresViewModel figures = new ResultFiguresViewModel(new CurrentThreadTaskExecutor(), message);
        assertFalse(figures.figuresProperty().get().any(), "nothing before a run");

        figures.show(outcome, collections);

        ResultFiguresViewModel.Figures shown = figures.figuresProperty().get();
        PerSourceReport perSource = shown.perSource();
        assertEquals(List.of("circor/circor", "other", "all"),
                perSource.rows().stream().map(PerSourceReport.Row::source).toList());
        assertEquals(List.of(5, 3, 8), perSource.rows().stream().map(PerSourceReport.Row::recordings).toList());
        assertEquals(2 / 5.0, perSource.rows().get(0).accuracy(), 1e-12, "p1_MV and p3 right");
        assertEquals(1.0, perSource.rows().get(1).accuracy(), 1e-12);

        assertEquals(2, shown.patientLines().size(), shown.patientLines().toString());
        // present: p1 found, p2 missed; absent: p3 right, p4 wrong: (5 + 1) / (5 * 2 + 1 * 2)
        assertEquals("Patients (murmur present if any recording is predicted murmur): 1 of 2 with a murmur called "
                + "present, 1 of 2 without called absent; weighted accuracy (5 present, 1 absent) 0.500",
                shown.patientLines().get(0));
        assertEquals(PatientMurmurReport.byFollowUp(outcome.evaluation(), outcome.data(),
                collections.patientStatuses()).orElseThrow().toText().strip(), shown.patientLines().get(1));
        assertTrue(shown.patientLines().get(1).startsWith("Patients (present if any recording needs follow-up"),
                shown.patientLines().get(1));
        assertEquals("Per source and patient", shown.title());
        assertTrue(shown.screenLine().startsWith("Screen columns: follow-up at p_follow_up "), shown.screenLine());
        assertEquals("", message.get());
    }

    @Test
    void oneSourceWithoutCirCorShowsNothing() {
        RecordingCollection other = twoCollections().parts().get(1);
        TrainingCollections collections = TrainingCollections.of(List.of(other));
        assertEquals(Map.of(), collections.patientStatuses());
        ResultFiguresViewModel figures = new ResultFiguresViewModel(new CurrentThreadTaskExecutor(), message);

        figures.show(outcome(collections, new double[] {0.9, 0.1, 0.45}, new int[] {0, 1, 1}), collections);

        assertNull(figures.figuresProperty().get().perSource());
        assertEquals(List.of(), figures.figuresProperty().get().patientLines());
        assertFalse(figures.figuresProperty().get().any());
    }

    @Test
    void cirCorAloneGivesThePatientLinesOnly() {
        RecordingCollection circor = twoCollections().parts().get(0);
        TrainingCollections collections = TrainingCollections.of(List.of(circor));
        assertEquals(Murmur.PRESENT, collections.patientStatuses().get("p1_AV"), "one collection: ids as they are");

        ExperimentRunner.Outcome outcome = outcome(collections, new double[] {0.3, 0.8, 0.4, 0.2, 0.6},
                new int[] {0, 1, 0, 1, 0});

        ResultFiguresViewModel.Figures figures = ResultFiguresViewModel.Figures.of(outcome.evaluation(),
                outcome.data(), collections.patientStatuses());

        assertNull(figures.perSource(), "one source");
        assertTrue(figures.patientLines().get(0).endsWith("weighted accuracy (5 present, 1 absent) 0.500"),
                figures.patientLines().toString());
        assertEquals("Patients", figures.title());
        assertEquals("", figures.screenLine());
    }

    @Test
    void theFiguresOfAnOlderRunArrivingLateAreDropped() {
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> Handle execute(BackgroundTask<T> task) {
                TaskRun<T> run = new TaskRun<>(task, Runnable::run);
                queued.add(run::run);
                return run;
            }

            @Override
            public void shutdown() {
            }
        };
        ResultFiguresViewModel figures = new ResultFiguresViewModel(later, message);
        TrainingCollections two = twoCollections();
        TrainingCollections one = TrainingCollections.of(List.of(two.parts().get(1)));

        figures.show(outcome(one, new double[] {0.9, 0.1, 0.45}, new int[] {0, 1, 1}), one);
        figures.show(outcome(two, MURMUR, FOLD), two);
        assertFalse(figures.figuresProperty().get().any(), "none while they are computed");
        queued.get(1).run();
        queued.get(0).run();

        assertEquals(2, figures.figuresProperty().get().patientLines().size(),
                "the newer run's figures stay, the older run's (none) are dropped");
    }

    @Test
    void severalCollectionsAreNamedAsTheCommandLineNamesThem() {
        TrainingCollections two = twoCollections();
        assertEquals(Path.of("/data/circor").toAbsolutePath() + " + " + Path.of("/data/other").toAbsolutePath(),
                two.name());
        assertEquals(Path.of("/data/other").toString(), TrainingCollections.of(List.of(two.parts().get(1))).name());
        assertEquals(8, two.combined().recordings().size());
        assertEquals(two.parts().get(1), two.partHolding(Path.of("/data/other", "o2.wav")));
        assertEquals(two.parts().get(0), two.partHolding(Path.of("/data/circor", "p3_AV.wav")));
    }
}
