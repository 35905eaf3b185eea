/**
 * Work off the FX thread, shared by every part of the workstation: a {@link org.auscult.app.task.BackgroundTask}
 * returns a value from a worker thread and says what to do with it, with a failure and with progress on the UI
 * thread; the {@link org.auscult.app.task.TaskExecutor} runs it ({@link org.auscult.app.task.FxTaskExecutor} hops
 * callbacks onto the FX thread, {@link org.auscult.app.task.CurrentThreadTaskExecutor} runs everything synchronously
 * for tests). A task's {@link org.auscult.app.task.BackgroundTask.Context#cancellation()} is the core's cancellation
 * token, handed to the core work it runs. {@link org.auscult.app.task.LatestTask} makes a newer selection cancel
 * the older one; {@link org.auscult.app.task.StatusReporter} is the status line's progress and message.
 */
package org.auscult.app.task;
