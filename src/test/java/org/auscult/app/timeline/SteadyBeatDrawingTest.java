package org.auscult.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.auscult.app.spectrogram.ColourMap;
import org.auscult.app.spectrogram.SpectrogramRenderer;
import org.auscult.app.spectrogram.SpectrogramSettings;
import org.auscult.app.spectrogram.SpectrogramTiles;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.dsp.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A steady heartbeat, one a second, must look steady at every zoom: each lane is drawn from summaries of everything
 * under a pixel, so no zoom level beats the rhythm against the pixel width into slow waves, dips or spikes.
 */
public class SteadyBeatDrawingTest {

    private static final int RATE = 4000;
    private static final int PIXELS = 1000;
    private static final double S1_PEAK = 0.8;

    /** S1 (80 ms of 60 Hz, peak 0.8) every second, S2 (60 ms of 90 Hz, peak 0.5) 0.33 s after it. */
    public static float[] steadyBeat(double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        java.util.Random noise = new java.util.Random(1);
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) RATE;
            double inBeat = t - Math.floor(t);
            double v = 1e-3 * noise.nextGaussian();
            if (inBeat < 0.08) {
                v += S1_PEAK * Math.sin(Math.PI * inBeat / 0.08) * Math.sin(2 * Math.PI * 60 * inBeat);
            } else if (inBeat >= 0.33 && inBeat < 0.39) {
                double u = inBeat - 0.33;
                v += 0.5 * Math.sin(Math.PI * u / 0.06) * Math.sin(2 * Math.PI * 90 * u);
            }
            x[n] = (float) v;
        }
        return x;
    }

    /** The windows shown: the whole recording, then narrower ones down to 10 s, all starting a little after 0. */
    private static double[] windows(double seconds) {
        return java.util.stream.DoubleStream.of(seconds, 900, 140, 30, 10).filter(w -> w <= seconds).toArray();
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(doubles = {10, 600, 3600})
    void theWaveformShowsEveryBeatAtItsHeightAtEveryZoom(double seconds) {
        float[] x = steadyBeat(seconds);
        WaveformSummary summary = WaveformSummary.of(x, RATE);
        float[] min = new float[PIXELS];
        float[] max = new float[PIXELS];
        for (double visible : windows(seconds)) {
            double start = Math.min(0.37, seconds - visible);
            double samplesPerPixel = visible * RATE / PIXELS;
            summary.envelope(start * RATE, samplesPerPixel, min, max);
            // over each S1, the bars drawn reach the S1's own highest sample: no beat is drawn short
            double pixelSeconds = samplesPerPixel / RATE;
            for (double beat = Math.ceil(start); beat + 0.08 < start + visible; beat++) {
                float truth = Float.NEGATIVE_INFINITY;
                for (int n = (int) (beat * RATE); n < (int) ((beat + 0.08) * RATE); n++) {
                    truth = Math.max(truth, x[n]);
                }
                int p0 = (int) Math.floor((beat - start) / pixelSeconds);
                int p1 = Math.min(PIXELS - 1, (int) Math.floor((beat + 0.08 - start) / pixelSeconds));
                float drawn = Float.NEGATIVE_INFINITY;
                for (int p = Math.max(0, p0); p <= p1; p++) {
                    drawn = Math.max(drawn, max[p]);
                }
                assertTrue(drawn >= truth, String.format(Locale.ROOT, "%.0f s shown of %.0f s: the beat at %.0f s "
                        + "drawn to %.3f, its samples reach %.3f", visible, seconds, beat, drawn, truth));
            }
        }
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(doubles = {600, 3600})
    void theSpectrogramsZoomedOutColumnsAreEquallyLoud(double seconds) {
        float[] x = steadyBeat(seconds);
        SpectrogramSettings settings = new SpectrogramSettings(512, 128, Window.HANN, 0, 200, -100, 0,
                ColourMap.GREY);
        SpectrogramTiles tiles = new SpectrogramTiles(x, RATE, settings, 256L << 20);
        for (double visible : new double[] {seconds, Math.min(seconds, 900)}) {
            double start = Math.min(0.37, seconds - visible);
            int height = 1;
            // pixels of 2.5 s, so each holds two or three beats (a narrower pixel truly can hold none)
            int pixels = (int) (visible / 2.5);
            int[] argb = new int[pixels * height];
            // one row spanning 0-200 Hz: the loudest bin of S1 and S2, pooled over the pixel
            SpectrogramRenderer.render(tiles, settings, start, visible, pixels, height, argb, null);
            int darkest = 255;
            int brightest = 0;
            for (int p = 0; p < pixels; p++) {
                int grey = argb[p] & 0xff;
                darkest = Math.min(darkest, grey);
                brightest = Math.max(brightest, grey);
            }
            // 100 dB over 255 grey levels: 3 dB (two beats against three is 1.8 dB) is about 8 levels
            assertTrue(brightest - darkest <= 8, String.format(Locale.ROOT,
                    "%.0f s shown of %.0f s: columns from grey %d to %d, a rhythm that is not there", visible,
                    seconds, darkest, brightest));
        }
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(doubles = {600, 3600})
    void featureLanesPooledPerPixelAreFlatWhenEachPixelHoldsABeat(double seconds) {
        double frameSeconds = 64.0 / RATE;
        double[] energy = new double[(int) (seconds / frameSeconds)];
        for (int t = 0; t < energy.length; t++) {
            double inBeat = t * frameSeconds - Math.floor(t * frameSeconds);
            energy[t] = inBeat < 0.08 ? 1 : 0;
        }
        for (double visible : windows(seconds)) {
            if (visible / PIXELS < 1.0) {
                continue; // a pixel narrower than a beat shows the rhythm itself
            }
            ColumnPooling pooled = ColumnPooling.of(energy, frameSeconds, 0.37, visible - 0.37, PIXELS);
            for (int p = 0; p < PIXELS; p++) {
                assertEquals(1.0, pooled.max()[p], 0, "pixel " + p + " of " + visible + " s misses its beat");
                assertEquals(0.0, pooled.min()[p], 0);
            }
        }
    }
}
