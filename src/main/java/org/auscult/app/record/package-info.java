/**
 * Record mode: choose the input, the patient and the auscultation site, then record while the waveform scrolls, the
 * level meter warns of clipping and silence, and the verdict over the last seconds rolls in
 * ({@link org.auscult.capture.LiveSession}); keep the recording (it then opens like any other) or discard it.
 */
package org.auscult.app.record;
