package org.auscult.app.task;

/**
 * A slot for one kind of work where only the newest request matters (the analysis of the selected recording):
 * submitting a task cancels the one before it.
 */
public final class LatestTask {

    private final TaskExecutor executor;
    private TaskExecutor.Handle current;
    private long generation;

    public LatestTask(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Cancels the running task, if any, and starts this one. */
    public synchronized <T> TaskExecutor.Handle replaceWith(BackgroundTask<T> task) {
        cancel();
        long mine = ++generation;
        TaskExecutor.Handle handle = executor.execute(task);
        // A synchronous executor may already have started a newer task from this one's callback: keep that one.
        if (generation == mine) {
            current = handle;
        }
        return handle;
    }

    /** Cancels the running task, if any. */
    public synchronized void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
