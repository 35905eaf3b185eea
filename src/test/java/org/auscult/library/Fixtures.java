package org.auscult.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny collections on disk for the importer tests: valid PCM16 WAVs and label files. */
final class Fixtures {

    static final int SAMPLE_RATE = 4000;
    private static final short[] SAMPLES = {0, 1000, -1000, 32767, -32768, 0, 250, -250};

    private Fixtures() {
    }

    /** A 44-byte canonical WAV header (PCM, mono, 16-bit, 4 kHz) and eight samples; creates parent folders. */
    static Path wav(Path file) {
        int dataBytes = SAMPLES.length * 2;
        ByteBuffer bytes = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)              // PCM
                .putShort((short) 1)              // mono
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)          // byte rate
                .putShort((short) 2)              // block align
                .putShort((short) 16)             // bits per sample
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short sample : SAMPLES) {
            bytes.putShort(sample);
        }
        return write(file, bytes.array());
    }

    /** WAVs at each of {@code relativePaths} under {@code root}. */
    static void wavs(Path root, String... relativePaths) {
        for (String relative : relativePaths) {
            wav(root.resolve(relative));
        }
    }

    /** A text file of the given lines joined by LF, with a final LF. */
    static Path text(Path file, String... lines) {
        return write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the shared data sets, from the {@code auscult.shared} system property. */
    static Path sharedData(String dataset) {
        return Path.of(System.getProperty("auscult.shared", "../shared"), "data", dataset);
    }

    /** The recording with {@code id}, failing the test when there is none. */
    static Recording byId(RecordingCollection collection, String id) {
        List<Recording> found = collection.recordings().stream().filter(r -> r.id().equals(id)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one recording with id " + id + ", found " + found.size() + " in "
                    + collection.recordings().stream().map(Recording::id).toList());
        }
        return found.get(0);
    }
}
