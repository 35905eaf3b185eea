package org.auscult.app.playback;

import java.io.ByteArrayOutputStream;

/**
 * An output that records what would be heard (tests have no sound card); optionally asks the player to stop after
 * some writes. Safe to read from another thread than the one writing.
 */
public class RecordingOutput implements AudioOutput {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    int openedAt;
    boolean closed;
    int writes;
    int stopAfterWrites = -1;
    Player player;

    @Override
    public void open(int sampleRate) throws AudioUnavailableException {
        openedAt = sampleRate;
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        written.write(pcm, offset, length);
        if (++writes == stopAfterWrites) {
            player.stop();
        }
    }

    @Override
    public int bufferedFrames() {
        return 0;
    }

    @Override
    public void stop() {
    }

    @Override
    public void drain() {
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The 16-bit frames written so far. */
    /** The sample rate it was last opened at. */
    public int openedAt() {
        return openedAt;
    }

    public short[] frames() {
        byte[] bytes = written.toByteArray();
        short[] frames = new short[bytes.length / 2];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (short) ((bytes[2 * i] & 0xff) | bytes[2 * i + 1] << 8);
        }
        return frames;
    }
}
