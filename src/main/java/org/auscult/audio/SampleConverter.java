package org.auscult.audio;

import java.nio.ByteBuffer;

/**
 * Converts interleaved little-endian sample bytes to mono floats: one tight loop per storage layout, chosen once
 * per block, so the per-sample work is a load, a scale and a store.
 *
 * <p>Scaling: integer {@code v} of {@code b} container bits becomes {@code v / 2^(b-1)} (8-bit: {@code (u - 128) /
 * 128}); floats are kept as they are (64-bit ones rounded to the nearest float). Several channels become their
 * arithmetic mean; for integers the sum of the channel values is exact and divided once, so the result is the
 * exact mean rounded once to a float.
 */
final class SampleConverter {

    private static final float SCALE_8 = 1f / 128;
    static final float SCALE_16 = 1f / 32_768;
    private static final float SCALE_24 = 1f / 8_388_608;
    private static final double SCALE_32 = 1.0 / 2_147_483_648.0;

    /** How one sample is stored. */
    enum Layout {
        UNSIGNED_8(1, 128), SIGNED_16(2, 32_768), SIGNED_24(3, 8_388_608), SIGNED_32(4, 2_147_483_648.0),
        FLOAT_32(4, 1), FLOAT_64(8, 1);

        final int bytes;
        /** Full scale of the integer layouts (2^(bits-1)); 1 for floats. */
        final double fullScale;

        Layout(int bytes, double fullScale) {
            this.bytes = bytes;
            this.fullScale = fullScale;
        }

        static Layout of(WavFormat format) {
            if (format.encoding() == WavFormat.Encoding.IEEE_FLOAT) {
                return format.bitsPerSample() == 64 ? FLOAT_64 : FLOAT_32;
            }
            return switch (format.bitsPerSample()) {
                case 8 -> UNSIGNED_8;
                case 16 -> SIGNED_16;
                case 24 -> SIGNED_24;
                case 32 -> SIGNED_32;
                default -> throw new IllegalArgumentException("no PCM layout for " + format.bitsPerSample() + " bits");
            };
        }
    }

    /**
     * The largest float sample magnitude accepted, in full scale: 1000 (+60 dBFS). Float WAVs may legitimately
     * exceed 1.0 (unclipped processing leaves a few dB, rarely tens of dB, of overshoot), but a sample a thousand
     * times full scale is no recording of sound: it is integer values stored as floats, or bytes that are not
     * samples at all. Accepted, such values would give levels hundreds of dB above full scale and energies that
     * overflow.
     */
    static final double MAX_FLOAT_MAGNITUDE = 1e3;

    private SampleConverter() {
    }

    /** True for a float sample the decoder accepts: finite and within {@link #MAX_FLOAT_MAGNITUDE}; false for NaN. */
    static boolean acceptable(double sample) {
        return Math.abs(sample) <= MAX_FLOAT_MAGNITUDE;
    }

    /**
     * Converts {@code frames} frames from the start of {@code in} (little-endian, absolute indexing) into
     * {@code out[outOffset ...]}.
     *
     * @return -1 when every sample was {@link #acceptable}, otherwise the index (within this block) of the first
     *         frame holding one that is not; the output is then incomplete
     */
    static int convert(ByteBuffer in, int frames, int channels, Layout layout, float[] out, int outOffset) {
        if (channels == 1) {
            return convertMono(in, frames, layout, out, outOffset);
        }
        return switch (layout) {
            case FLOAT_32, FLOAT_64 -> mixFloats(in, frames, channels, layout, out, outOffset);
            default -> mixIntegers(in, frames, channels, layout, out, outOffset);
        };
    }

    /**
     * As {@link #convert}, but only channel {@code channel} (0-based) of {@code channels}, not their mean: for
     * channels that cancel when averaged ({@link ChannelMixdown}).
     */
    static int convertChannel(ByteBuffer in, int frames, int channels, int channel, Layout layout, float[] out,
                              int o) {
        int frameBytes = channels * layout.bytes;
        for (int i = 0; i < frames; i++) {
            double x = valueAt(in, i * frameBytes + channel * layout.bytes, layout);
            if (!acceptable(x)) {
                return i;
            }
            out[o + i] = (float) x;
        }
        return -1;
    }

    private static int convertMono(ByteBuffer in, int frames, Layout layout, float[] out, int o) {
        switch (layout) {
            case UNSIGNED_8 -> {
                for (int i = 0; i < frames; i++) {
                    out[o + i] = ((in.get(i) & 0xFF) - 128) * SCALE_8;
                }
            }
            case SIGNED_16 -> {
                for (int i = 0; i < frames; i++) {
                    out[o + i] = in.getShort(2 * i) * SCALE_16;
                }
            }
            case SIGNED_24 -> {
                for (int i = 0; i < frames; i++) {
                    out[o + i] = int24(in, 3 * i) * SCALE_24;
                }
            }
            case SIGNED_32 -> {
                for (int i = 0; i < frames; i++) {
                    out[o + i] = (float) (in.getInt(4 * i) * SCALE_32);
                }
            }
            case FLOAT_32 -> {
                for (int i = 0; i < frames; i++) {
                    float x = in.getFloat(4 * i);
                    if (!acceptable(x)) {
                        return i;
                    }
                    out[o + i] = x;
                }
            }
            case FLOAT_64 -> {
                for (int i = 0; i < frames; i++) {
                    float x = (float) in.getDouble(8 * i);
                    if (!acceptable(x)) {
                        return i;
                    }
                    out[o + i] = x;
                }
            }
        }
        return -1;
    }

    private static int mixIntegers(ByteBuffer in, int frames, int channels, Layout layout, float[] out, int o) {
        double divisor = channels * layout.fullScale;
        int frameBytes = channels * layout.bytes;
        for (int i = 0; i < frames; i++) {
            int p = i * frameBytes;
            long sum = 0;
            for (int c = 0; c < channels; c++, p += layout.bytes) {
                sum += integerAt(in, p, layout);
            }
            out[o + i] = (float) (sum / divisor);
        }
        return -1;
    }

    private static int mixFloats(ByteBuffer in, int frames, int channels, Layout layout, float[] out, int o) {
        int frameBytes = channels * layout.bytes;
        for (int i = 0; i < frames; i++) {
            int p = i * frameBytes;
            double sum = 0;
            for (int c = 0; c < channels; c++, p += layout.bytes) {
                double x = layout == Layout.FLOAT_64 ? in.getDouble(p) : in.getFloat(p);
                if (!acceptable(x)) {
                    return i;
                }
                sum += x;
            }
            out[o + i] = (float) (sum / channels);
        }
        return -1;
    }

    /** The integer sample at byte {@code p}, offset-corrected for unsigned 8-bit. */
    private static int integerAt(ByteBuffer in, int p, Layout layout) {
        return switch (layout) {
            case UNSIGNED_8 -> (in.get(p) & 0xFF) - 128;
            case SIGNED_16 -> in.getShort(p);
            case SIGNED_24 -> int24(in, p);
            case SIGNED_32 -> in.getInt(p);
            default -> throw new IllegalArgumentException(layout + " is not an integer layout");
        };
    }

    /** A signed 24-bit little-endian integer: the top byte keeps its sign, the lower two do not. */
    private static int int24(ByteBuffer in, int p) {
        return (in.get(p) & 0xFF) | (in.get(p + 1) & 0xFF) << 8 | in.get(p + 2) << 16;
    }

    /** The value of one channel's sample at byte {@code p}, as a double, for messages about bad samples. */
    static double valueAt(ByteBuffer in, int p, Layout layout) {
        return switch (layout) {
            case FLOAT_32 -> in.getFloat(p);
            case FLOAT_64 -> in.getDouble(p);
            default -> integerAt(in, p, layout) / layout.fullScale;
        };
    }
}
