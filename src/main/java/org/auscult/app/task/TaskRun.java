package org.auscult.app.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.auscult.learn.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a task: runs the work and hands results to the UI through {@code ui}. Shared by the executors,
 * and public for an executor that schedules runs its own way (a test that holds tasks back, say).
 */
public final class TaskRun<T> implements TaskExecutor.Handle, BackgroundTask.Context {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private final BackgroundTask<T> task;
    private final Consumer<Runnable> ui;
    private final Cancellation cancellation = new Cancellation();
    private volatile Thread worker;

    public TaskRun(BackgroundTask<T> task, Consumer<Runnable> ui) {
        this.task = task;
        this.ui = ui;
    }

    public void run() {
        worker = Thread.currentThread();
        try {
            if (cancellation.isCancelled()) {
                return;
            }
            T result = task.work().run(this);
            ui.accept(() -> {
                if (!cancellation.isCancelled()) {
                    task.successCallback().accept(result);
                }
            });
        } catch (CancellationException | InterruptedException e) {
            LOG.debug("{} cancelled", task.title());
        } catch (Throwable e) {
            if (!cancellation.isCancelled()) {
                LOG.warn("{} failed: {}", task.title(), e.toString());
                ui.accept(() -> {
                    if (!cancellation.isCancelled()) {
                        task.failureCallback().accept(e);
                    }
                });
            }
        } finally {
            worker = null;
            // A cancelled run may have been interrupted; do not leave the flag set on a pooled thread.
            Thread.interrupted();
        }
    }

    @Override
    public void progress(double fraction, String message) {
        if (!cancellation.isCancelled()) {
            BackgroundTask.Progress progress = new BackgroundTask.Progress(fraction, message);
            ui.accept(() -> {
                if (!cancellation.isCancelled()) {
                    task.progressCallback().accept(progress);
                }
            });
        }
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    @Override
    public void cancel() {
        if (cancellation.cancel()) {
            Thread running = worker;
            if (running != null && running != Thread.currentThread()) {
                running.interrupt();
            }
        }
    }
}
