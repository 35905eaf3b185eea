package org.auscult.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureSet;
import org.auscult.features.ParameterException;
import org.auscult.library.Recording;
import org.auscult.learn.RecordingFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses many recordings in parallel into a {@link FeatureTable}. A file that fails is reported with its
 * problem and the rest go on; the table keeps the order of the inputs whatever the scheduling.
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

    private static final Logger LOG = LoggerFactory.getLogger(FeatureTableBuilder.class);

    private final AnalysisConfig config;
    private final int jobs;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param jobs number of recordings analysed at once (at least 1)
     */
    public FeatureTableBuilder(AnalysisConfig config, int jobs) {
        ParameterException.require(jobs >= 1, "jobs must be at least 1, got " + jobs);
        this.config = Objects.requireNonNull(config, "config");
        this.jobs = jobs;
    }

    /** Asks a running {@link #build} to stop; it then throws {@link CancellationException}. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Analyses every input with the configured number of jobs.
     *
     * @param listener told after each recording, from the worker thread that finished it
     * @throws CancellationException when {@link #cancel()} was called before the work ended
     */
    public Result build(List<Input> inputs, ProgressListener listener) {
        List<String> names = FeatureRegistry.summaryNames(config.features());
        ThreadLocal<RecordingAnalyzer> analyzers = ThreadLocal.withInitial(() -> new RecordingAnalyzer(config));
        AtomicInteger done = new AtomicInteger();
        DoubleAdder audioSeconds = new DoubleAdder();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, inputs.size())), runnable -> {
            Thread thread = new Thread(runnable, "feature-extraction");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(inputs.size());
            for (Input input : inputs) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        throw new CancellationException("feature extraction was cancelled");
                    }
                    Outcome outcome = analyse(analyzers.get(), input);
                    audioSeconds.add(outcome.audioSeconds());
                    listener.finished(done.incrementAndGet(), inputs.size(), audioSeconds.sum());
                    return outcome;
                }));
            }
            List<FeatureRow> rows = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                Outcome outcome = await(future);
                if (outcome.row() != null) {
                    rows.add(outcome.row());
                } else {
                    failures.add(outcome.failure());
                }
            }
            return new Result(FeatureTable.of(names, rows, config.toProperties()), failures, audioSeconds.sum());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Either a row or a failure, and the seconds of audio analysed. */
    private record Outcome(FeatureRow row, Failure failure, double audioSeconds) {
    }

    private static Outcome analyse(RecordingAnalyzer analyzer, Input input) {
        try {
            RecordingAnalyzer.Analysis analysis = analyzer.analyze(input.path());
            FeatureSet features = analysis.features();
            FeatureRow row = new FeatureRow(input.id(), input.path().toString(), input.label(), input.patient(),
                    input.source(), features.summary().values(), facts(input.path(), analysis.decoded()));
            return new Outcome(row, null, features.durationSeconds());
        } catch (UnreadableAudioException e) {
            return new Outcome(null, new Failure(input.path(), e.problem()), 0);
        } catch (ParameterException e) {
            return new Outcome(null, new Failure(input.path(), e.getMessage()), 0);
        } catch (RuntimeException e) {
            // A fault in the analysis itself must not cost the user the rest of the batch.
            LOG.error("Analysis of {} failed", input.path(), e);
            return new Outcome(null, new Failure(input.path(), "analysis failed: " + e), 0);
        } catch (OutOfMemoryError e) {
            // What the memory budget did not foresee: this analysis's arrays are unreachable once it has unwound.
            LOG.error("Analysis of {} ran out of memory", input.path(), e);
            return new Outcome(null, new Failure(input.path(), "ran out of memory while analysing it (the Java heap"
                    + " allows " + (Runtime.getRuntime().maxMemory() >> 20) + " MB); raise it with -Xmx or split"
                    + " the recording"), 0);
        }
    }

    /** The facts a model's training profile keeps: native rate, duration, RMS and peak level. */
    static RecordingFacts facts(Path file, DecodedAudio decoded) {
        RecordingInfo info = RecordingInfo.of(file, decoded);
        return new RecordingFacts(info.sampleRate(), info.durationSeconds(), info.rmsDbfs(), info.peakDbfs());
    }

    private Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CancellationException("feature extraction was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancellation) {
                throw cancellation;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
