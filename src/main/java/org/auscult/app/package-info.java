/**
 * The Auscult workstation: a JavaFX desktop window over the core (browse recordings, see and hear them, inspect
 * their features, get a verdict).
 *
 * <p>Shape: one View (code-built nodes and bindings only) and one ViewModel (JavaFX properties, validation, calls
 * into the core) per screen part, in the part's package ({@code browser}, {@code waveform}, {@code spectrogram},
 * {@code features}, {@code verdict}, {@code playback}, {@code labels}, {@code cycle}). View models need no toolkit and
 * are tested with plain JUnit.
 * This package holds what the parts share:
 * <ul>
 *   <li>{@link org.auscult.app.timeline.TimeViewport}: the visible time window, selection and playback cursor that every
 *       {@link org.auscult.app.timeline.TimeLayer} (waveform, spectrogram, feature curves, time ruler) draws; zoom keeps the
 *       anchor fixed: {@code start' = anchor - (anchor - start) * visible' / visible};</li>
 *   <li>{@link org.auscult.app.task.BackgroundTask} and {@link org.auscult.app.task.TaskExecutor}: work off the FX thread
 *       with progress and cancellation; {@link org.auscult.app.task.FxTaskExecutor} hops callbacks onto the FX thread,
 *       {@link org.auscult.app.task.CurrentThreadTaskExecutor} runs everything synchronously for tests;
 *       {@link org.auscult.app.task.LatestTask} makes a newer selection cancel the older one;</li>
 *   <li>{@link org.auscult.app.WorkstationViewModel}: selection to decoded audio to features to verdict, and the
 *       one-off {@link org.auscult.analysis.CollectionScan} of the open collection (predictions, reference
 *       distributions);</li>
 *   <li>{@link org.auscult.app.Workstation} (the {@code Application}), {@link org.auscult.app.MainWindow},
 *       {@link org.auscult.app.WorkstationOptions} (what opens at start) and {@link org.auscult.app.LayoutStore}
 *       (window and divider sizes, written atomically).</li>
 * </ul>
 */
package org.auscult.app;

import org.auscult.analysis.CollectionScan;

import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.task.FxTaskExecutor;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.app.task.LatestTask;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.app.timeline.TimeLayer;
