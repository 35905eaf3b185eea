package org.auscult.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.analysis.FeatureTableBuilder.ProgressListener;
import org.auscult.analysis.RecordingAnalyzer.Analysis;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.dsp.ParameterException;
import org.auscult.learn.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes many recordings down the {@link RecordingAnalyzer} road at once, one analyzer per worker thread, keeping of
 * each analysis only what the caller asks for (a feature row, a verdict), so that memory does not grow with the
 * batch beyond that. A recording
 * that fails (unreadable, a parameter that does not fit its rate, a fault in the analysis, even running out of
 * memory) is reported by name with its problem and the rest go on; the outcomes keep the order of the inputs
 * whatever the scheduling.
 */
public final class RecordingBatch {

    /**
     * What one recording gave: what the caller kept of its analysis, or the failure that stopped it.
     *
     * @param audioSeconds seconds of audio analysed (0 for a failure)
     */
    public record Outcome<R>(Input input, R result, Failure failure, double audioSeconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordingBatch.class);

    private RecordingBatch() {
    }

    /**
     * Analyses every input with {@code jobs} threads.
     *
     * @param analyzers makes the analyzer of each worker thread
     * @param keep      what to keep of a recording's analysis (on the worker thread; a failure in it is the
     *                  recording's failure)
     * @param listener  told after each recording, from the worker thread that finished it
     * @throws CancellationException when {@code cancellation} was cancelled before the work ended
     */
    public static <R> List<Outcome<R>> run(List<Input> inputs, int jobs, Supplier<RecordingAnalyzer> analyzers,
                                           BiFunction<Input, Analysis, R> keep, ProgressListener listener,
                                           Cancellation cancellation) {
        ThreadLocal<RecordingAnalyzer> perThread = ThreadLocal.withInitial(analyzers);
        AtomicInteger done = new AtomicInteger();
        DoubleAdder audioSeconds = new DoubleAdder();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, inputs.size())), runnable -> {
            Thread thread = new Thread(runnable, "recording-analysis");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>(inputs.size());
            for (Input input : inputs) {
                futures.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    Outcome<R> outcome = analyse(perThread.get(), input, keep);
                    audioSeconds.add(outcome.audioSeconds());
                    listener.finished(done.incrementAndGet(), inputs.size(), audioSeconds.sum());
                    return outcome;
                }));
            }
            List<Outcome<R>> outcomes = new ArrayList<>(inputs.size());
            for (Future<Outcome<R>> future : futures) {
                outcomes.add(await(future, cancellation));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> Outcome<R> analyse(RecordingAnalyzer analyzer, Input input, BiFunction<Input, Analysis, R> keep) {
        try {
            Analysis analysis = analyzer.analyze(input.path());
            return new Outcome<>(input, keep.apply(input, analysis), null, analysis.features().durationSeconds());
        } catch (UnreadableAudioException e) {
            return failed(input, e.problem());
        } catch (ParameterException e) {
            return failed(input, e.getMessage());
        } catch (RuntimeException e) {
            // A fault in the analysis itself must not cost the user the rest of the batch.
            LOG.error("Analysis of {} failed", input.path(), e);
            return failed(input, "analysis failed: " + e);
        } catch (OutOfMemoryError e) {
            // What the memory budget did not foresee: this analysis's arrays are unreachable once it has unwound.
            LOG.error("Analysis of {} ran out of memory", input.path(), e);
            return failed(input, "ran out of memory while analysing it (the Java heap allows "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB); raise it with -Xmx or split the recording");
        }
    }

    private static <R> Outcome<R> failed(Input input, String problem) {
        return new Outcome<>(input, null, new Failure(input.path(), problem), 0);
    }

    private static <R> Outcome<R> await(Future<Outcome<R>> future, Cancellation cancellation) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            throw new CancellationException("the analysis was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
