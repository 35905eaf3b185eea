/**
 * Labelling in the workstation: {@link org.auscult.app.labels.AnnotationViewModel} (the shown recording's label and
 * events; every store call on one background worker, never on the FX thread), the annotation lane
 * {@link org.auscult.app.labels.AnnotationLayer} (a layer on the shared time axis; create, move, resize events with
 * the mouse, and an overlay drawing them on the waveform and spectrogram) and
 * {@link org.auscult.app.labels.LabelPanel} (class, quality, notes, opinion, undo and redo).
 */
package org.auscult.app.labels;
