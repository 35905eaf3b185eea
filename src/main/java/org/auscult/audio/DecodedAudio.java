package org.auscult.audio;

import java.util.List;
import java.util.Objects;

/**
 * A decoded recording: its mono samples, the format they came from, what was wrong with the file but could be
 * worked around, and the levels of the samples at the file's own rate.
 *
 * <p>The clip is usually at the file's rate; a recording decoded straight to the analysis rate (see
 * {@code SignalConditioning.decode}) carries the clip at that rate, and its levels, measured while it streamed past
 * at its own rate, are the same as a full decoding would give.
 *
 * @param clip     the samples, downmixed to mono, full scale +-1.0
 * @param format   the header facts of the file
 * @param warnings sentences for people about problems the decoder tolerated (a wrong RIFF size, a truncated data
 *                 chunk, ...); empty for a clean file
 * @param levels   peak, sums and clipping of the mono samples at {@code format.sampleRate()}
 */
public record DecodedAudio(AudioClip clip, WavFormat format, List<String> warnings, SignalLevels levels) {

    public DecodedAudio {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(levels, "levels");
        warnings = List.copyOf(warnings);
    }

    /** A recording decoded at its own rate: the levels are measured on {@code clip}. */
    public DecodedAudio(AudioClip clip, WavFormat format, List<String> warnings) {
        this(clip, format, warnings, SignalLevels.of(Objects.requireNonNull(clip, "clip").samples(),
                Objects.requireNonNull(format, "format")));
    }
}
