package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mono PCM 16-bit WAV file written while it is recorded. Samples are appended as they come; every
 * {@link #flush} writes them out, puts the sizes in the header and forces both to the disk, so that after a crash,
 * a kill or a pulled cable the file is a valid WAV of everything up to the last flush. The file is created new:
 * an existing file is never overwritten.
 *
 * <p>Samples and header are {@link WavWriter}'s: {@code round(x * 32768)} clamped to [-32768, 32767], the canonical
 * 44-byte PCM header.
 */
public final class GrowingWavFile implements AutoCloseable {

    private static final int HEADER_BYTES = 44;
    /** The RIFF size field is 32 bits. */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - HEADER_BYTES;

    private final Path file;
    private final int sampleRate;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    /** @throws FileAlreadyExistsException when {@code file} exists */
    public GrowingWavFile(Path file, int sampleRate) throws IOException {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(WavWriter.header(sampleRate, WavFormat.WAVE_FORMAT_PCM, 2, 0), 0);
        channel.force(true);
    }

    public Path file() {
        return file;
    }

    /** Samples written so far (flushed or not). */
    public long samples() {
        return (dataBytes + pending.position()) / 2;
    }

    /** Appends {@code samples[0 .. count)}. */
    public void append(float[] samples, int count) throws IOException {
        if (dataBytes + pending.position() + 2L * count > MAX_DATA_BYTES) {
            throw new IOException(file + ": a WAV file holds at most " + MAX_DATA_BYTES / 2 + " samples");
        }
        for (int i = 0; i < count; i++) {
            if (!pending.hasRemaining()) {
                writePending();
            }
            pending.putShort(WavWriter.toPcm16(samples[i]));
        }
    }

    /** Writes what was appended, then the header's sizes, and forces both to the disk. */
    public void flush() throws IOException {
        writePending();
        channel.write(WavWriter.header(sampleRate, WavFormat.WAVE_FORMAT_PCM, 2, dataBytes), 0);
        channel.force(false);
    }

    private void writePending() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            dataBytes += channel.write(pending, HEADER_BYTES + dataBytes);
        }
        pending.clear();
    }

    /** The format of {@code frames} samples of such a file at {@code sampleRate}, as a decoder would report it. */
    public static WavFormat formatOf(int sampleRate, long frames) {
        return new WavFormat(WavFormat.Container.WAV, WavFormat.Encoding.PCM_INTEGER, WavFormat.WAVE_FORMAT_PCM,
                WavFormat.WAVE_FORMAT_PCM, 16, 16, 1, sampleRate, 2, frames, HEADER_BYTES, 2 * frames, 2 * frames,
                java.util.List.of("fmt ", "data"));
    }

    /** Flushes and closes. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
