package org.auscult.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Evaluates a model with the folds of an {@link EvaluationOptions} protocol ({@link Folds}), training the folds in
 * parallel on a fixed pool of {@code threads} worker threads.
 *
 * <p>Each fold trains its own classifier, made for it by a {@link ClassifierSource} and seeded from {@code (seed,
 * repeat, fold)}, on its training rows only, and predicts its test rows. Results are put together in fold order,
 * so the same seed gives the same {@link EvaluationResult} however the threads are scheduled. Each finished fold is
 * published to a {@link FoldListener} while the others still run.
 *
 * <p>Cancelling (through the {@link Cancellation} token, or by interrupting the calling thread) stops the folds
 * not yet started, interrupts the running ones and makes {@code evaluate} throw {@link CancellationException}
 * within about {@value #POLL_MILLIS} ms plus up to {@value #STOP_GRACE_MILLIS} ms for the workers to stop. On
 * every exit the pool is shut down and its threads are waited for. Weka's training loops do not check for interruption, so a fold in the middle
 * of a Weka build runs on to the end of that build on its (daemon) thread, and its result is discarded.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    static final long POLL_MILLIS = 50;
    static final long STOP_GRACE_MILLIS = 1000;
    /** Name prefix of the worker threads. */
    public static final String THREAD_NAME_PREFIX = "auscult-evaluation-";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final EvaluationOptions options;

    public Evaluator(EvaluationOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "evaluation options");
    }

    public EvaluationOptions options() {
        return options;
    }

    /** Evaluates {@code spec} without a listener and without a way to cancel. */
    public EvaluationResult evaluate(LabelledDataset data, ModelSpec spec) {
        return evaluate(data, spec, FoldListener.NONE, new Cancellation());
    }

    /** Evaluates the model of {@code spec} on the labelled rows of {@code data}. */
    public EvaluationResult evaluate(LabelledDataset data, ModelSpec spec, FoldListener listener,
                                     Cancellation cancellation) {
        String model = "model " + OptionMap.enumText(spec.preset()) + ", balancing "
                + OptionMap.enumText(spec.balancing()) + ", model seed " + spec.seed();
        return evaluate(data, ClassifierSource.of(spec), model, listener, cancellation);
    }

    /**
     * Evaluates the classifiers {@code source} makes on the labelled rows of {@code data}.
     *
     * @param model        a description of the model, for the report
     * @throws CancellationException when cancelled
     * @throws LearningException     when a fold fails to train or predict
     * @throws org.auscult.dsp.ParameterException when the rows cannot be divided as the protocol asks
     */
    public EvaluationResult evaluate(LabelledDataset data, ClassifierSource source, String model,
                                     FoldListener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        LabelledDataset labelled = data.labelledOnly();
        List<Fold> folds = Folds.plan(options, labelled);
        String description = options.describe() + "; " + model;
        LOG.info("Evaluating {} rows: {}, {} folds on {} threads", labelled.size(), description, folds.size(),
                options.threads());

        WorkerPool pool = new WorkerPool(options.threads());
        try {
            CompletionService<List<Prediction>> completion = new ExecutorCompletionService<>(pool.executor);
            folds.forEach(fold -> completion.submit(
                    () -> runFold(labelled, fold, source, options.seed(), cancellation)));
            List<Prediction> finished = new ArrayList<>();
            for (int completed = 1; completed <= folds.size(); completed++) {
                List<Prediction> foldPredictions = awaitNextFold(completion, cancellation);
                finished.addAll(foldPredictions);
                finished.sort(PREDICTION_ORDER);
                Prediction any = foldPredictions.get(0);
                EvaluationResult partial = new EvaluationResult(description, labelled.classNames(), finished,
                        elapsedMillis(start));
                listener.foldFinished(new FoldResult(any.repeat(), any.fold(), partial, completed, folds.size()));
            }
            EvaluationResult result = new EvaluationResult(description, labelled.classNames(), finished,
                    elapsedMillis(start));
            // the figures of the classes as trained; the report a user reads may merge some (noisy normal into
            // normal), so at INFO they would contradict it
            LOG.info("Evaluated in {} ms", result.wallTimeMillis());
            LOG.debug("Before any merging of classes: accuracy {}, balanced accuracy {}, macro-F1 {}",
                    result.accuracy(), result.balancedAccuracy(), result.macroF1());
            return result;
        } finally {
            pool.stop();
        }
    }

    private static final Comparator<Prediction> PREDICTION_ORDER = Comparator.comparingInt(Prediction::repeat)
            .thenComparingInt(Prediction::fold).thenComparingInt(Prediction::row);

    private static List<Prediction> awaitNextFold(CompletionService<List<Prediction>> completion,
                                                  Cancellation cancellation) {
        try {
            while (true) {
                if (cancellation.isCancelled()) {
                    throw new CancellationException("evaluation cancelled");
                }
                Future<List<Prediction>> next = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            throw new CancellationException("evaluation interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            if (e.getCause() instanceof LearningException failure) {
                throw failure;
            }
            throw new LearningException("evaluation failed: " + e.getCause(), e.getCause());
        }
    }

    private static List<Prediction> runFold(LabelledDataset labelled, Fold fold, ClassifierSource source,
                                            long seed, Cancellation cancellation) {
        String where = "repeat " + (fold.repeat() + 1) + ", " + fold.name();
        try {
            checkCancelled(cancellation);
            Classifier classifier = source.newClassifier(Seeds.derive(seed, fold.repeat(), fold.fold()));
            Instances training = GroupedTraining.train(classifier, labelled.subset(fold.trainRows()));
            Instances header = new Instances(training, 0);
            int[] classIndex = labelled.classIndex();
            String[] ids = labelled.ids();
            List<Prediction> predictions = new ArrayList<>(fold.testRows().length);
            for (int row : fold.testRows()) {
                checkCancelled(cancellation);
                double[] posterior = classifier.distributionForInstance(
                        LabelledDataset.instance(header, labelled.row(row)));
                predictions.add(Prediction.of(fold.repeat(), fold.fold(), row, ids[row], classIndex[row], posterior));
            }
            return predictions;
        } catch (CancellationException e) {
            throw e;
        } catch (InterruptedException e) {
            throw new CancellationException("fold interrupted: " + where);
        } catch (Exception e) {
            if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("fold abandoned after cancellation: " + where);
            }
            throw new LearningException("training or predicting " + where + " failed: " + e.getMessage(), e);
        }
    }

    private static void checkCancelled(Cancellation cancellation) {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * A fixed pool that knows its threads, so that stopping it can wait until they have really ended (an executor
     * counts as terminated while its last threads are still on their way out).
     */
    private static final class WorkerPool {

        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final ExecutorService executor;

        WorkerPool(int size) {
            int pool = POOLS.incrementAndGet();
            AtomicInteger worker = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, THREAD_NAME_PREFIX + pool + "-" + worker.incrementAndGet());
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            };
            executor = Executors.newFixedThreadPool(size, factory);
        }

        /**
         * Interrupts the workers and waits up to {@link #STOP_GRACE_MILLIS} for their threads to end. The wait
         * ignores the caller's own interrupt (the usual reason for stopping), which is restored afterwards.
         */
        void stop() {
            executor.shutdownNow();
            boolean interrupted = Thread.interrupted();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
            try {
                for (Thread thread : threads) {
                    long remaining = deadline - System.nanoTime();
                    while (thread.isAlive() && remaining > 0) {
                        try {
                            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                        remaining = deadline - System.nanoTime();
                    }
                }
                if (threads.stream().anyMatch(Thread::isAlive)) {
                    LOG.warn("A fold is still inside a Weka build that ignores interruption; its thread ends when"
                            + " the build does and its result is discarded");
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
