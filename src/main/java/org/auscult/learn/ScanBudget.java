package org.auscult.learn;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a {@link StreamScan} may spend on one stream, and what it has spent: decompressed bytes, objects, depth,
 * the memory arrays and strings will take once built, the unfolded weight of the graph and the time. Each
 * overrun is a {@link Refused} whose message names the limit, for the user.
 */
final class ScanBudget {

    /**
     * What a stream may cost.
     *
     * @param maxStreamBytes    decompressed bytes
     * @param maxObjects        objects, strings, arrays, class descriptors and back-references together
     * @param maxDepth          nesting of objects inside objects
     * @param maxArrayLength    elements in one array
     * @param maxAllocatedBytes memory all arrays and strings will take together
     * @param maxUnfoldedWeight the unfolded weight of the whole graph (see {@link StreamScan})
     * @param deadlineNanos     {@link System#nanoTime()} past which the scan gives up
     */
    record Limits(long maxStreamBytes, long maxObjects, int maxDepth, long maxArrayLength, long maxAllocatedBytes,
                  long maxUnfoldedWeight, long deadlineNanos) {
    }

    /** Why a stream was refused; the message is the reason, for the user. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final Limits limits;
    private long objects;
    private long allocated;
    private long steps;

    ScanBudget(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** Objects, strings, arrays, class descriptors and back-references counted so far. */
    long objects() {
        return objects;
    }

    /** Bytes the arrays and strings seen so far will take. */
    long allocated() {
        return allocated;
    }

    /** {@code stream}, refusing once more than {@link Limits#maxStreamBytes} bytes have been read from it. */
    InputStream counting(InputStream stream) {
        return new Counting(stream, limits.maxStreamBytes());
    }

    /** One step of the walk at {@code depth}: refuses past the depth limit, and now and then checks the clock. */
    void tick(int depth) throws Refused {
        if (depth > limits.maxDepth()) {
            throw new Refused("object graph deeper than " + limits.maxDepth());
        }
        if (++steps % 4096 == 0 && System.nanoTime() - limits.deadlineNanos() > 0) {
            throw new Refused("checking it took longer than the time allowed");
        }
    }

    /** One more object, string, array, class descriptor or back-reference. */
    void count() throws Refused {
        if (++objects > limits.maxObjects()) {
            throw new Refused("more than " + limits.maxObjects() + " objects");
        }
    }

    /** Memory that {@code what} will take once built. */
    void allocate(long bytes, String what) throws Refused {
        if (bytes < 0 || bytes > limits.maxAllocatedBytes() - allocated) {
            throw new Refused(what + " would take the memory for its arrays and strings beyond "
                    + limits.maxAllocatedBytes() / (1024 * 1024) + " MB");
        }
        allocated += bytes;
    }

    /** {@code weight}, refused when over {@link Limits#maxUnfoldedWeight}. */
    long weighed(long weight) throws Refused {
        if (weight > limits.maxUnfoldedWeight()) {
            throw new Refused("rebuilding it would visit " + (weight == Long.MAX_VALUE ? "an unbounded number of"
                    : "more than " + limits.maxUnfoldedWeight()) + " objects (shared objects nested in one another)");
        }
        return weight;
    }

    /** {@code a + b}, saturating at {@link Long#MAX_VALUE} instead of overflowing. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Counts decompressed bytes and refuses past the limit. */
    private static final class Counting extends FilterInputStream {
        private final long limit;
        private long count;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, 1 << 16));
            if (skipped > 0) {
                advance(skipped);
            }
            return skipped;
        }

        private void advance(long n) throws Refused {
            count += n;
            if (count > limit) {
                throw new Refused("more than " + limit + " bytes once decompressed");
            }
        }
    }
}
