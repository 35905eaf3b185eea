package org.auscult.app;

import org.auscult.app.browser.RecordingRow;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingInfo;

/** A decoded recording ready to draw: its row, its audio, what it is and its waveform's summary. */
public record LoadedRecording(RecordingRow row, DecodedAudio decoded, RecordingInfo info, WaveformSummary waveform) {
}
