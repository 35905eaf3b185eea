/**
 * The one time axis of the workstation: {@link org.auscult.app.timeline.TimeViewport} is the visible time window,
 * selection and playback cursor that every {@link org.auscult.app.timeline.TimeLayer} (waveform, spectrogram,
 * feature curves, annotations, the {@link org.auscult.app.timeline.TimeRulerView}) draws; zoom keeps the anchor
 * fixed: {@code start' = anchor - (anchor - start) * visible' / visible}.
 */
package org.auscult.app.timeline;
