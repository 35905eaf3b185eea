/**
 * The Auscult workstation: a JavaFX desktop window over the core (browse recordings, see and hear them, inspect
 * their features, get a verdict).
 *
 * <p>Shape: one View (code-built nodes and bindings only) and one ViewModel (JavaFX properties, validation, calls
 * into the core) per screen part, in the part's package ({@code browser}, {@code waveform}, {@code spectrogram},
 * {@code features}, {@code verdict}, {@code playback}, {@code labels}, {@code cycle}). View models need no toolkit and
 * are tested with plain JUnit.
 * What the parts share lives in {@code app.task} (background work with progress and cancellation:
 * {@link org.auscult.app.task.BackgroundTask}, {@link org.auscult.app.task.TaskExecutor} and its FX and
 * current-thread executors, {@link org.auscult.app.task.LatestTask}) and {@code app.timeline} (the shared
 * {@link org.auscult.app.timeline.TimeViewport} every {@link org.auscult.app.timeline.TimeLayer} draws). This
 * package holds the window:
 * <ul>
 *   <li>{@link org.auscult.app.WorkstationViewModel}: selection to decoded audio to its analysis and verdict (the
 *       core's {@link org.auscult.analysis.RecordingAnalyzer}), and the one-off
 *       {@link org.auscult.analysis.CollectionScan} of the open collection (verdicts, reference distributions);</li>
 *   <li>{@link org.auscult.app.Workstation} (the {@code Application}), {@link org.auscult.app.MainWindow},
 *       {@link org.auscult.app.WorkstationOptions} (what opens at start) and {@link org.auscult.app.LayoutStore}
 *       (window and divider sizes, written atomically), {@link org.auscult.app.WorkstationKeys} (the keyboard).</li>
 * </ul>
 */
package org.auscult.app;
