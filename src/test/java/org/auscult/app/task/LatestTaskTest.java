package org.auscult.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestTaskTest {

    /** Holds tasks until told to run them, as a busy worker pool would. */
    private static final class QueuedExecutor implements TaskExecutor {
        final List<TaskRun<?>> queued = new ArrayList<>();

        @Override
        public <T> Handle execute(BackgroundTask<T> task) {
            TaskRun<T> run = new TaskRun<>(task, Runnable::run);
            queued.add(run);
            return run;
        }

        void runAll() {
            queued.forEach(TaskRun::run);
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void aNewerTaskCancelsTheOlderOne() {
        QueuedExecutor executor = new QueuedExecutor();
        LatestTask latest = new LatestTask(executor);
        List<String> delivered = new ArrayList<>();
        List<Boolean> olderSawCancellation = new ArrayList<>();
        TaskExecutor.Handle first = latest.replaceWith(BackgroundTask.of("first", context -> {
            olderSawCancellation.add(context.isCancelled());
            return "first";
        }).onSuccess(delivered::add));
        TaskExecutor.Handle second = latest.replaceWith(BackgroundTask.of("second", context -> "second")
                .onSuccess(delivered::add));
        executor.runAll();
        assertEquals(List.of("second"), delivered);
        assertTrue(first.isCancelled());
        assertFalse(second.isCancelled());
        assertTrue(olderSawCancellation.isEmpty(), "a task cancelled before it started never runs");
    }

    @Test
    void failuresReachTheFailureCallbackAndProgressIsReported() {
        List<String> seen = new ArrayList<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.<String>of("failing", context -> {
            context.progress(0.5, "half way");
            throw new IllegalStateException("broken input");
        }).onProgress(progress -> seen.add(progress.message() + " " + progress.fraction()))
                .onSuccess(seen::add)
                .onFailure(failure -> seen.add("failed: " + failure.getMessage())));
        assertEquals(List.of("half way 0.5", "failed: broken input"), seen);
    }

    @Test
    void aTaskStartedFromACallbackStaysCurrent() {
        LatestTask latest = new LatestTask(new CurrentThreadTaskExecutor());
        List<String> delivered = new ArrayList<>();
        TaskExecutor.Handle[] inner = new TaskExecutor.Handle[1];
        latest.replaceWith(BackgroundTask.of("outer", context -> "outer").onSuccess(value -> {
            delivered.add(value);
            inner[0] = latest.replaceWith(BackgroundTask.of("inner", context -> "inner").onSuccess(delivered::add));
        }));
        assertEquals(List.of("outer", "inner"), delivered);
        assertFalse(inner[0].isCancelled());
    }
}
