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
}
