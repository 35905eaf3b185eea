package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instance;
import weka.core.Instances;

@Timeout(120)
class EvaluatorTest {

    private static final LabelledDataset BLOBS = Blobs.make(new int[] {50, 30, 20, 12, 8}, 4, 2, 2.5, 31);

    private static EvaluationOptions cv(int folds, int repeats, int threads) {
        return new EvaluationOptions(Protocol.GROUPED_CV, folds, repeats, 77, threads);
    }

    @Test
    void sameSeedGivesTheSameResultWithOneOrTwoThreads() {
        ModelSpec spec = Blobs.small(Preset.STACKED).withBalancing(Balancing.CLASS_WEIGHTS);
        EvaluationResult one = new Evaluator(cv(5, 2, 1)).evaluate(BLOBS, spec);
        EvaluationResult two = new Evaluator(cv(5, 2, 2)).evaluate(BLOBS, spec);
        assertEquals(one.withWallTime(0), two.withWallTime(0));
        assertEquals(2 * BLOBS.size(), one.predictions().size(), "each row predicted once per repeat");
        assertTrue(one.accuracy() > 0.7, "separable blobs: " + one.accuracy());

        EvaluationResult otherSeed = new Evaluator(cv(5, 2, 2).withSeed(78)).evaluate(BLOBS, spec);
        assertTrue(!otherSeed.withWallTime(0).equals(one.withWallTime(0)), "another seed, another run");
        assertNoWorkerThreadsLeft();
    }

    @Test
    void everyProtocolScoresItsTestRows() {
        ModelSpec forest = Blobs.small(Preset.RANDOM_FOREST);
        EvaluationResult split = new Evaluator(new EvaluationOptions(Protocol.SPLIT, 10, 2, 1, 2))
                .evaluate(BLOBS, forest);
        assertEquals(2 * 12, split.predictions().size(), "10% of 120 rows, twice");
        EvaluationResult bySource = new Evaluator(new EvaluationOptions(Protocol.LEAVE_SOURCE_OUT, 10, 1, 1, 2))
                .evaluate(BLOBS, forest);
        assertEquals(BLOBS.size(), bySource.predictions().size());
        assertTrue(bySource.description().startsWith("leave-source-out"), bySource.description());
    }

    @Test
    void unlabelledRowsAreNeitherTrainedNorScored() {
        int[] labels = BLOBS.classIndex();
        labels[0] = LabelledDataset.UNLABELLED;
        labels[7] = LabelledDataset.UNLABELLED;
        LabelledDataset partlyLabelled = new LabelledDataset(BLOBS.featureNames(), BLOBS.classNames(),
                BLOBS.features(), labels, BLOBS.ids(), BLOBS.groups(), BLOBS.sources());
        EvaluationResult result = new Evaluator(cv(5, 1, 2)).evaluate(partlyLabelled,
                Blobs.small(Preset.RANDOM_FOREST));
        assertEquals(BLOBS.size() - 2, result.predictions().size());
        assertTrue(result.predictions().stream().noneMatch(p -> p.id().equals(BLOBS.ids()[0])));
    }

    @Test
    void eachFoldIsPublishedWhileTheOthersStillRun() {
        // Every classifier but the first waits until the listener has heard of a fold: if folds were published
        // only at the end, the run could not finish.
        CountDownLatch firstPublication = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        ClassifierSource source = seed -> made.getAndIncrement() == 0 ? new ZeroR()
                : new WaitingClassifier(firstPublication);
        List<FoldResult> published = new ArrayList<>();
        EvaluationResult result = new Evaluator(cv(6, 1, 2)).evaluate(BLOBS, source, "test",
                fold -> {
                    published.add(fold);
                    firstPublication.countDown();
                }, new Cancellation());
        assertEquals(6, published.size());
        for (int i = 0; i < published.size(); i++) {
            FoldResult fold = published.get(i);
            assertEquals(i + 1, fold.completed());
            assertEquals(6, fold.total());
            if (i > 0) {
                assertTrue(fold.partial().predictions().size() > published.get(i - 1).partial().predictions().size(),
                        "the running confusion grows");
            }
            assertEquals(fold.partial().predictions().size(), fold.partial().confusion().total());
        }
        assertEquals(result.withWallTime(0), published.get(5).partial().withWallTime(0));
    }

    @Test
    void cancellingStopsALongRunPromptlyAndLeavesNoThreads() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Cancellation cancellation = new Cancellation();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<EvaluationResult> run = caller.submit(() -> new Evaluator(cv(10, 3, 2)).evaluate(BLOBS,
                    seed -> new SpinningClassifier(started), "slow", FoldListener.NONE, cancellation));
            assertTrue(started.await(30, TimeUnit.SECONDS), "both workers started training");
            cancellation.cancel();
            java.util.concurrent.ExecutionException thrown = assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
            assertTrue(thrown.getCause() instanceof CancellationException, String.valueOf(thrown.getCause()));
        } finally {
            caller.shutdownNow();
        }
        assertNoWorkerThreadsLeft();
    }

    @Test
    void interruptingTheCallerCancels() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger outcome = new AtomicInteger();
        Thread caller = new Thread(() -> {
            try {
                new Evaluator(cv(10, 1, 1)).evaluate(BLOBS, seed -> new SpinningClassifier(started), "slow",
                        FoldListener.NONE, new Cancellation());
                outcome.set(1);
            } catch (CancellationException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? 2 : 3);
            }
        });
        caller.start();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(Duration.ofSeconds(10).toMillis());
        assertEquals(2, outcome.get(), "cancelled, with the interrupt flag kept");
        assertNoWorkerThreadsLeft();
    }

    @Test
    void aFailingFoldFailsTheRunWithItsPlace() {
        LearningException error = assertThrows(LearningException.class, () -> new Evaluator(cv(3, 1, 2))
                .evaluate(BLOBS, seed -> new FailingClassifier(), "failing", FoldListener.NONE, new Cancellation()));
        assertTrue(error.getMessage().contains("repeat 1, fold"), error.getMessage());
        assertTrue(error.getMessage().contains("no data today"), error.getMessage());
        assertNoWorkerThreadsLeft();
    }

    private static void assertNoWorkerThreadsLeft() {
        // A pool reports termination just before its last worker thread has fully exited; on a loaded machine
        // isAlive() can still be true for a moment, so give each worker up to 2 s to finish exiting.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(Evaluator.THREAD_NAME_PREFIX)) {
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Evaluator.THREAD_NAME_PREFIX)).toList();
        assertEquals(List.of(), left);
    }

    /** Trains like ZeroR after a latch opens (or fails after 20 s). */
    private static final class WaitingClassifier extends AbstractClassifier {
        private final transient CountDownLatch latch;
        private final ZeroR zeroR = new ZeroR();

        WaitingClassifier(CountDownLatch latch) {
            this.latch = latch;
        }

        @Override
        public void buildClassifier(Instances data) throws Exception {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no fold was published while this one waited");
            }
            zeroR.buildClassifier(data);
        }

        @Override
        public double[] distributionForInstance(Instance instance) throws Exception {
            return zeroR.distributionForInstance(instance);
        }
    }

    /** Busy for up to a minute unless interrupted: a deliberately slow training that honours interruption. */
    private static final class SpinningClassifier extends AbstractClassifier {
        private final transient CountDownLatch started;

        SpinningClassifier(CountDownLatch started) {
            this.started = started;
        }

        @Override
        public void buildClassifier(Instances data) throws Exception {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            double sink = 0;
            while (System.nanoTime() < end) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("training interrupted");
                }
                sink += Math.sqrt(sink + 1);
            }
            throw new IllegalStateException("training was not interrupted " + sink);
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            throw new IllegalStateException("never trained");
        }
    }

    private static final class FailingClassifier extends AbstractClassifier {
        @Override
        public void buildClassifier(Instances data) {
            throw new IllegalArgumentException("no data today");
        }
    }
}
