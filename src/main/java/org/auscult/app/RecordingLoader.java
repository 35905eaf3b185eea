package org.auscult.app;

import java.util.function.Consumer;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.DisplayDecoding;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavFormat;

/** Decodes a selected recording for the views, on a worker thread: a long one's outline first, then its samples. */
final class RecordingLoader {

    private RecordingLoader() {
    }

    /**
     * The recording of {@code row} decoded as {@code config} holds it for display, with its waveform summary. A WAV
     * resampled as it is read (long, above the analysis rate) first gives {@code outline} its waveform's outline,
     * read straight from the file, so it can be drawn meanwhile.
     */
    static LoadedRecording load(RecordingRow row, AnalysisConfig config,
                                                     BackgroundTask.Context context,
                                                     Consumer<WaveformSummary> outline)
            throws UnreadableAudioException {
        var path = row.recording().path();
        context.progress(0, "Decoding " + row.name());
        WavFormat format = new RecordingDecoder().readFormat(path);
        // a FLAC or MP3 recording would be decoded whole for its outline too: no faster than its samples
        if (format.container() == WavFormat.Container.WAV && DisplayDecoding.resampledForDisplay(format, config)) {
            outline.accept(WaveformSummary.outline(path, context.cancellation()));
            context.progress(0.2, "Decoding " + row.name() + " to " + config.conditioning().analysisRate() + " Hz");
        }
        DecodedAudio decoded = DisplayDecoding.decodeForDisplay(path, config);
        context.checkCancelled();
        return new LoadedRecording(row, decoded, RecordingInfo.of(path, decoded),
                WaveformSummary.of(decoded.clip().samples(), decoded.clip().sampleRate()));
    }

    /**
     * What playback plays: a recording held at its own rate plays its samples; a WAV held at the analysis rate
     * (long and recorded above it) plays from its file at the file's own rate, as the stethoscope heard it.
     */
    static org.auscult.app.playback.PlaybackSource playbackSource(LoadedRecording recording) {
        var clip = recording.decoded().clip();
        var format = recording.decoded().format();
        if (clip.sampleRate() != format.sampleRate() && format.container() == WavFormat.Container.WAV) {
            return org.auscult.app.playback.PlaybackSource.ofWav(recording.row().recording().path(), format);
        }
        return org.auscult.app.playback.PlaybackSource.of(clip.samples(), clip.sampleRate());
    }
}
