package org.auscult.analysis;

import java.nio.file.Path;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavFormat;

/** How the workstation decodes a recording it will draw, play and analyse, in bounded memory for long ones. */
public final class DisplayDecoding {

    private DisplayDecoding() {
    }

    /**
     * Decodes a recording for the workstation to draw, play and then analyse: at the file's own rate, or, for a
     * recording long enough to be judged in windows ({@link RecordingAnalyzer#judgesInWindows}) and recorded above
     * the analysis rate, straight to the analysis rate, streaming, so an hour at 44.1 kHz is held as its 4 kHz copy (58 MB of samples
     * instead of 635 MB). Its format and levels are still the file's own. {@code config} is the analysis the
     * recording will get ({@code LoadedModel.analysisConfigOf(model)}): only its conditioning matters here.
     */
    public static DecodedAudio decodeForDisplay(Path file, AnalysisConfig config) throws UnreadableAudioException {
        RecordingDecoder decoder = new RecordingDecoder();
        WavFormat format = decoder.readFormat(file);
        if (resampledForDisplay(format, config)) {
            return config.conditioning().decode(decoder, file);
        }
        return decoder.decode(file);
    }

    /**
     * Whether {@link #decodeForDisplay} holds a recording of {@code format} at the analysis rate, resampling it as
     * it is read (the slow case: about a second for an hour at 44.1 kHz on two cores).
     */
    public static boolean resampledForDisplay(WavFormat format, AnalysisConfig config) {
        return RecordingWindows.applies(format.durationSeconds())
                && config.conditioning().analysisRate(format) < format.sampleRate();
    }
}
