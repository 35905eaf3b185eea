package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.auscult.io.AtomicFiles;

/**
 * Writes mono WAV files, PCM 16-bit or IEEE float 32-bit, atomically: the bytes go to a temporary file in the
 * target's folder, which is then moved over the target in one step, so a reader never sees half a file and a
 * failed write leaves nothing behind. An existing file is replaced only when the caller asks for it.
 *
 * <p>PCM 16-bit stores {@code round(x * 32768)} clamped to [-32768, 32767], so any value decoded from a 16-bit
 * file ({@code v / 32768}) is written back exactly. Float 32-bit stores the samples as they are.
 */
public final class WavWriter {

    /** Whether an existing target may be replaced. */
    public enum Overwrite {
        /** Fail with {@link FileAlreadyExistsException} when the target exists. */
        REFUSE,
        /** Replace an existing target. */
        REPLACE
    }

    /** The RIFF size field is 32 bits and also counts the (at most 50) header bytes after it. */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 64;
    private static final int BUFFER_SAMPLES = 64 * 1024;

    private WavWriter() {
    }

    /** Writes {@code clip} as mono PCM 16-bit (format tag 1). */
    public static void writePcm16(Path target, AudioClip clip, Overwrite overwrite) throws IOException {
        write(target, clip, WavFormat.WAVE_FORMAT_PCM, 2, overwrite);
    }

    /** Writes {@code clip} as mono IEEE float 32-bit (format tag 3); every sample must be finite. */
    public static void writeFloat32(Path target, AudioClip clip, Overwrite overwrite) throws IOException {
        write(target, clip, WavFormat.WAVE_FORMAT_IEEE_FLOAT, 4, overwrite);
    }

    private static void write(Path target, AudioClip clip, int formatTag, int bytesPerSample, Overwrite overwrite)
            throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(overwrite, "overwrite");
        float[] samples = clip.samples();
        long dataBytes = (long) samples.length * bytesPerSample;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException(samples.length + " samples do not fit in one WAV file (at most "
                    + MAX_DATA_BYTES / bytesPerSample + " at " + bytesPerSample * 8 + " bits)");
        }
        if (clip.sampleRate() < WavDecoder.MIN_SAMPLE_RATE || clip.sampleRate() > WavDecoder.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate " + clip.sampleRate() + " Hz is outside the range "
                    + WavDecoder.MIN_SAMPLE_RATE + " to " + WavDecoder.MAX_SAMPLE_RATE + " Hz that can be read back");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + samples[i] + "; only finite samples can"
                        + " be written to " + target);
            }
        }
        AtomicFiles.write(target, overwrite == Overwrite.REPLACE, out -> {
            out.write(header(clip.sampleRate(), formatTag, bytesPerSample, dataBytes).array());
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SAMPLES * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < samples.length; start += BUFFER_SAMPLES) {
                int end = Math.min(samples.length, start + BUFFER_SAMPLES);
                buffer.clear();
                if (formatTag == WavFormat.WAVE_FORMAT_PCM) {
                    for (int i = start; i < end; i++) {
                        buffer.putShort(toPcm16(samples[i]));
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        buffer.putFloat(samples[i]);
                    }
                }
                out.write(buffer.array(), 0, buffer.position());
            }
            if ((dataBytes & 1) == 1) {
                out.write(0); // RIFF pad byte after an odd-sized chunk
            }
        });
    }

    /** {@code round(x * 32768)} clamped to the 16-bit range. */
    static short toPcm16(float x) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(x * 32_768f)));
    }


    /**
     * The canonical 44-byte PCM header; float files get the 18-byte fmt chunk (cbSize 0) and the fact chunk
     * (frame count) that the format specification requires of every non-PCM format.
     */
    static ByteBuffer header(int sampleRate, int formatTag, int bytesPerSample, long dataBytes) {
        boolean pcm = formatTag == WavFormat.WAVE_FORMAT_PCM;
        int fmtBytes = pcm ? 16 : 18;
        int factChunkBytes = pcm ? 0 : 12;
        int headerBytes = 12 + 8 + fmtBytes + factChunkBytes + 8;
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + dataBytes + (dataBytes & 1))).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(fmtBytes)
                .putShort((short) formatTag)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate * bytesPerSample)
                .putShort((short) bytesPerSample)
                .putShort((short) (bytesPerSample * 8));
        if (!pcm) {
            header.putShort((short) 0);
            header.put(ascii("fact")).putInt(4).putInt((int) (dataBytes / bytesPerSample));
        }
        header.put(ascii("data")).putInt((int) dataBytes);
        return header.flip();
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }

}
