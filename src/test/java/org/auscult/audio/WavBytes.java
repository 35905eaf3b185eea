package org.auscult.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds WAV files byte by byte for tests, with every header field under control: valid files of each format,
 * and broken ones made by overriding a single field.
 */
final class WavBytes {

    private int formatTag = WavFormat.WAVE_FORMAT_PCM;
    private int channels = 1;
    private int sampleRate = 4000;
    private int bitsPerSample = 16;
    private Integer blockAlign;
    private Long byteRate;
    private Integer extensibleSubFormat;
    private int validBits;
    private byte[] fmtBodyOverride;
    private Integer fmtSizeOverride;
    private byte[] data = new byte[0];
    private Long dataSizeOverride;
    private Long riffSizeOverride;
    private String riffMagic = "RIFF";
    private String waveMagic = "WAVE";
    private boolean omitFmt;
    private boolean omitData;
    private boolean dataBeforeFmt;
    private final List<byte[]> chunksBeforeData = new ArrayList<>();
    private final List<byte[]> chunksAfterData = new ArrayList<>();

    static WavBytes pcm(int bits, int channels, int sampleRate) {
        WavBytes wav = new WavBytes();
        wav.bitsPerSample = bits;
        wav.channels = channels;
        wav.sampleRate = sampleRate;
        return wav;
    }

    static WavBytes float32(int channels, int sampleRate) {
        return pcm(32, channels, sampleRate).formatTag(WavFormat.WAVE_FORMAT_IEEE_FLOAT);
    }

    static WavBytes float64(int channels, int sampleRate) {
        return pcm(64, channels, sampleRate).formatTag(WavFormat.WAVE_FORMAT_IEEE_FLOAT);
    }

    /** WAVE_FORMAT_EXTENSIBLE with the given sub-format tag (1 = PCM, 3 = float) and valid bits. */
    WavBytes extensible(int subFormatTag, int validBitsPerSample) {
        formatTag = WavFormat.WAVE_FORMAT_EXTENSIBLE;
        extensibleSubFormat = subFormatTag;
        validBits = validBitsPerSample;
        return this;
    }

    WavBytes formatTag(int tag) {
        formatTag = tag;
        return this;
    }

    WavBytes channels(int value) {
        channels = value;
        return this;
    }

    WavBytes sampleRate(int value) {
        sampleRate = value;
        return this;
    }

    WavBytes bitsPerSample(int value) {
        bitsPerSample = value;
        return this;
    }

    WavBytes blockAlign(int value) {
        blockAlign = value;
        return this;
    }

    WavBytes byteRate(long value) {
        byteRate = value;
        return this;
    }

    /** Replaces the whole fmt body (the chunk size follows it unless overridden). */
    WavBytes fmtBody(byte[] body) {
        fmtBodyOverride = body;
        return this;
    }

    WavBytes fmtSize(int value) {
        fmtSizeOverride = value;
        return this;
    }

    WavBytes data(byte[] value) {
        data = value;
        return this;
    }

    WavBytes dataSize(long value) {
        dataSizeOverride = value;
        return this;
    }

    WavBytes riffSize(long value) {
        riffSizeOverride = value;
        return this;
    }

    WavBytes riffMagic(String value) {
        riffMagic = value;
        return this;
    }

    WavBytes waveMagic(String value) {
        waveMagic = value;
        return this;
    }

    WavBytes withoutFmt() {
        omitFmt = true;
        return this;
    }

    WavBytes withoutData() {
        omitData = true;
        return this;
    }

    WavBytes dataBeforeFmt() {
        dataBeforeFmt = true;
        return this;
    }

    /** Adds a chunk (with its pad byte when odd-sized) between fmt and data. */
    WavBytes chunkBeforeData(String id, byte[] body) {
        chunksBeforeData.add(chunk(id, body));
        return this;
    }

    /** Adds a chunk (with its pad byte when odd-sized) after data. */
    WavBytes chunkAfterData(String id, byte[] body) {
        chunksAfterData.add(chunk(id, body));
        return this;
    }

    /** A LIST/INFO chunk naming the software, as many recorders write. */
    WavBytes withListInfo() {
        byte[] software = "Auscult test\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer body = le(4 + 8 + software.length + (software.length & 1));
        body.put(ascii("INFO")).put(ascii("ISFT")).putInt(software.length).put(software);
        return chunkBeforeData("LIST", body.array());
    }

    byte[] fmtBody() {
        if (fmtBodyOverride != null) {
            return fmtBodyOverride;
        }
        int align = blockAlign != null ? blockAlign : channels * (bitsPerSample / 8);
        long rate = byteRate != null ? byteRate : (long) sampleRate * align;
        ByteBuffer body = le(extensibleSubFormat == null ? 16 : 40);
        body.putShort((short) formatTag).putShort((short) channels).putInt(sampleRate).putInt((int) rate)
                .putShort((short) align).putShort((short) bitsPerSample);
        if (extensibleSubFormat != null) {
            body.putShort((short) 22).putShort((short) validBits).putInt(channels == 1 ? 0x4 : 0x3)
                    .putShort(extensibleSubFormat.shortValue())
                    .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
                        0x38, (byte) 0x9B, 0x71});
        }
        return body.array();
    }

    byte[] build() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] fmt = fmtBody();
        byte[] fmtChunk = chunk("fmt ", fmt, fmtSizeOverride == null ? fmt.length : fmtSizeOverride);
        byte[] dataChunk = chunk("data", data, dataSizeOverride == null ? data.length : dataSizeOverride);
        body.writeBytes(ascii(waveMagic));
        if (dataBeforeFmt) {
            body.writeBytes(dataChunk);
        }
        if (!omitFmt) {
            body.writeBytes(fmtChunk);
        }
        chunksBeforeData.forEach(body::writeBytes);
        if (!omitData && !dataBeforeFmt) {
            body.writeBytes(dataChunk);
        }
        chunksAfterData.forEach(body::writeBytes);
        byte[] riffBody = body.toByteArray();
        ByteBuffer file = le(8 + riffBody.length);
        file.put(ascii(riffMagic)).putInt((int) (riffSizeOverride == null ? riffBody.length : riffSizeOverride))
                .put(riffBody);
        return file.array();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, build());
    }

    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body, body.length);
    }

    /** A chunk whose header declares {@code declaredSize}; the body and its pad byte follow as given. */
    static byte[] chunk(String id, byte[] body, long declaredSize) {
        ByteBuffer chunk = le(8 + body.length + (body.length & 1));
        chunk.put(ascii(id)).putInt((int) declaredSize).put(body);
        return chunk.array();
    }

    // --- sample encoders: interleaved values, one argument per sample ---

    /** {@code count} random bytes from {@code seed}: sample data of any width, noise of any kind. */
    static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] uint8(int... values) {
        ByteBuffer out = le(values.length);
        for (int v : values) {
            out.put((byte) v);
        }
        return out.array();
    }

    static byte[] int16(int... values) {
        ByteBuffer out = le(2 * values.length);
        for (int v : values) {
            out.putShort((short) v);
        }
        return out.array();
    }

    static byte[] int24(int... values) {
        ByteBuffer out = le(3 * values.length);
        for (int v : values) {
            out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return out.array();
    }

    static byte[] int32(int... values) {
        ByteBuffer out = le(4 * values.length);
        for (int v : values) {
            out.putInt(v);
        }
        return out.array();
    }

    static byte[] float32(float... values) {
        ByteBuffer out = le(4 * values.length);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    static byte[] float64(double... values) {
        ByteBuffer out = le(8 * values.length);
        for (double v : values) {
            out.putDouble(v);
        }
        return out.array();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
