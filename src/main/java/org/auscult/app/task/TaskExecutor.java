package org.auscult.app.task;

/**
 * Runs {@link BackgroundTask}s: {@link FxTaskExecutor} on worker threads with callbacks on the FX thread, and
 * {@link CurrentThreadTaskExecutor} synchronously for deterministic tests of view models.
 */
public interface TaskExecutor {

    /** A running (or finished) task. */
    interface Handle {
        /** Asks the work to stop; its success and failure callbacks will not run. */
        void cancel();

        boolean isCancelled();
    }

    <T> Handle execute(BackgroundTask<T> task);

    /** Stops accepting work and interrupts what is running. */
    void shutdown();
}
