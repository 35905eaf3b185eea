package org.auscult.app.playback;

/**
 * Where played samples go: the sound card ({@link JavaSoundOutput}) or, in tests, a recorder. Mono, 16-bit
 * signed little-endian PCM.
 */
public interface AudioOutput {

    /**
     * Prepares to play audio at {@code sampleRate}.
     *
     * @throws AudioUnavailableException when there is no device or it refuses the format, with a reason a person
     *                                   can act on
     */
    void open(int sampleRate) throws AudioUnavailableException;

    /** Queues {@code length} bytes; blocks while the device's buffer is full. */
    void write(byte[] pcm, int offset, int length);

    /** Frames queued but not yet heard: the cursor trails the written position by this much. */
    int bufferedFrames();

    /** Discards what is queued and stops at once. */
    void stop();

    /** Waits until everything queued was played. */
    void drain();

    void close();
}
