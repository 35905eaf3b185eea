package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.audio.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose analysis would need more than the heap is refused by name before anything large is allocated,
 * and the other recordings of the batch are analysed (finding 4 of issue 14: it used to end the whole batch with
 * an OutOfMemoryError naming no file).
 */
class LongRecordingBatchTest {

    @TempDir
    Path folder;

    @Test
    void aRecordingTooLongForTheHeapIsRefusedByNameAndTheBatchGoesOn() throws IOException {
        // 1 kHz 8-bit mono is the smallest file for the most analysis-rate samples: each byte becomes four
        // samples at 4 kHz, and the analysis needs tens of bytes per sample; size it to exceed the whole budget.
        long frames = Math.max(1_000_000, MemoryBudget.shared().capacity() / 60);
        Path tooLong = folder.resolve("too-long.wav");
        writeSilence8Bit(tooLong, frames, 1000);
        Path good = Path.of("sample-recordings", "circor", "36327_MV.wav");

        FeatureTableBuilder.Result result = new FeatureTableBuilder(AnalysisConfig.defaults(), 2).build(List.of(
                FeatureTableBuilder.Input.of(tooLong, "too-long"), FeatureTableBuilder.Input.of(good, "good")),
                (done, total, seconds) -> { });

        assertEquals(1, result.table().rows().size());
        assertEquals("good", result.table().rows().get(0).id());
        assertEquals(1, result.failures().size());
        FeatureTableBuilder.Failure failure = result.failures().get(0);
        assertEquals(tooLong, failure.file());
        assertTrue(failure.problem().contains("too long to analyse in memory"), failure.problem());
        assertTrue(failure.problem().contains("at 4000 Hz"), failure.problem());
    }

    private static void writeSilence8Bit(Path file, long frames, int rate) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + frames))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) frames);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 128);
            for (long written = 0; written < frames; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, frames - written));
            }
            if ((frames & 1) == 1) {
                out.write(0);
            }
        }
    }
}
