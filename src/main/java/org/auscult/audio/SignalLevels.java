package org.auscult.audio;

import java.util.Objects;

/**
 * The level measures of a recording's mono samples at its own rate, gathered sample by sample so that they can be
 * taken while the recording streams past (it never has to exist as one array at its own rate).
 *
 * <p>Over the N samples x[n]: {@code sum = Σ x[n]}, {@code sumOfSquares = Σ x[n]²} (both accumulated in double,
 * in sample order), {@code peak = max |x[n]|}, and {@code clipped} the number of samples with
 * {@code |x[n]| >= fullScale}, where fullScale is the largest code of the format's valid bits,
 * {@code (2^(b-1) - 1) / 2^(b-1)}, or 1 for float files. {@link RecordingInfo} derives its dBFS levels, DC offset
 * and clipped fraction from these.
 *
 * <p>{@code fingerprint} names the samples themselves: a 64-bit hash over the bits of every sample in order,
 * {@code h = (h XOR bits(x[n])) * 0x9E3779B97F4A7C15}, finished by mixing in N. Equal samples give equal
 * fingerprints whatever the file's name, folder or container, so a model can tell the recordings it was trained on
 * when they come back; different recordings collide with a chance of about 2^-64 per pair.
 *
 * @param count        samples measured
 * @param sum          Σ x[n]
 * @param sumOfSquares Σ x[n]²
 * @param peak         max |x[n]|, 0 for no samples
 * @param clipped      samples at or beyond full scale
 * @param fingerprint  the samples' hash, as above
 */
public record SignalLevels(long count, double sum, double sumOfSquares, double peak, long clipped,
                           long fingerprint) {

    /** The multiplier of the fingerprint's hash (the 64-bit golden ratio, an odd constant that spreads bits). */
    static final long FINGERPRINT_MULTIPLIER = 0x9E3779B97F4A7C15L;

    /** The levels of {@code samples}, decoded from a file of {@code format}. */
    public static SignalLevels of(float[] samples, WavFormat format) {
        Accumulator accumulator = new Accumulator(format);
        accumulator.add(samples, 0, samples.length);
        return accumulator.levels();
    }

    /** The sample value at and beyond which a sample of {@code format} counts as clipped. */
    static float fullScale(WavFormat format) {
        return format.encoding() == WavFormat.Encoding.IEEE_FLOAT ? 1f
                : (float) (1 - Math.scalb(1.0, 1 - format.validBitsPerSample()));
    }

    /** Gathers the levels block by block; the result does not depend on how the samples are split. */
    public static final class Accumulator {
        private final float fullScale;
        private long count;
        private double sum;
        private double sumOfSquares;
        private double peak;
        private long clipped;
        private long hash = 0xCBF29CE484222325L;

        public Accumulator(WavFormat format) {
            this.fullScale = fullScale(Objects.requireNonNull(format, "format"));
        }

        /** Adds {@code samples[from .. from + length)}. */
        public void add(float[] samples, int from, int length) {
            double s = sum;
            double squares = sumOfSquares;
            double p = peak;
            long c = clipped;
            long h = hash;
            for (int i = from, end = from + length; i < end; i++) {
                float v = samples[i];
                h = (h ^ Float.floatToIntBits(v)) * FINGERPRINT_MULTIPLIER;
                double magnitude = Math.abs(v);
                s += v;
                squares += (double) v * v;
                p = Math.max(p, magnitude);
                if (magnitude >= fullScale) {
                    c++;
                }
            }
            sum = s;
            sumOfSquares = squares;
            peak = p;
            clipped = c;
            hash = h;
            count += length;
        }

        /** The levels of every sample added so far. */
        public SignalLevels levels() {
            long mixed = (hash ^ count) * FINGERPRINT_MULTIPLIER;
            return new SignalLevels(count, sum, sumOfSquares, peak, clipped, mixed ^ (mixed >>> 29));
        }
    }
}
