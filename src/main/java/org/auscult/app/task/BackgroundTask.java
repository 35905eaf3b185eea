package org.auscult.app.task;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.auscult.learn.Cancellation;

/**
 * A piece of work for a worker thread, with what to do on the FX thread when it succeeds, fails or reports
 * progress. The work itself never touches a control: it returns a value, and the callbacks (run by the
 * {@link TaskExecutor} on the UI thread) apply it.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    /** The work: runs on a worker thread, reports progress and checks for cancellation through the context. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Context context) throws Exception;
    }

    /** What the work may ask of the executor while it runs. */
    public interface Context {
        /** Reports progress from 0 to 1 with a short description of the current step. */
        void progress(double fraction, String message);

        /** The task's cancellation token: pass it to the core work the task runs. */
        Cancellation cancellation();

        /** True once the task was cancelled (for example because a newer selection replaced it). */
        default boolean isCancelled() {
            return cancellation().isCancelled();
        }

        /** Throws {@link CancellationException} when the task was cancelled: call it between steps. */
        default void checkCancelled() {
            cancellation().throwIfCancelled();
        }
    }

    /** Progress as reported by the work. */
    public record Progress(double fraction, String message) {
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = failure -> { };
    private Consumer<Progress> onProgress = progress -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Called on the UI thread with the result, unless the task was cancelled. */
    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread when the work threw, unless the task was cancelled. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with each progress report. */
    public BackgroundTask<T> onProgress(Consumer<Progress> callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<T> successCallback() {
        return onSuccess;
    }

    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    Consumer<Progress> progressCallback() {
        return onProgress;
    }
}
