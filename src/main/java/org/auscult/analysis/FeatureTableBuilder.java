package org.auscult.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auscult.audio.RecordingInfo;
import org.auscult.features.FeatureRegistry;
import org.auscult.dsp.ParameterException;
import org.auscult.library.Recording;
import org.auscult.learn.Cancellation;
import org.auscult.learn.RecordingFacts;

/**
 * Analyses many recordings in parallel ({@link RecordingBatch}) into a {@link FeatureTable}. A file that fails is
 * reported with its problem and the rest go on; the table keeps the order of the inputs whatever the scheduling.
 */
public final class FeatureTableBuilder {

    /** A recording to analyse, with what is known about it. */
    public record Input(Path path, String id, String label, String patient, String source) {
        public Input {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(id, "id");
        }

        /** A recording of an imported collection, with its training label (if any), patient and source. */
        public static Input of(Recording recording) {
            return new Input(recording.path(), recording.id(), recording.label().orElse(""), recording.patient(),
                    recording.source());
        }

        /** An unlabelled recording known only by its file. */
        public static Input of(Path path, String id) {
            return new Input(path, id, "", "", "");
        }
    }

    /** A recording that could not be analysed, and why. */
    public record Failure(Path file, String problem) {
        @Override
        public String toString() {
            return file + ": " + problem;
        }
    }

    /** One recording finished (analysed or failed). */
    @FunctionalInterface
    public interface ProgressListener {
        void finished(int done, int total, double audioSecondsSoFar);
    }

    /** The table of every recording that was analysed, the ones that failed, and the audio covered. */
    public record Result(FeatureTable table, List<Failure> failures, double audioSeconds) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    private final AnalysisConfig config;
    private final int jobs;

    /**
     * @param jobs number of recordings analysed at once (at least 1)
     */
    public FeatureTableBuilder(AnalysisConfig config, int jobs) {
        ParameterException.require(jobs >= 1, "jobs must be at least 1, got " + jobs);
        this.config = Objects.requireNonNull(config, "config");
        this.jobs = jobs;
    }

    /** Analyses every input; it cannot be cancelled. */
    public Result build(List<Input> inputs, ProgressListener listener) {
        return build(inputs, listener, new Cancellation());
    }

    /**
     * Analyses every input with the configured number of jobs.
     *
     * @param listener told after each recording, from the worker thread that finished it
     * @throws java.util.concurrent.CancellationException when {@code cancellation} was cancelled before the work
     *                                                    ended
     */
    public Result build(List<Input> inputs, ProgressListener listener, Cancellation cancellation) {
        List<FeatureRow> rows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        double audioSeconds = 0;
        for (RecordingBatch.Outcome<FeatureRow> outcome : RecordingBatch.run(inputs, jobs,
                () -> new RecordingAnalyzer(config), FeatureTableBuilder::row, listener, cancellation)) {
            audioSeconds += outcome.audioSeconds();
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            } else {
                rows.add(outcome.result());
            }
        }
        return new Result(FeatureTable.of(FeatureRegistry.summaryNames(config.features()), rows,
                config.toProperties()), failures, audioSeconds);
    }

    private static FeatureRow row(Input input, RecordingAnalyzer.Analysis analysis) {
        return new FeatureRow(input.id(), input.path().toString(), input.label(), input.patient(), input.source(),
                analysis.features().summary().values(), facts(analysis.info()));
    }

    /** The facts a model's training profile keeps: native rate, duration, RMS and peak level. */
    static RecordingFacts facts(RecordingInfo info) {
        return new RecordingFacts(info.sampleRate(), info.durationSeconds(), info.rmsDbfs(), info.peakDbfs());
    }
}
