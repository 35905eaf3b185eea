package org.auscult.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LiveSpectrogramTest {

    @Test
    void aSineArrivingInBlocksReadsItsLevelAtItsFrequencyAndOldColumnsScrollAway() {
        int rate = 4000;
        LiveSpectrogram live = new LiveSpectrogram(rate, 1.0);
        assertNull(live.columns()[0], "nothing before the first frame");
        float[] block = new float[200];
        int n = 0;
        for (int b = 0; b < 40; b++) {
            for (int i = 0; i < block.length; i++, n++) {
                block[i] = (float) (0.5 * Math.sin(2 * Math.PI * 62.5 * n / rate));
            }
            live.add(block);
        }
        // 8000 samples, frames of 256 every 64: (8000 - 256) / 64 + 1
        assertEquals(122, live.produced());
        float[][] columns = live.columns();
        assertEquals(Math.round(1.0 * rate / 64), columns.length, "one second kept");
        float[] newest = columns[columns.length - 1];
        // 62.5 Hz falls on bin 4 of a 256-point frame at 4 kHz: a sine of amplitude 0.5 reads 20 log10(0.5)
        assertEquals(20 * Math.log10(0.5), newest[4], 0.1);
        assertTrue(newest[20] < newest[4] - 40, "far from the tone, little: " + newest[20]);
        assertEquals((int) Math.floor(LiveSpectrogram.TOP_HZ * 256 / rate) + 1, live.bins());
    }
}
