package org.auscult.app.spectrogram;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.auscult.dsp.Fft;
import org.auscult.dsp.Window;

/**
 * Spectrogram levels of one recording, computed in tiles of {@link #TILE_COLUMNS} columns on demand and kept in a
 * least-recently-used cache bounded in bytes.
 *
 * <p>At level L a column stands for {@code stride = hop * 2^L} samples: level 0 is the full-resolution spectrogram,
 * and a zoomed-out view reads the level whose stride is closest to (not above) a pixel. Column f is centred on
 * sample {@code f * stride} (frames are zero-padded at the edges) and holds, for bins {@code k = 0 .. N/2},
 * {@code level[k] = 10 log10( mean_j (2 |X_j[k]| / sum(w))^2 )} dB, where X_j are the FFTs of the windowed frames
 * of the column: one frame at its centre while the stride is at most N/2, else the {@code floor(stride / (N/2))}
 * half-overlapping frames that tile its stretch (Welch's average). A full-scale sine reads 0 dB at its bin,
 * whatever the window, FFT size or level; and because every sample counts at every level, a zoomed-out view shows
 * the mean power of what it covers instead of whichever frames a decimation happened to pick, which made a steady
 * heartbeat look like slow waves or periodic spikes.
 *
 * <p>Thread-safe: tiles may be computed on several threads while the FX thread reads finished ones.
 */
public final class SpectrogramTiles {

    /** Columns per tile. */
    public static final int TILE_COLUMNS = 256;
    /** Deepest level: a stride of hop * 2^16 samples. */
    public static final int MAX_LEVEL = 16;
    /** Levels below this dB are stored as it (the power is floored at 1e-20 of full scale). */
    public static final float MIN_DB = -200f;

    /** A tile's place: its level and index along time. */
    public record Key(int level, int index) {
    }

    private final float[] samples;
    private final int sampleRate;
    private final int fftSize;
    private final int hopSize;
    private final Window window;
    private final double[] coefficients;
    private final double amplitudeScale;
    private final long cacheBudgetBytes;
    private long cachedBytes;
    private final LinkedHashMap<Key, float[]> cache = new LinkedHashMap<>(64, 0.75f, true);

    /**
     * @param cacheBudgetBytes the most the cached tiles may take; least recently used tiles are dropped beyond it
     */
    public SpectrogramTiles(float[] samples, int sampleRate, SpectrogramSettings settings, long cacheBudgetBytes) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.sampleRate = sampleRate;
        this.fftSize = settings.fftSize();
        this.hopSize = settings.hopSize();
        this.window = settings.window();
        this.coefficients = window.coefficients(fftSize);
        double sum = 0;
        for (double c : coefficients) {
            sum += c;
        }
        this.amplitudeScale = 2.0 / sum;
        this.cacheBudgetBytes = cacheBudgetBytes;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int fftSize() {
        return fftSize;
    }

    public int hopSize() {
        return hopSize;
    }

    public Window window() {
        return window;
    }

    public int binCount() {
        return fftSize / 2 + 1;
    }

    /** Samples between columns at {@code level}. */
    public long stride(int level) {
        return (long) hopSize << level;
    }

    /** Columns at {@code level}: enough to cover every sample, {@code floor((N - 1) / stride) + 1}. */
    public long columnCount(int level) {
        return samples.length == 0 ? 0 : (samples.length - 1) / stride(level) + 1;
    }

    /** The coarsest level whose stride is at most {@code samplesPerPixel} (0 when a pixel is narrower than a hop). */
    public int levelFor(double samplesPerPixel) {
        int level = 0;
        while (level < MAX_LEVEL && stride(level + 1) <= samplesPerPixel) {
            level++;
        }
        return level;
    }

    /** The tile if it is cached, else null. */
    public synchronized float[] cached(Key key) {
        return cache.get(key);
    }

    /** The tile, computed now if it is not cached. */
    public float[] tile(Key key) {
        float[] tile = cached(key);
        if (tile == null) {
            tile = compute(key);
            store(key, tile);
        }
        return tile;
    }

    /**
     * The level in dB at a time and frequency, read from the full-resolution column nearest to the time and the
     * bin nearest to the frequency; NaN outside the recording.
     */
    public double decibelsAt(double seconds, double frequency) {
        long column = Math.round(seconds * sampleRate / hopSize);
        int bin = (int) Math.round(frequency * fftSize / sampleRate);
        if (column < 0 || column >= columnCount(0) || bin < 0 || bin >= binCount()) {
            return Double.NaN;
        }
        float[] tile = tile(new Key(0, (int) (column / TILE_COLUMNS)));
        return tile[(int) (column % TILE_COLUMNS) * binCount() + bin];
    }

    /** Bytes the cache holds now. */
    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    /** Empties the cache (when the layer is hidden or the recording closed). */
    public synchronized void clear() {
        cache.clear();
        cachedBytes = 0;
    }

    private synchronized void store(Key key, float[] tile) {
        if (cache.put(key, tile) == null) {
            cachedBytes += 4L * tile.length;
        }
        Iterator<Map.Entry<Key, float[]>> eldest = cache.entrySet().iterator();
        while (cachedBytes > cacheBudgetBytes && cache.size() > 1 && eldest.hasNext()) {
            Map.Entry<Key, float[]> entry = eldest.next();
            if (!entry.getKey().equals(key)) {
                cachedBytes -= 4L * entry.getValue().length;
                eldest.remove();
            }
        }
    }

    /** Levels in dB, {@code [column * binCount + bin]}, of the tile's columns (fewer in the last tile). */
    float[] compute(Key key) {
        long stride = stride(key.level());
        long firstColumn = (long) key.index() * TILE_COLUMNS;
        int columns = (int) Math.max(0, Math.min(TILE_COLUMNS, columnCount(key.level()) - firstColumn));
        int bins = binCount();
        float[] levels = new float[columns * bins];
        Fft fft = new Fft(fftSize);
        double[] frame = new double[fftSize];
        double[] power = new double[bins];
        double scale = amplitudeScale * amplitudeScale;
        // Welch: a column wider than half a frame averages the frames that tile its stretch, half-overlapped, so
        // every sample counts at every level and a zoomed-out view cannot alias a steady rhythm into false beats.
        long subHop = Math.max(1, fftSize / 2);
        int frames = (int) Math.max(1, stride / subHop);
        double[] summed = new double[bins];
        for (int c = 0; c < columns; c++) {
            long centre = (firstColumn + c) * stride;
            long firstCentre = frames == 1 ? centre : centre - stride / 2 + subHop / 2;
            java.util.Arrays.fill(summed, 0);
            for (int j = 0; j < frames; j++) {
                long start = firstCentre + j * subHop - fftSize / 2;
                for (int n = 0; n < fftSize; n++) {
                    long index = start + n;
                    frame[n] = index >= 0 && index < samples.length ? samples[(int) index] * coefficients[n] : 0;
                }
                fft.powerSpectrum(frame, power);
                for (int k = 0; k < bins; k++) {
                    summed[k] += power[k];
                }
            }
            int offset = c * bins;
            for (int k = 0; k < bins; k++) {
                double p = summed[k] / frames * scale;
                levels[offset + k] = p > 1e-20 ? (float) (10 * Math.log10(p)) : MIN_DB;
            }
        }
        return levels;
    }
}
