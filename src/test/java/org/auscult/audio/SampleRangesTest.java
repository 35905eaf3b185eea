package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording's ranges read in one pass are the ranges of the samples a full decoding gives. */
class SampleRangesTest {

    @TempDir
    Path folder;

    /** The ranges of {@code file}'s decoded samples, bucket by bucket. */
    private static SampleRanges expected(Path file, int bucket) throws UnreadableAudioException {
        AudioClip clip = new RecordingDecoder().decode(file).clip();
        return SampleRanges.of(clip.samples(), clip.sampleRate(), bucket);
    }

    private void assertRangesMatchTheDecoding(byte[] wav, int bucket) throws Exception {
        Path file = Files.write(folder.resolve("r" + bucket + "-" + wav.length + ".wav"), wav);
        SampleRanges ranges = new RecordingDecoder().ranges(file, bucket, () -> { });
        SampleRanges reference = expected(file, bucket);
        assertEquals(reference.frames(), ranges.frames());
        assertEquals(reference.sampleRate(), ranges.sampleRate());
        assertArrayEquals(reference.min(), ranges.min());
        assertArrayEquals(reference.max(), ranges.max());
    }

    @Test
    void sixteenBitMonoIsReadWithoutConvertingEverySample() throws Exception {
        // more than one read block, and a last bucket shorter than the others
        byte[] data = WavBytes.randomBytes(2 * 700_001, 1);
        for (int bucket : new int[] {1, 16, 441, 100_000}) {
            assertRangesMatchTheDecoding(WavBytes.pcm(16, 1, 44_100).data(data).build(), bucket);
        }
    }

    @Test
    void otherEncodingsAreConvertedAndDownmixedFirst() throws Exception {
        assertRangesMatchTheDecoding(WavBytes.pcm(24, 2, 8000).data(WavBytes.randomBytes(6 * 30_011, 2)).build(), 80);
        assertRangesMatchTheDecoding(WavBytes.pcm(8, 1, 4000).data(WavBytes.randomBytes(12_345, 3)).build(), 40);
        float[] values = new float[20_000];
        Random random = new Random(4);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 0.3f;
        }
        assertRangesMatchTheDecoding(WavBytes.float32(2, 4000).data(WavBytes.float32(values)).build(), 40);
    }

    @Test
    void aFileShorterThanItsHeaderGivesTheBucketsItsSamplesReach() throws Exception {
        // the data chunk claims 10 000 frames, the file holds 2 501: the tolerated truncation of a full decoding
        byte[] wav = WavBytes.pcm(16, 1, 4000).data(WavBytes.randomBytes(2 * 2501, 5)).dataSize(20_000).build();
        assertRangesMatchTheDecoding(wav, 100);
        Path file = Files.write(folder.resolve("short.wav"), wav);
        assertEquals(26, new RecordingDecoder().ranges(file, 100, () -> { }).min().length);
    }

    @Test
    void theCheckpointStopsTheReadingAndItsCancellationPassesThrough() throws Exception {
        Path file = Files.write(folder.resolve("long.wav"),
                WavBytes.pcm(16, 1, 44_100).data(WavBytes.randomBytes(2 * 2_000_000, 6)).build());
        AtomicInteger blocks = new AtomicInteger();
        assertThrows(CancellationException.class, () -> new RecordingDecoder().ranges(file, 441, () -> {
            if (blocks.incrementAndGet() == 2) {
                throw new CancellationException("a newer selection");
            }
        }));
        assertEquals(2, blocks.get(), "no block read after the cancellation");
    }

    @Test
    void aLongRecordingReadInPartsAtOnceGivesTheRangesOfItsDecoding() throws Exception {
        // long enough for two parts on a machine of two cores; buckets of 441 frames do not divide it
        int frames = (int) (2 * WavDecoder.PARALLEL_RANGES_FRAMES + 4_321);
        assertRangesMatchTheDecoding(WavBytes.pcm(16, 1, 44_100).data(WavBytes.randomBytes(2 * frames, 7)).build(),
                441);
    }

    @Test
    void aCancellationStopsEveryPartOfALongRecording() throws Exception {
        int frames = (int) (2 * WavDecoder.PARALLEL_RANGES_FRAMES);
        Path file = Files.write(folder.resolve("hour.wav"),
                WavBytes.pcm(16, 1, 44_100).data(WavBytes.randomBytes(2 * frames, 8)).build());
        AtomicInteger blocks = new AtomicInteger();
        assertThrows(CancellationException.class, () -> new RecordingDecoder().ranges(file, 441, () -> {
            if (blocks.incrementAndGet() >= 2) {
                throw new CancellationException("a newer selection");
            }
        }));
        int parts = Runtime.getRuntime().availableProcessors();
        assertTrue(blocks.get() <= 1 + parts, blocks.get() + " blocks began after the cancellation, of "
                + frames / WavDecoder.STREAM_BLOCK_FRAMES);
    }

    @Test
    void partsOfPartialBucketsAreNotJoined() {
        SampleRanges partial = SampleRanges.of(new float[] {0.1f, 0.2f, 0.3f}, 4000, 2);
        assertThrows(IllegalArgumentException.class, () -> SampleRanges.joined(List.of(partial, partial)));
        SampleRanges joined = SampleRanges.joined(List.of(SampleRanges.of(new float[] {0.1f, -0.2f}, 4000, 2),
                partial));
        assertEquals(5, joined.frames());
        assertArrayEquals(new float[] {-0.2f, 0.1f, 0.3f}, joined.min());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, joined.max());
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        Path file = Files.write(folder.resolve("not-audio.wav"), "hello".getBytes());
        UnreadableAudioException failure = assertThrows(UnreadableAudioException.class,
                () -> new RecordingDecoder().ranges(file, 16, () -> { }));
        assertEquals(file, failure.file());
    }
}
