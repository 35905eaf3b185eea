package org.auscult.audio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Shares the Java heap between recordings analysed at the same time, so that a long recording is either given the
 * memory its analysis needs or refused by name before any of it is allocated, and never takes the rest of a batch
 * down with an {@link OutOfMemoryError}.
 *
 * <p>Each analysis {@linkplain #reserve reserves} its estimated peak bytes first. A reservation larger than the
 * budget, {@code B = f · maxHeap} with {@code f = } {@value #HEAP_FRACTION} (the rest is left to the loaded model,
 * caches and the collector's headroom), is refused with an {@link UnreadableAudioException} that names the file,
 * the bytes needed and the heap. One that fits the budget but not beside the reservations already held waits until
 * enough of them are released; a reservation is always granted when no other is held, so waiting cannot deadlock.
 *
 * <p>Thread-safe.
 */
public final class MemoryBudget {

    /** Share of the maximum heap that analyses may reserve together. */
    public static final double HEAP_FRACTION = 0.75;

    private static final MemoryBudget SHARED = new MemoryBudget((long) (HEAP_FRACTION * Runtime.getRuntime().maxMemory()));

    private final long capacity;
    private long reserved;

    /** A budget of {@code capacity} bytes (tests; the analysis uses {@link #shared()}). */
    public MemoryBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The budget of this process: {@value #HEAP_FRACTION} of the maximum heap. */
    public static MemoryBudget shared() {
        return SHARED;
    }

    /** Bytes that may be reserved at once. */
    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now. */
    public synchronized long reserved() {
        return reserved;
    }

    /** Memory held for one analysis until {@link #close}. */
    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean released;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        /** The bytes held. */
        public long bytes() {
            return bytes;
        }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                if (!released) {
                    released = true;
                    reserved -= bytes;
                    MemoryBudget.this.notifyAll();
                }
            }
        }
    }

    /**
     * Reserves {@code bytes} for the analysis of {@code file}, waiting while other analyses hold too much.
     *
     * @param what what needs the memory, for the refusal ("4.0 h at 4000 Hz")
     * @throws UnreadableAudioException when {@code bytes} exceed the whole budget, or the wait is interrupted
     */
    public Reservation reserve(Path file, long bytes, String what) throws UnreadableAudioException {
        Objects.requireNonNull(what, "what");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (bytes > capacity) {
            throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the recording is too long to"
                    + " analyse in memory: %s need about %d MB, more than the %d MB this process can give one"
                    + " recording (%.0f %% of the %d MB Java heap); raise the heap with -Xmx or split the recording",
                    what, mb(bytes), mb(capacity), 100 * HEAP_FRACTION, mb(Runtime.getRuntime().maxMemory())));
        }
        synchronized (this) {
            while (reserved > 0 && reserved + bytes > capacity) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnreadableAudioException(file, "interrupted while waiting for memory to analyse it", e);
                }
            }
            reserved += bytes;
        }
        return new Reservation(bytes);
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
