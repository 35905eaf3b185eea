package org.auscult.audio;

import java.util.List;
import java.util.Objects;

/**
 * A decoded recording: its mono samples, the format they came from, and what was wrong with the file but could be
 * worked around.
 *
 * @param clip     the samples, downmixed to mono, full scale +-1.0
 * @param format   the header facts of the file
 * @param warnings sentences for people about problems the decoder tolerated (a wrong RIFF size, a truncated data
 *                 chunk, ...); empty for a clean file
 */
public record DecodedAudio(AudioClip clip, WavFormat format, List<String> warnings) {

    public DecodedAudio {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
    }
}
