package org.auscult.learn;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one cancellation token of long work, from the core to the faces: whoever starts the work makes (or is given)
 * one and passes it down; the work checks it between steps ({@link #throwIfCancelled()}) and stops with
 * {@link CancellationException}. The workstation's background tasks hand their own token to the core work they run,
 * so cancelling a task reaches the folds and recordings in progress without forwarding it by hand. Cancelling is
 * one-way and may happen from any thread.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Cancels; true when this call did it (false when it was cancelled already). */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws CancellationException when cancelled, or when the calling thread was interrupted */
    public void throwIfCancelled() {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
