package org.auscult.app.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import org.auscult.audio.WavFormat;

/**
 * What {@link Player} plays: mono samples at a rate, read a stretch at a time. A recording held in memory plays its
 * samples; a long one held at the analysis rate plays from its file at the file's own rate, read as it plays.
 */
public interface PlaybackSource {

    /** Samples per second. */
    int sampleRate();

    /** How many samples there are. */
    long length();

    /**
     * Copies samples {@code from … from + count − 1} (within {@link #length()}) into {@code target[0 .. count)}.
     *
     * @throws IOException when they cannot be read
     */
    void read(long from, float[] target, int count) throws IOException;

    /** Samples in memory. */
    static PlaybackSource of(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        return new PlaybackSource() {
            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public long length() {
                return samples.length;
            }

            @Override
            public void read(long from, float[] target, int count) {
                System.arraycopy(samples, (int) from, target, 0, count);
            }
        };
    }

    /** The WAV file {@code file}, whose header gave {@code format}, read at its own rate as it plays. */
    static PlaybackSource ofWav(Path file, WavFormat format) {
        WavDecoder decoder = new WavDecoder();
        return new PlaybackSource() {
            @Override
            public int sampleRate() {
                return format.sampleRate();
            }

            @Override
            public long length() {
                return format.frameCount();
            }

            @Override
            public void read(long from, float[] target, int count) throws UnreadableAudioException {
                int read = decoder.readFrames(file, format, from, target, count);
                if (read < count) {
                    throw new UnreadableAudioException(file, "the recording ends before sample " + (from + count));
                }
            }
        };
    }
}
