package org.auscult.app.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.auscult.dsp.Window;
import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpectrogramTilesTest {

    private static float[] sine(double frequency, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * frequency * i / rate);
        }
        return x;
    }

    /** A full-scale sine centred on a bin reads 0 dB there, whatever the window. */
    @ParameterizedTest
    @EnumSource(Window.class)
    void fullScaleSineReadsZeroDecibelsAtItsBin(Window window) {
        int rate = 4000;
        SpectrogramSettings settings = SpectrogramSettings.defaults().withWindow(window);
        double frequency = 100 * rate / (double) settings.fftSize();
        SpectrogramTiles tiles = new SpectrogramTiles(sine(frequency, rate, rate * 2), rate, settings, 1 << 24);
        assertEquals(0.0, tiles.decibelsAt(1.0, frequency), 0.01);
        assertTrue(tiles.decibelsAt(1.0, 2 * frequency) < -30, "far from the tone the level is low");
    }

    @Test
    void levelsFollowThePixelWidth() {
        SpectrogramTiles tiles = new SpectrogramTiles(new float[1000], 4000, SpectrogramSettings.defaults(), 1 << 20);
        assertEquals(0, tiles.levelFor(50));
        assertEquals(0, tiles.levelFor(255));
        assertEquals(1, tiles.levelFor(256));
        assertEquals(3, tiles.levelFor(1500));
        assertEquals(8, tiles.columnCount(0), "ceil(1000 / 128) columns");
    }

    @Test
    void cacheStaysWithinItsBudget() {
        SpectrogramSettings settings = SpectrogramSettings.defaults();
        long tileBytes = 4L * SpectrogramTiles.TILE_COLUMNS * (settings.fftSize() / 2 + 1);
        SpectrogramTiles tiles = new SpectrogramTiles(new float[4000 * 600], 4000, settings, 3 * tileBytes);
        for (int i = 0; i < 10; i++) {
            tiles.tile(new SpectrogramTiles.Key(0, i));
        }
        assertEquals(3 * tileBytes, tiles.cachedBytes());
        assertTrue(tiles.cached(new SpectrogramTiles.Key(0, 9)) != null);
        assertTrue(tiles.cached(new SpectrogramTiles.Key(0, 0)) == null);
    }

    @Test
    void rendererAsksForMissingTilesAndDrawsTheToneRow() {
        int rate = 4000;
        SpectrogramSettings settings = SpectrogramSettings.defaults().withFrequencyRange(0, 1000);
        SpectrogramTiles tiles = new SpectrogramTiles(sine(250, rate, rate * 4), rate, settings, 1 << 24);
        int width = 100;
        int height = 100;
        int[] pixels = new int[width * height];
        Set<SpectrogramTiles.Key> missing = new HashSet<>();
        assertFalse(SpectrogramRenderer.render(tiles, settings, 0, 4, width, height, pixels, missing));
        assertFalse(missing.isEmpty());
        assertTrue(SpectrogramRenderer.render(tiles, settings, 0, 4, width, height, pixels, null));
        // 250 Hz is bin 32 (7.8125 Hz bins); on a 0-1000 Hz plot 100 rows high, rows 74 and 75 contain it.
        int brightest = settings.colourMap().argb(1);
        for (int y = 0; y < height; y++) {
            boolean toneRow = y == 74 || y == 75;
            assertEquals(toneRow, pixels[y * width + 50] == brightest, "row " + y);
        }
        assertEquals(settings.colourMap().argb(0), pixels[20 * width + 50]);
    }

    @Test
    void settingsNameTheBadParameter() {
        SpectrogramSettings defaults = SpectrogramSettings.defaults();
        assertTrue(assertThrows(ParameterException.class, () -> defaults.withFraming(500, 100)).getMessage()
                .contains("FFT size"));
        assertTrue(assertThrows(ParameterException.class, () -> defaults.withFraming(512, 600)).getMessage()
                .contains("hop"));
        assertTrue(assertThrows(ParameterException.class, () -> defaults.withDbRange(-10, -20)).getMessage()
                .contains("dB"));
        assertTrue(assertThrows(ParameterException.class, () -> defaults.withFrequencyRange(500, 100)).getMessage()
                .contains("highest frequency"));
    }

    @Test
    void viewModelKeepsOldSettingsOnBadInput() {
        SpectrogramViewModel model = new SpectrogramViewModel(Runnable::run, Runnable::run);
        model.setAudio(new float[8000], 4000);
        SpectrogramTiles before = model.tilesProperty().get();
        assertFalse(model.apply(1000, 128, Window.HANN, 0, 1000, -100, -10, ColourMap.GREY));
        assertTrue(model.errorProperty().get().contains("FFT size"));
        assertEquals(SpectrogramSettings.defaults(), model.settingsProperty().get());
        assertTrue(model.apply(512, 128, Window.HANN, 0, 800, -90, 0, ColourMap.GREY));
        assertEquals("", model.errorProperty().get());
        assertTrue(before == model.tilesProperty().get(), "colours and ranges reuse the tiles");
        assertTrue(model.apply(1024, 256, Window.HAMMING, 0, 800, -90, 0, ColourMap.GREY));
        assertFalse(before == model.tilesProperty().get(), "a new framing recomputes");
        assertEquals(1024, model.tilesProperty().get().fftSize());
    }
}
