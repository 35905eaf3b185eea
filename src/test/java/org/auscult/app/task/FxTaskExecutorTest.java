package org.auscult.app.task;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    @Test
    void workStillRunningWhenTheWindowClosesIsCancelledNotFailed() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        TaskExecutor.Handle running = executor.execute(BackgroundTask.of("reads a closed store", context -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException closing) {
                // the store this work reads is closed with the window: the work fails as it would then
            } finally {
                finished.countDown();
            }
            throw new IllegalStateException("database connection closed");
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));

        executor.shutdown();

        assertTrue(running.isCancelled(), "the run the shutdown cut short counts as cancelled");
        assertTrue(finished.await(5, TimeUnit.SECONDS), "the shutdown interrupted the run");
    }
}
