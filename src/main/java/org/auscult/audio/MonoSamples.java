package org.auscult.audio;

import java.nio.file.Path;

/**
 * Mono samples decoded into memory from a stream whose length is known only when it ends (FLAC, MP3): an array that
 * grows by half its size as needed, every allocation checked by {@link WavDecoder#allocate}, so that a recording too
 * large for the heap or for one Java array is refused by name instead of ending in an {@link OutOfMemoryError}.
 *
 * <p>When the expected length is right, the first array is the final one and nothing is copied.
 */
final class MonoSamples {

    private final Path file;
    private float[] samples;
    private int size;

    /** Room for {@code expected} samples to start with (0 when unknown). */
    MonoSamples(Path file, long expected) throws UnreadableAudioException {
        this.file = file;
        this.samples = WavDecoder.allocate(file, Math.max(0, expected));
    }

    /** Samples appended so far. */
    int size() {
        return size;
    }

    /**
     * The array to write the next {@code count} samples into, from index {@link #size()}; call {@link #added} after
     * writing them. The array may change between calls.
     */
    float[] room(int count) throws UnreadableAudioException {
        long needed = (long) size + count;
        if (needed > samples.length) {
            long grown = Math.max(needed, Math.min(WavDecoder.MAX_FRAMES, samples.length + (samples.length >> 1) + 4096L));
            float[] larger = WavDecoder.allocate(file, grown);
            System.arraycopy(samples, 0, larger, 0, size);
            samples = larger;
        }
        return samples;
    }

    /** Counts {@code count} samples written after the last ones. */
    void added(int count) {
        size += count;
    }

    /** Exactly the samples appended: the array itself when it is full, otherwise a trimmed copy. */
    float[] toArray() throws UnreadableAudioException {
        if (size == samples.length) {
            return samples;
        }
        float[] exact = WavDecoder.allocate(file, size);
        System.arraycopy(samples, 0, exact, 0, size);
        samples = exact;
        return exact;
    }
}
