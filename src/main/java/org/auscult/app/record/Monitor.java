package org.auscult.app.record;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.auscult.app.playback.AudioOutput;
import org.auscult.app.playback.AudioUnavailableException;
import org.auscult.app.playback.Player;

/**
 * Plays what is being recorded through the speakers or headphones, converted to 16-bit as playback converts
 * ({@link Player#toPcm16}). Blocks are handed over without waiting (the
 * capture thread must never block on a sound card) and played on a thread of their own; when the card falls
 * more than {@value #QUEUED_BLOCKS} blocks behind, blocks are skipped and counted rather than let the delay grow.
 */
final class Monitor implements AutoCloseable {

    /** Blocks waiting to be played at most: about a second of 50 ms blocks. */
    static final int QUEUED_BLOCKS = 20;
    private static final float[] END = new float[0];

    private final AudioOutput output;
    private final BlockingQueue<float[]> queue = new ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private final AtomicLong skipped = new AtomicLong();
    private final Thread player;

    /** @throws AudioUnavailableException when there is no output device, with a reason a person can act on */
    Monitor(AudioOutput output, int sampleRate) throws AudioUnavailableException {
        this.output = output;
        output.open(sampleRate);
        player = new Thread(this::play, "live-monitor");
        player.setDaemon(true);
        player.start();
    }

    /** Queues a block to be heard; skips it when the card is too far behind. */
    void offer(float[] block) {
        if (!queue.offer(block)) {
            skipped.addAndGet(block.length);
        }
    }

    /** Samples not heard because the card fell behind. */
    long skipped() {
        return skipped.get();
    }

    private void play() {
        byte[] pcm = new byte[0];
        try {
            while (true) {
                float[] block = queue.take();
                if (block == END) {
                    return;
                }
                if (pcm.length < block.length * 2) {
                    pcm = new byte[block.length * 2];
                }
                for (int i = 0; i < block.length; i++) {
                    int v = Player.toPcm16(block[i]);
                    pcm[2 * i] = (byte) v;
                    pcm[2 * i + 1] = (byte) (v >> 8);
                }
                output.write(pcm, 0, block.length * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plays what is still queued (at most about a second), then releases the device. */
    @Override
    public void close() {
        try {
            if (!queue.offer(END, 2, TimeUnit.SECONDS)) {
                player.interrupt();
            }
            player.join(TimeUnit.SECONDS.toMillis(3));
            output.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            output.stop();
            output.close();
        }
    }
}
