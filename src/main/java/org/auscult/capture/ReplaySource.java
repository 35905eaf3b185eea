package org.auscult.capture;

import java.io.IOException;
import java.nio.file.Path;
import org.auscult.audio.AudioClip;
import org.auscult.audio.RecordingDecoder;

/**
 * A recording played back as if it were live: blocks of {@value #BLOCK_SECONDS} s released at {@code speed} times
 * real time (1 for real time; tests use more). It lets Record mode be tried, shown and tested without a stethoscope.
 */
public final class ReplaySource implements CaptureSource {

    /** Seconds per block handed out. */
    public static final double BLOCK_SECONDS = 0.05;

    private final AudioClip clip;
    private final String name;
    private final double speed;
    private final long started = System.nanoTime();
    private int position;
    private volatile boolean closed;

    public ReplaySource(AudioClip clip, String name, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be positive, got " + speed);
        }
        this.clip = clip;
        this.name = name;
        this.speed = speed;
    }

    /** Replays the recording in {@code file}, decoded at its own rate. */
    public static ReplaySource of(Path file, double speed) throws IOException {
        return new ReplaySource(new RecordingDecoder().decode(file).clip(), "replay of " + file.getFileName(), speed);
    }

    @Override
    public int sampleRate() {
        return clip.sampleRate();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public int read(float[] buffer) throws IOException {
        if (closed || position >= clip.length()) {
            return -1;
        }
        int block = Math.min(buffer.length, Math.min(clip.length() - position,
                (int) Math.max(1, Math.round(BLOCK_SECONDS * clip.sampleRate()))));
        // release the block when its last sample is due
        long dueNanos = (long) ((position + block) / (double) clip.sampleRate() / speed * 1e9);
        long wait = dueNanos - (System.nanoTime() - started);
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        if (closed) {
            return -1;
        }
        System.arraycopy(clip.samples(), position, buffer, 0, block);
        position += block;
        return block;
    }

    @Override
    public long droppedFrames() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
