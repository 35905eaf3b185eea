package org.auscult.app;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution of a task: runs the work and hands results to the UI through {@code ui}. Shared by the executors. */
final class TaskRun<T> implements TaskExecutor.Handle, BackgroundTask.Context {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private final BackgroundTask<T> task;
    private final Consumer<Runnable> ui;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Thread worker;

    TaskRun(BackgroundTask<T> task, Consumer<Runnable> ui) {
        this.task = task;
        this.ui = ui;
    }

    void run() {
        worker = Thread.currentThread();
        try {
            if (cancelled.get()) {
                return;
            }
            T result = task.work().run(this);
            ui.accept(() -> {
                if (!cancelled.get()) {
                    task.successCallback().accept(result);
                }
            });
        } catch (CancellationException | InterruptedException e) {
            LOG.debug("{} cancelled", task.title());
        } catch (Throwable e) {
            if (!cancelled.get()) {
                LOG.warn("{} failed: {}", task.title(), e.toString());
                ui.accept(() -> {
                    if (!cancelled.get()) {
                        task.failureCallback().accept(e);
                    }
                });
            }
        } finally {
            worker = null;
            done.set(true);
            // A cancelled run may have been interrupted; do not leave the flag set on a pooled thread.
            Thread.interrupted();
        }
    }

    @Override
    public void progress(double fraction, String message) {
        if (!cancelled.get()) {
            BackgroundTask.Progress progress = new BackgroundTask.Progress(fraction, message);
            ui.accept(() -> {
                if (!cancelled.get()) {
                    task.progressCallback().accept(progress);
                }
            });
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Thread running = worker;
            if (running != null && running != Thread.currentThread()) {
                running.interrupt();
            }
        }
    }

    @Override
    public boolean isDone() {
        return done.get();
    }
}
