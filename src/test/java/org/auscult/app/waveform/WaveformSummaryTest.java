package org.auscult.app.waveform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaveformSummaryTest {

    private static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 0.2);
        }
        return x;
    }

    /** Every column equals the brute-force min and max of the samples it covers (whole buckets). */
    @ParameterizedTest
    @ValueSource(ints = {16, 64, 1024, 4096, 65_536})
    void envelopeEqualsBruteForceOnBucketAlignedColumns(int samplesPerPixel) {
        float[] x = noise(1_000_003, 7);
        WaveformSummary summary = WaveformSummary.of(x, 4000);
        int pixels = (int) Math.ceil(x.length / (double) samplesPerPixel);
        float[] min = new float[pixels];
        float[] max = new float[pixels];
        int level = summary.envelope(0, samplesPerPixel, min, max);
        assertTrue(level >= 0, "a summary level serves " + samplesPerPixel + " samples per pixel");
        for (int p = 0; p < pixels; p++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int n = p * samplesPerPixel; n < Math.min(x.length, (p + 1) * samplesPerPixel); n++) {
                lo = Math.min(lo, x[n]);
                hi = Math.max(hi, x[n]);
            }
            assertEquals(lo, min[p], 0, "min of column " + p);
            assertEquals(hi, max[p], 0, "max of column " + p);
        }
    }

    /** Columns that cut buckets may widen to whole buckets: their envelope contains the true one, never less. */
    @Test
    void unalignedColumnsNeverHideASample() {
        float[] x = noise(200_000, 3);
        WaveformSummary summary = WaveformSummary.of(x, 4000);
        double samplesPerPixel = 777.7;
        int pixels = (int) (x.length / samplesPerPixel);
        float[] min = new float[pixels];
        float[] max = new float[pixels];
        summary.envelope(13.3, samplesPerPixel, min, max);
        for (int p = 0; p < pixels; p++) {
            int from = (int) Math.ceil(13.3 + p * samplesPerPixel);
            int to = (int) Math.floor(13.3 + (p + 1) * samplesPerPixel);
            for (int n = from; n < to; n++) {
                assertTrue(min[p] <= x[n] && x[n] <= max[p], "sample " + n + " in column " + p);
            }
        }
    }

    @Test
    void belowOneBucketPerPixelReadsTheSamples() {
        float[] x = {0f, 0.5f, -0.25f, 1f};
        WaveformSummary summary = WaveformSummary.of(x, 4);
        float[] min = new float[8];
        float[] max = new float[8];
        assertEquals(-1, summary.envelope(0, 0.5, min, max));
        assertEquals(0.5f, min[2], 0);
        assertEquals(0.5f, max[3], 0);
        assertEquals(1f, max[7], 0);
        assertEquals(1f, summary.peak(), 0);
    }

    @Test
    void columnsOutsideTheRecordingAreEmpty() {
        WaveformSummary summary = WaveformSummary.of(noise(100, 1), 100);
        float[] min = new float[4];
        float[] max = new float[4];
        summary.envelope(-100, 50, min, max);
        assertTrue(Float.isNaN(min[0]) && Float.isNaN(max[1]));
        assertTrue(!Float.isNaN(min[2]) && !Float.isNaN(min[3]));
    }

    @Test
    void levelsShrinkByTheFanOut() {
        WaveformSummary summary = WaveformSummary.of(new float[1 << 16], 4000);
        assertEquals(WaveformSummary.BASE_BUCKET, summary.bucketSize(0));
        assertEquals(WaveformSummary.BASE_BUCKET * WaveformSummary.FAN_OUT, summary.bucketSize(1));
        // 65536 / 16 = 4096 buckets, then 1024, 256, 64, 16, 4, 1: seven levels.
        assertEquals(7, summary.levels());
    }

    /**
     * An outline read from a file draws the exact range of the decoded samples under each column its 10 ms buckets
     * serve; zoomed in further, each column shows the range of the bucket under it.
     */
    @Test
    void anOutlineDrawsWhatTheDecodedSamplesDraw(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        float[] x = noise(44_100 * 20 + 123, 9);
        x[300_001] = 0.99f;   // one click, which every zoom must show
        java.nio.file.Path file = folder.resolve("twenty-seconds.wav");
        org.auscult.audio.WavWriter.writePcm16(file, new org.auscult.audio.AudioClip(x, 44_100),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        float[] decoded = new org.auscult.audio.RecordingDecoder().decode(file).clip().samples();
        WaveformSummary samples = WaveformSummary.of(decoded, 44_100);
        WaveformSummary outline = WaveformSummary.outline(file, new org.auscult.learn.Cancellation());
        assertTrue(outline.isOutline());
        assertEquals(null, outline.samples());
        assertEquals(decoded.length, outline.sampleCount());
        assertEquals(samples.durationSeconds(), outline.durationSeconds(), 0);
        assertEquals(441, outline.bucketSize(0), "10 ms at 44.1 kHz");
        assertEquals(samples.peak(), outline.peak(), 0);
        for (int samplesPerPixel : new int[] {441, 441 * 4, 441 * 16 * 3, 441 * 64 * 2}) {   // whole buckets
            int pixels = (int) Math.ceil(decoded.length / (double) samplesPerPixel);
            float[] expectedMin = new float[pixels];
            float[] expectedMax = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                expectedMin[p] = Float.POSITIVE_INFINITY;
                expectedMax[p] = Float.NEGATIVE_INFINITY;
                for (int n = p * samplesPerPixel; n < Math.min(decoded.length, (p + 1) * samplesPerPixel); n++) {
                    expectedMin[p] = Math.min(expectedMin[p], decoded[n]);
                    expectedMax[p] = Math.max(expectedMax[p], decoded[n]);
                }
            }
            float[] min = new float[pixels];
            float[] max = new float[pixels];
            outline.envelope(0, samplesPerPixel, min, max);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expectedMin, min, samplesPerPixel + " per pixel");
            org.junit.jupiter.api.Assertions.assertArrayEquals(expectedMax, max, samplesPerPixel + " per pixel");
        }
        // 10 samples per pixel, inside one bucket: the bucket's range, the click included where it lies
        float[] min = new float[100];
        float[] max = new float[100];
        assertEquals(0, outline.envelope(300_001 - 500, 10, min, max), "the finest level, not the samples");
        assertEquals(0.99f, max[50], 1e-4);
        assertEquals(max[49], max[50], 0, "both columns lie in the click's bucket");
    }

    @Test
    void cancellingAnOutlineStopsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path file = folder.resolve("noise.wav");
        org.auscult.audio.WavWriter.writePcm16(file, new org.auscult.audio.AudioClip(noise(50_000, 3), 44_100),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        org.auscult.learn.Cancellation cancellation = new org.auscult.learn.Cancellation();
        cancellation.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> WaveformSummary.outline(file, cancellation));
    }
}
