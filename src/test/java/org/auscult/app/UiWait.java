package org.auscult.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in the UI tests for background work to show on screen, with a failure that says what never came. */
public final class UiWait {

    /** Long enough for a loaded 2-core machine; a working test waits far less. */
    private static final int TIMEOUT_SECONDS = 90;

    private UiWait() {
    }

    /** Waits until {@code condition} holds, then until the FX thread has handled what is queued. */
    public static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
