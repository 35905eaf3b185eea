package org.auscult.app.waveform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.auscult.app.playback.PlaybackSource;
import org.auscult.app.timeline.TimeViewport;
import org.junit.jupiter.api.Test;

/** Up close, the waveform of a long recording is read from its file at the file's own rate. */
class DetailFollowerTest {

    private static float[] noise(int n) {
        Random random = new Random(3);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    /** A source over {@code samples} that counts its reads. */
    private static PlaybackSource counting(float[] samples, int rate, AtomicInteger reads) {
        PlaybackSource inner = PlaybackSource.of(samples, rate);
        return new PlaybackSource() {
            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public long length() {
                return samples.length;
            }

            @Override
            public void read(long from, float[] target, int count) throws java.io.IOException {
                reads.incrementAndGet();
                inner.read(from, target, count);
            }
        };
    }

    @Test
    void aCloseViewIsReadOnceWithAViewOnEachSideAndAFarScrollReadsAgain() {
        float[] file = noise(100 * 44_100);
        TimeViewport viewport = new TimeViewport();
        viewport.reset(100);
        WaveformViewModel waveform = new WaveformViewModel();
        DetailFollower follower = new DetailFollower(viewport, waveform, Runnable::run, Runnable::run);
        AtomicInteger reads = new AtomicInteger();
        follower.setSource(counting(file, 44_100, reads));
        assertNull(waveform.detailProperty().get(), "100 s on screen: the summary serves");
        assertEquals(0, reads.get());

        viewport.show(40, 5);
        WaveformDetail detail = waveform.detailProperty().get();
        assertNotNull(detail);
        assertEquals(44_100, detail.sampleRate());
        assertEquals(35 * 44_100, detail.firstSample());
        assertArrayEquals(Arrays.copyOfRange(file, 35 * 44_100, 50 * 44_100), detail.samples());
        int read = reads.get();

        viewport.show(42, 5);
        assertEquals(read, reads.get(), "a small scroll stays inside what was read");
        viewport.show(70, 5);
        assertEquals(read + 1, reads.get());
        assertTrue(waveform.detailProperty().get().covers(70, 75, file.length));

        follower.setSource(null);
        assertNull(waveform.detailProperty().get(), "another recording: nothing of this one stays");
        viewport.show(10, 5);
        assertNull(waveform.detailProperty().get());
    }

    @Test
    void theEnvelopeOfAStretchIsTheRangeOfItsSamplesUnderEachColumn() {
        float[] samples = noise(44_100);
        WaveformDetail detail = new WaveformDetail(441_000, 44_100, samples);   // 10 s to 11 s
        assertTrue(detail.covers(10.2, 10.8, 10_000_000));
        assertFalse(detail.covers(9.9, 10.5, 10_000_000));
        assertTrue(detail.covers(10.5, 12, 485_100), "past the recording's end counts as covered");
        float[] min = new float[100];
        float[] max = new float[100];
        detail.envelope(10.5, 4.41 / 44_100, min, max);   // 4.41 samples per column
        for (int p = 0; p < 100; p++) {
            int from = (int) Math.floor(22_050 + p * 4.41);
            int to = Math.max(from + 1, (int) Math.ceil(22_050 + (p + 1) * 4.41));
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int n = from; n < to; n++) {
                lo = Math.min(lo, samples[n]);
                hi = Math.max(hi, samples[n]);
            }
            assertEquals(lo, min[p], 0, "column " + p);
            assertEquals(hi, max[p], 0, "column " + p);
        }
        detail.envelope(11.5, 0.01, min, max);
        assertTrue(Float.isNaN(min[0]) && Float.isNaN(max[99]), "outside the stretch");
    }
}
