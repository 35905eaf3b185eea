package org.auscult.app.task;

/**
 * Runs each task to completion on the calling thread, callbacks included, before {@link #execute} returns: view
 * models driven by it are deterministic and need no toolkit.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Runnable::run);
        run.run();
        return run;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
