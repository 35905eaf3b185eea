package org.auscult.audio;

/**
 * The four-byte header of an MPEG audio frame (ISO 11172-3 / 13818-3, and the unofficial MPEG 2.5): enough to tell
 * an MP3 file by its first bytes, to find the length of a frame, and to find the Xing/Info/VBRI tag a frame may
 * carry instead of audio.
 *
 * <p>Header bits, most significant first: 11 sync bits (all ones), version (2: 00 MPEG 2.5, 01 reserved, 10 MPEG 2,
 * 11 MPEG 1), layer (2: 01 layer 3, 10 layer 2, 11 layer 1, 00 reserved, used by AAC's ADTS), protection (1: 0 means
 * a 16-bit CRC follows the header), bitrate index (4), sample-rate index (2), padding (1), private (1), channel mode
 * (2: 11 single channel), mode extension (2), copyright, original, emphasis.
 *
 * <p>Frame length in bytes: layer 1 {@code (12 * bitrate / rate + padding) * 4}; layer 2, and layer 3 of MPEG 1,
 * {@code 144 * bitrate / rate + padding}; layer 3 of MPEG 2 and 2.5 {@code 72 * bitrate / rate + padding}.
 *
 * @param version       1 (MPEG 1), 2 (MPEG 2) or 25 (MPEG 2.5)
 * @param layer         1, 2 or 3
 * @param crc           whether a 16-bit CRC follows the header
 * @param bitrate       bits per second; 0 for the free format
 * @param sampleRate    samples per second
 * @param padding       whether the frame carries one padding slot
 * @param channels      1 (single channel) or 2
 */
record MpegHeader(int version, int layer, boolean crc, int bitrate, int sampleRate, boolean padding, int channels) {

    /** Header bytes. */
    static final int BYTES = 4;

    private static final int[][] RATES = {{44_100, 48_000, 32_000}, {22_050, 24_000, 16_000}, {11_025, 12_000, 8_000}};

    /** kbit/s by [MPEG 1 ? 0 : 1][layer - 1][index]; index 0 is the free format, 15 is forbidden. */
    private static final int[][][] KBITS = {
        {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        },
        {
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        },
    };

    /** True when bytes {@code b0, b1} begin an MPEG audio frame sync (11 ones) with a layer that is not 00. */
    static boolean isSync(int b0, int b1) {
        return (b0 & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0 && (b1 & 0x06) != 0;
    }

    /** True when bytes {@code b0, b1} begin an AAC ADTS header: 12 sync bits and layer 00. */
    static boolean isAdts(int b0, int b1) {
        return (b0 & 0xFF) == 0xFF && (b1 & 0xF6) == 0xF0;
    }

    /** The header whose bytes are {@code b0..b3}, or null when they are not a valid MPEG audio frame header. */
    static MpegHeader parse(int b0, int b1, int b2, int b3) {
        if (!isSync(b0, b1)) {
            return null;
        }
        int versionBits = (b1 >> 3) & 3;
        if (versionBits == 1) {
            return null;
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int layer = 4 - ((b1 >> 1) & 3);
        int bitrateIndex = (b2 >> 4) & 0xF;
        int rateIndex = (b2 >> 2) & 3;
        if (bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int sampleRate = RATES[version == 1 ? 0 : version == 2 ? 1 : 2][rateIndex];
        int bitrate = 1000 * KBITS[version == 1 ? 0 : 1][layer - 1][bitrateIndex];
        boolean crc = (b1 & 1) == 0;
        boolean padding = ((b2 >> 1) & 1) == 1;
        int channels = ((b3 >> 6) & 3) == 3 ? 1 : 2;
        return new MpegHeader(version, layer, crc, bitrate, sampleRate, padding, channels);
    }

    /** The frame's length in bytes, header included; 0 for the free format, whose length no header gives. */
    int frameBytes() {
        if (bitrate == 0) {
            return 0;
        }
        if (layer == 1) {
            return (12 * bitrate / sampleRate + (padding ? 1 : 0)) * 4;
        }
        int coefficient = layer == 3 && version != 1 ? 72 : 144;
        return coefficient * bitrate / sampleRate + (padding ? 1 : 0);
    }

    /** Samples per channel one frame decodes to: 384 (layer 1), 1152 (layer 2, MPEG 1 layer 3) or 576. */
    int samplesPerFrame() {
        return layer == 1 ? 384 : layer == 3 && version != 1 ? 576 : 1152;
    }

    /**
     * Where a Xing or Info tag begins in a layer 3 frame that carries one: after the header, the CRC and the side
     * information (MPEG 1: 17 bytes mono, 32 stereo; MPEG 2 and 2.5: 9 and 17).
     */
    int xingOffset() {
        int sideInfo = version == 1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return BYTES + (crc ? 2 : 0) + sideInfo;
    }

    /** Where a VBRI tag (Fraunhofer's encoder) begins: 32 bytes after the header. */
    static final int VBRI_OFFSET = BYTES + 32;

    /** "MPEG-1 layer 3": for messages. */
    String describe() {
        return "MPEG-" + (version == 25 ? "2.5" : Integer.toString(version)) + " layer " + layer;
    }
}
