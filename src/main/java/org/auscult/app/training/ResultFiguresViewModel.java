package org.auscult.app.training;

import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.experiments.ExperimentRunner;
import org.auscult.learn.EvaluationResult;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.Murmur;
import org.auscult.learn.PatientMurmurReport;
import org.auscult.learn.PerSourceReport;

/**
 * The Results page's figures beyond the pooled ones, the same the command line's {@code evaluate} prints after its
 * table: how the run did on each source when its data has several ({@link PerSourceReport}), and, when the
 * collections hold CirCor patients, the patient-level answer by the most probable class and by the follow-up rule
 * ({@link PatientMurmurReport}). Computed in the background after each run (a loop over the predictions, but the
 * CirCor statuses read every recording of the collections); a result arriving after a newer run is dropped.
 */
public final class ResultFiguresViewModel {

    /**
     * The figures of one run.
     *
     * @param perSource    the per-source report, null when the data has one source
     * @param patientLines one line per patient-level rule (rule, counts, weighted accuracy); empty without CirCor
     *                     patients or without a murmur class
     */
    public record Figures(PerSourceReport perSource, List<String> patientLines) {

        /** Nothing to show. */
        public static final Figures NONE = new Figures(null, List.of());

        public Figures {
            patientLines = List.copyOf(patientLines);
        }

        /**
         * The figures of {@code result}, evaluated on {@code data}, with the CirCor patient status of each recording
         * id in {@code statuses} (empty when no collection is CirCor), as {@code evaluate} computes them.
         */
        public static Figures of(EvaluationResult result, LabelledDataset data, Map<String, Murmur> statuses) {
            PerSourceReport perSource = data.distinctSources().size() > 1 ? PerSourceReport.of(result, data, statuses)
                    : null;
            return new Figures(perSource, PatientMurmurReport.bothRules(result, data, statuses).stream()
                    .map(patients -> patients.toText().strip()).toList());
        }

        /** Whether there is anything to show. */
        public boolean any() {
            return perSource != null || !patientLines.isEmpty();
        }

        /** The name of the tab that shows them: "Per source", "Patients" or "Per source and patient". */
        public String title() {
            if (perSource == null) {
                return "Patients";
            }
            return patientLines.isEmpty() ? "Per source" : "Per source and patient";
        }

        /** Where the follow-up answer of the per-source table's screen columns was set, or "" when it was not. */
        public String screenLine() {
            return perSource == null || perSource.screen() == null ? ""
                    : "Screen columns: follow-up at " + perSource.screen().describe() + ".";
        }
    }

    private final TaskExecutor executor;
    private final StringProperty message;
    private final ObjectProperty<Figures> figures = new SimpleObjectProperty<>(this, "figures", Figures.NONE);
    /** Counts the runs shown: figures computed for an older one are dropped. */
    private long generation;

    /** @param message the wizard's message line, for a failure */
    ResultFiguresViewModel(TaskExecutor executor, StringProperty message) {
        this.executor = executor;
        this.message = message;
    }

    /** Computes the figures of a finished run on {@code collections} in the background, clearing the old ones. */
    void show(ExperimentRunner.Outcome outcome, TrainingCollections collections) {
        long shown = ++generation;
        figures.set(Figures.NONE);
        executor.execute(BackgroundTask.of("per-source and patient figures", context -> Figures.of(
                        outcome.evaluation(), outcome.data(), collections.patientStatuses()))
                .onSuccess(result -> {
                    if (shown == generation) {
                        figures.set(result);
                    }
                })
                .onFailure(failure -> {
                    if (shown == generation) {
                        message.set("Cannot compute the per-source and patient figures: " + failure.getMessage());
                    }
                }));
    }

    /** The figures of the run on show; {@link Figures#NONE} before the first run and while they are computed. */
    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures;
    }
}
