package org.auscult.app.spectrogram;

import java.util.Set;
import org.auscult.app.timeline.ColumnPooling;

/**
 * Paints the visible part of a spectrogram into an ARGB pixel array, one device pixel at a time, from the tiles of
 * the level that matches the zoom. Pixel column x shows the mean power of the spectrogram columns whose centres lie
 * under it (the nearest column when the pixel is narrower than one), so no column is skipped and a steady rhythm
 * cannot beat against the pixel width; row y shows the loudest bin between the frequencies at the row's edges (the
 * nearest bin when a row is narrower than a bin), so narrow peaks survive any vertical zoom.
 */
public final class SpectrogramRenderer {

    /** Colour of pixels outside the recording or not yet computed. */
    public static final int BACKGROUND = 0xff202020;

    private SpectrogramRenderer() {
    }

    /**
     * @param startSeconds   time at the left edge
     * @param visibleSeconds time across the whole width
     * @param missing        when not null, tiles that are not cached are added here (and drawn as background)
     *                       instead of being computed on the calling thread
     * @return true when every visible column was drawn from a finished tile
     */
    public static boolean render(SpectrogramTiles tiles, SpectrogramSettings settings, double startSeconds,
                                 double visibleSeconds, int width, int height, int[] argb,
                                 Set<SpectrogramTiles.Key> missing) {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("pixel array holds " + argb.length + ", needs " + width * height);
        }
        int sampleRate = tiles.sampleRate();
        double samplesPerPixel = visibleSeconds * sampleRate / width;
        int level = tiles.levelFor(samplesPerPixel);
        long stride = tiles.stride(level);
        long columns = tiles.columnCount(level);
        int bins = tiles.binCount();
        double binHz = sampleRate / (double) tiles.fftSize();
        double top = settings.topFrequency(sampleRate);
        double bottom = settings.bottomFrequency(sampleRate);
        int[] firstBin = new int[height];
        int[] lastBin = new int[height];
        for (int y = 0; y < height; y++) {
            double high = top - (top - bottom) * y / height;
            double low = top - (top - bottom) * (y + 1) / height;
            int a = (int) Math.ceil(low / binHz);
            int b = (int) Math.floor(high / binHz);
            if (b < a) {
                a = (int) Math.round((low + high) / 2 / binHz);
                b = a;
            }
            firstBin[y] = Math.max(0, Math.min(bins - 1, a));
            lastBin[y] = Math.max(0, Math.min(bins - 1, b));
        }
        double floor = settings.floorDb();
        double range = settings.ceilingDb() - floor;
        ColourMap colours = settings.colourMap();
        boolean complete = true;
        float[] tile = null;
        int tileIndex = -1;
        double[] power = new double[height];
        for (int x = 0; x < width; x++) {
            // the columns whose centres lie under this pixel; the nearest one when the pixel is narrower
            double from = (startSeconds + x * visibleSeconds / width) * sampleRate / stride;
            double to = (startSeconds + (x + 1) * visibleSeconds / width) * sampleRate / stride;
            long[] under = ColumnPooling.framesUnder(from, to, columns);
            long first = under[0];
            long last = under[1];
            if (first > last) {
                fillColumn(argb, width, height, x, BACKGROUND);
                continue;
            }
            java.util.Arrays.fill(power, 0);
            int used = 0;
            for (long column = first; column <= last; column++) {
                int index = (int) (column / SpectrogramTiles.TILE_COLUMNS);
                if (index != tileIndex) {
                    SpectrogramTiles.Key key = new SpectrogramTiles.Key(level, index);
                    tile = missing == null ? tiles.tile(key) : tiles.cached(key);
                    if (tile == null) {
                        missing.add(key);
                        complete = false;
                    }
                    tileIndex = index;
                }
                if (tile == null) {
                    continue;
                }
                int offset = (int) (column % SpectrogramTiles.TILE_COLUMNS) * bins;
                for (int y = 0; y < height; y++) {
                    float loudest = tile[offset + firstBin[y]];
                    for (int k = firstBin[y] + 1; k <= lastBin[y]; k++) {
                        loudest = Math.max(loudest, tile[offset + k]);
                    }
                    // one column (zoomed in) needs no conversion to power and back
                    power[y] += first == last ? loudest : Math.pow(10, loudest / 10.0);
                }
                used++;
            }
            if (used == 0) {
                fillColumn(argb, width, height, x, BACKGROUND);
                continue;
            }
            for (int y = 0; y < height; y++) {
                double decibels = first == last ? power[y] : 10 * Math.log10(power[y] / used);
                argb[y * width + x] = colours.argb((decibels - floor) / range);
            }
        }
        return complete;
    }

    private static void fillColumn(int[] argb, int width, int height, int x, int colour) {
        for (int y = 0; y < height; y++) {
            argb[y * width + x] = colour;
        }
    }
}
