package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.stream.Stream;
import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed resampler gives exactly the one-shot output, whatever the block sizes: every output sample is the
 * same sum over the same taps in the same order.
 */
class StreamingResamplerTest {

    private static final Resampler RESAMPLER = new Resampler();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(44100, 4000, 100_000),   // two stages
                Arguments.of(48000, 4000, 77_777),    // two stages, integer ratio
                Arguments.of(192000, 4000, 200_003),  // two stages, the highest accepted rate
                Arguments.of(8000, 4000, 40_001),     // one stage, decimation by two
                Arguments.of(22050, 4000, 50_000),    // one stage
                Arguments.of(11025, 4000, 12_345),
                Arguments.of(2000, 4000, 9_999),      // up-sampling
                Arguments.of(1000, 44100, 3_001),
                Arguments.of(44100, 4000, 1),
                Arguments.of(44100, 4000, 37),
                Arguments.of(4000, 2000, 0));
    }

    @ParameterizedTest(name = "{0} -> {1} Hz, {2} samples")
    @MethodSource("cases")
    void equalsTheOneShotResamplerBitForBitForAnyBlocking(int source, int target, int length) {
        Random random = new Random(source * 31L + target + length);
        float[] input = new float[length];
        for (int i = 0; i < length; i++) {
            input[i] = (float) (0.5 * Math.sin(i * 0.013) + 0.3 * random.nextGaussian());
        }
        float[] expected = RESAMPLER.resample(new AudioClip(input, source), target).samples();
        for (int blocking : new int[] {1, 7, 4096, 1 << 18, -1}) {
            if (blocking == 1 && length > 20_000) {
                continue;   // one sample per call is covered on the shorter inputs
            }
            float[] streamed = stream(input, source, target, blocking, random);
            assertEquals(expected.length, streamed.length);
            assertArrayEquals(expected, streamed, "blocks of " + (blocking < 0 ? "random size" : blocking));
        }
    }

    @Test
    void longInputHoldsOnlyAShortStretchOfInput() {
        // 60 s at 44.1 kHz in blocks of 2^18: the output is complete and equal, computed as the input arrived
        int source = 44100;
        int length = 60 * source;
        float[] input = new float[length];
        Random random = new Random(7);
        for (int i = 0; i < length; i++) {
            input[i] = (float) random.nextGaussian() * 0.1f;
        }
        float[] expected = RESAMPLER.resample(new AudioClip(input, source), 4000).samples();
        assertArrayEquals(expected, stream(input, source, 4000, 1 << 18, random));
    }

    @Test
    void refusesMoreOrFewerSamplesThanAnnounced() {
        StreamingResampler resampler = new StreamingResampler(8000, 4000, 10);
        resampler.accept(new float[6], 6);
        assertThrows(IllegalStateException.class, resampler::finish);
        assertThrows(IllegalStateException.class, () -> resampler.accept(new float[5], 5));
    }

    /** Pushes {@code input} in blocks of {@code blocking} samples (random sizes up to 50 000 when negative). */
    @Test
    void runsSharedBetweenThreadsGiveTheSameSamples() {
        // 90 s at 44.1 kHz: runs of 32768 outputs cut into 1, 2, 3 and 4 parts computed side by side, each part
        // with its own work arrays reused from run to run
        int source = 44100;
        float[] input = new float[90 * source];
        Random random = new Random(11);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (0.4 * Math.sin(i * 0.0021) + 0.2 * random.nextGaussian());
        }
        float[] expected = RESAMPLER.resample(new AudioClip(input, source), 4000).samples();
        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            assertArrayEquals(expected, stream(input, source, 4000, 1 << 18, random, parallelism),
                    parallelism + " parts");
        }
    }

    private static float[] stream(float[] input, int source, int target, int blocking, Random random) {
        return stream(input, source, target, blocking, random, 2);
    }

    private static float[] stream(float[] input, int source, int target, int blocking, Random random,
                                  int parallelism) {
        StreamingResampler resampler = new StreamingResampler(source, target, input.length, parallelism);
        float[] block = new float[Math.max(1, blocking < 0 ? 50_000 : blocking)];
        for (int done = 0; done < input.length; ) {
            int count = Math.min(input.length - done, blocking < 0 ? 1 + random.nextInt(block.length) : blocking);
            System.arraycopy(input, done, block, 0, count);
            java.util.Arrays.fill(block, count, block.length, Float.NaN);   // stale samples must never be read
            resampler.accept(block, count);
            done += count;
        }
        return resampler.finish();
    }
}
