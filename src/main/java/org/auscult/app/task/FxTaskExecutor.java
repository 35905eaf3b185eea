package org.auscult.app.task;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/** Runs work on a small pool of daemon threads and every callback on the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;
    /** Runs not yet finished: cancelled at shutdown, so work cut short by the closing window is not a failure. */
    private final Set<TaskRun<?>> unfinished = ConcurrentHashMap.newKeySet();

    /** @param threads worker threads; the machine's cores minus one (at least one) suits interactive use */
    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "workstation-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Platform::runLater);
        unfinished.add(run);
        pool.execute(() -> {
            try {
                run.run();
            } finally {
                unfinished.remove(run);
            }
        });
        return run;
    }

    @Override
    public void shutdown() {
        unfinished.forEach(TaskRun::cancel);
        pool.shutdownNow();
    }
}
