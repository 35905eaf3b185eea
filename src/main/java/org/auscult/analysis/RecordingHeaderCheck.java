package org.auscult.analysis;

import java.nio.file.Path;
import java.util.Optional;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.library.RecordingCheck;

/**
 * The import-time check of a collection's recordings: the header must make sense and announce audio. It decodes
 * nothing: a WAV's first few kilobytes (tens of thousands of files a second), a FLAC's STREAMINFO, an MP3's frame
 * headers; so an unreadable recording is listed with its reason when the collection is imported rather than when its
 * features are computed.
 */
public final class RecordingHeaderCheck implements RecordingCheck {

    private final RecordingDecoder decoder = new RecordingDecoder();

    @Override
    public Optional<String> problem(Path recording) {
        try {
            if (decoder.readFormat(recording).frameCount() == 0) {
                return Optional.of("holds no audio (0 frames)");
            }
            return Optional.empty();
        } catch (UnreadableAudioException e) {
            return Optional.of(e.problem());
        }
    }
}
