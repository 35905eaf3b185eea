package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stretch of a WAV read on its own is the same stretch of the whole file decoded. */
class WavFrameReadTest {

    @TempDir
    Path folder;

    private void assertStretchesMatch(byte[] wav, String name) throws Exception {
        Path file = Files.write(folder.resolve(name), wav);
        WavDecoder decoder = new WavDecoder();
        float[] whole = decoder.decode(file).clip().samples();
        WavFormat format = decoder.readFormat(file);
        for (long first : new long[] {0, 1, 777, whole.length - 500}) {
            float[] stretch = new float[400];
            assertEquals(400, decoder.readFrames(file, format, first, stretch, 400));
            assertArrayEquals(Arrays.copyOfRange(whole, (int) first, (int) first + 400), stretch, "from " + first);
        }
        float[] tail = new float[1000];
        assertEquals(250, decoder.readFrames(file, format, whole.length - 250, tail, 1000), "only what is there");
        assertEquals(0, decoder.readFrames(file, format, whole.length + 5, tail, 10));
    }

    @Test
    void sixteenBitMonoAndTwentyFourBitStereo() throws Exception {
        assertStretchesMatch(WavBytes.pcm(16, 1, 44_100).data(WavBytes.randomBytes(2 * 20_000, 1)).build(), "mono.wav");
        assertStretchesMatch(WavBytes.pcm(24, 2, 8000).data(WavBytes.randomBytes(6 * 20_000, 2)).build(), "stereo.wav");
    }

    @Test
    void aFileCutShortAfterItsHeaderWasReadIsNamed() throws Exception {
        Path file = Files.write(folder.resolve("cut.wav"),
                WavBytes.pcm(16, 1, 4000).data(WavBytes.randomBytes(2 * 10_000, 3)).build());
        WavDecoder decoder = new WavDecoder();
        WavFormat format = decoder.readFormat(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4000));
        UnreadableAudioException cut = assertThrows(UnreadableAudioException.class,
                () -> decoder.readFrames(file, format, 9000, new float[1000], 1000));
        assertEquals(file, cut.file());
        assertTrue(cut.getMessage().contains("shorter than its header"), cut.getMessage());
    }
}
