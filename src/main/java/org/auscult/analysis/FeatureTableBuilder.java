package org.auscult.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses many recordings in parallel ({@link RecordingBatch}) into a {@link FeatureTable}. A file that fails is
 * reported with its problem and the rest go on; the table keeps the order of the inputs whatever the scheduling.
 */
public final class FeatureTableBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureTableBuilder.class);

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
    private final Path cacheFolder;

    /**
     * @param jobs number of recordings analysed at once (at least 1)
     */
    public FeatureTableBuilder(AnalysisConfig config, int jobs) {
        this(config, jobs, null);
    }

    private FeatureTableBuilder(AnalysisConfig config, int jobs, Path cacheFolder) {
        ParameterException.require(jobs >= 1, "jobs must be at least 1, got " + jobs);
        this.config = Objects.requireNonNull(config, "config");
        this.jobs = jobs;
        this.cacheFolder = cacheFolder;
    }

    /**
     * This builder keeping every row it computes in a {@link FeatureCache} under {@code folder}, and reading the
     * rows found there instead of analysing their recordings again; null for no cache.
     */
    public FeatureTableBuilder withCache(Path folder) {
        return new FeatureTableBuilder(config, jobs, folder);
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
        List<String> names = FeatureRegistry.summaryNames(config.features());
        FeatureCache cache = openCache(names.size());
        FeatureRow[] cached = new FeatureRow[inputs.size()];
        List<Input> missing = new ArrayList<>();
        double cachedSeconds = 0;
        for (int i = 0; i < inputs.size(); i++) {
            cached[i] = cache == null ? null : cache.lookup(inputs.get(i)).orElse(null);
            if (cached[i] == null) {
                missing.add(inputs.get(i));
            } else {
                cachedSeconds += cached[i].facts().durationSeconds();
            }
        }
        int alreadyDone = inputs.size() - missing.size();
        double secondsBefore = cachedSeconds;
        List<RecordingBatch.Outcome<FeatureRow>> outcomes = RecordingBatch.run(missing, jobs,
                () -> new RecordingAnalyzer(config), (input, analysis) -> stored(cache, input, row(input, analysis)),
                (done, total, seconds) -> listener.finished(alreadyDone + done, inputs.size(), secondsBefore + seconds),
                cancellation);
        List<FeatureRow> rows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        double audioSeconds = cachedSeconds;
        int next = 0;
        for (FeatureRow row : cached) {
            if (row != null) {
                rows.add(row);
                continue;
            }
            RecordingBatch.Outcome<FeatureRow> outcome = outcomes.get(next++);
            audioSeconds += outcome.audioSeconds();
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            } else {
                rows.add(outcome.result());
            }
        }
        return new Result(FeatureTable.of(names, rows, config.toProperties()), failures, audioSeconds);
    }

    private FeatureCache openCache(int features) {
        if (cacheFolder == null) {
            return null;
        }
        try {
            return new FeatureCache(cacheFolder, config, features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the feature cache " + cacheFolder + ": " + e.getMessage(), e);
        }
    }

    private static FeatureRow stored(FeatureCache cache, Input input, FeatureRow row) {
        if (cache != null) {
            try {
                cache.store(input, row);
            } catch (IOException e) {
                LOG.warn("Could not keep the features of {} in the cache: {}", input.path(), e.getMessage());
            }
        }
        return row;
    }

    private static FeatureRow row(Input input, RecordingAnalyzer.Analysis analysis) {
        return new FeatureRow(input.id(), input.path().toString(), input.label(), input.patient(), input.source(),
                analysis.features().summary().values(), facts(analysis.info()));
    }

    /** The facts a model's training profile keeps: native rate, duration, RMS and peak level, the fingerprint. */
    static RecordingFacts facts(RecordingInfo info) {
        return new RecordingFacts(info.sampleRate(), info.durationSeconds(), info.rmsDbfs(), info.peakDbfs(),
                info.audioFingerprint());
    }
}
