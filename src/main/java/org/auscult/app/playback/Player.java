package org.auscult.app.playback;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Plays a span of a recording through an {@link AudioOutput}, optionally looping, and reports where it is. The
 * writing loop runs on the given executor (a dedicated thread in the application, the calling thread in tests),
 * converts float samples to 16-bit PCM in chunks of {@link #CHUNK_FRAMES}, and after each chunk reports the
 * position heard: the written position minus what the device still buffers.
 */
public final class Player {

    /** What the player tells its owner. Called on the writing thread. */
    public interface Listener {
        /** The position heard, in seconds from the start of the recording. */
        void position(double seconds);

        /** Playback ended (end of span without looping, or {@link #stop()}), at this position. */
        void stopped(double seconds);
    }

    /** Frames per write: 1024 frames is 23 ms at 44.1 kHz, fine-grained enough for a smooth cursor. */
    public static final int CHUNK_FRAMES = 1024;

    private final AudioOutput output;
    private final Executor executor;
    private volatile boolean stopRequested;
    private volatile boolean playing;

    public Player(AudioOutput output, Executor executor) {
        this.output = Objects.requireNonNull(output, "output");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public boolean isPlaying() {
        return playing;
    }

    /**
     * Plays {@code samples[from .. to)} (in seconds; clamped to the recording) and, with {@code loop}, starts over
     * at {@code from} each time it reaches {@code to}.
     *
     * @throws AudioUnavailableException when the output cannot be opened; nothing is playing then
     */
    public void play(float[] samples, int sampleRate, double from, double to, boolean loop, Listener listener)
            throws AudioUnavailableException {
        play(PlaybackSource.of(samples, sampleRate), from, to, loop, listener);
    }

    /**
     * As {@link #play(float[], int, double, double, boolean, Listener)}, from {@code source}, read a chunk at a time
     * as it plays; a chunk that cannot be read ends playback there, and the listener hears {@code stopped}.
     */
    public void play(PlaybackSource source, double from, double to, boolean loop, Listener listener)
            throws AudioUnavailableException {
        if (playing) {
            throw new IllegalStateException("already playing: stop first");
        }
        int sampleRate = source.sampleRate();
        long first = Math.max(0, Math.min(source.length(), Math.round(from * sampleRate)));
        long end = Math.max(first, Math.min(source.length(), Math.round(to * sampleRate)));
        if (end == first) {
            listener.stopped(first / (double) sampleRate);
            return;
        }
        output.open(sampleRate);
        stopRequested = false;
        playing = true;
        executor.execute(() -> writeLoop(source, first, end, loop, listener));
    }

    /** Asks playback to stop; the listener hears {@code stopped} once it has. */
    public void stop() {
        stopRequested = true;
    }

    private void writeLoop(PlaybackSource source, long first, long end, boolean loop, Listener listener) {
        int sampleRate = source.sampleRate();
        byte[] pcm = new byte[CHUNK_FRAMES * 2];
        float[] chunk = new float[CHUNK_FRAMES];
        long position = first;
        try {
            while (!stopRequested) {
                int frames = (int) Math.min(CHUNK_FRAMES, end - position);
                try {
                    source.read(position, chunk, frames);
                } catch (java.io.IOException e) {
                    // the file went away or was cut short while playing: stop where it could still be read
                    org.slf4j.LoggerFactory.getLogger(Player.class).warn("Playback stopped: {}", e.getMessage());
                    break;
                }
                for (int i = 0; i < frames; i++) {
                    int value = toPcm16(chunk[i]);
                    pcm[2 * i] = (byte) value;
                    pcm[2 * i + 1] = (byte) (value >> 8);
                }
                output.write(pcm, 0, frames * 2);
                position += frames;
                long heard = Math.max(first, position - output.bufferedFrames());
                listener.position(heard / (double) sampleRate);
                if (position >= end) {
                    if (!loop) {
                        output.drain();
                        break;
                    }
                    position = first;
                }
            }
            if (stopRequested) {
                position = Math.max(first, position - output.bufferedFrames());
                output.stop();
            }
        } finally {
            output.close();
            playing = false;
            listener.stopped(Math.min(position, end) / (double) sampleRate);
        }
    }

    /** Full-scale float to 16-bit: round(x * 32767), clamped, so 1.0 maps to 32767 and -1.0 to -32767. */
    public static int toPcm16(float x) {
        long value = Math.round(x * 32767.0);
        return (int) Math.max(-32768, Math.min(32767, value));
    }
}
