package org.auscult.learn;

import java.util.concurrent.CancellationException;

/**
 * A cancellation token shared between whoever starts long work and the work itself. Cancelling is one-way and may
 * happen from any thread.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancellationException when cancelled */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
