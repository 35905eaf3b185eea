package org.auscult.app.spectrogram;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.auscult.dsp.Window;
import org.auscult.dsp.ParameterException;

/**
 * The spectrogram layer's state: the settings (validated), and the tiles of the current recording under them.
 * Tiles missing from a view are computed on {@code tileWorker} and announced on the UI thread, so drawing never
 * waits for an FFT.
 */
public final class SpectrogramViewModel {

    /** Cache budget for tiles: 128 MB holds the full-resolution 512-point spectrogram of about 2 h of 4 kHz audio. */
    public static final long CACHE_BYTES = 128L << 20;

    private final ObjectProperty<SpectrogramSettings> settings =
            new SimpleObjectProperty<>(this, "settings", SpectrogramSettings.defaults());
    private final ReadOnlyObjectWrapper<SpectrogramTiles> tiles = new ReadOnlyObjectWrapper<>(this, "tiles");
    /** The frequency bounds of the selection when it was dragged on the spectrogram; null for the whole band. */
    private final ObjectProperty<FrequencyBand> band = new SimpleObjectProperty<>(this, "band");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Long> tilesReady = new ReadOnlyObjectWrapper<>(this, "tilesReady", 0L);
    private final Executor tileWorker;
    private final Consumer<Runnable> ui;
    private final Set<SpectrogramTiles.Key> pending = new HashSet<>();
    private float[] samples;
    private int sampleRate;

    /**
     * @param tileWorker computes missing tiles (a background thread in the application, the caller in tests)
     * @param ui         runs a change on the UI thread
     */
    public SpectrogramViewModel(Executor tileWorker, Consumer<Runnable> ui) {
        this.tileWorker = tileWorker;
        this.ui = ui;
        settings.addListener((observable, before, after) -> {
            if (before == null || !before.sameAnalysis(after)) {
                rebuild();
            }
        });
    }

    /** Shows another recording (null for none). */
    public void setAudio(float[] newSamples, int newSampleRate) {
        samples = newSamples;
        sampleRate = newSampleRate;
        rebuild();
    }

    private void rebuild() {
        SpectrogramTiles old = tiles.get();
        if (old != null) {
            old.clear();
        }
        pending.clear();
        tiles.set(samples == null ? null : new SpectrogramTiles(samples, sampleRate, settings.get(), CACHE_BYTES));
    }

    /**
     * Validates and applies settings typed by the user; on a problem keeps the old settings and explains in
     * {@link #errorProperty()}.
     *
     * @return true when applied
     */
    public boolean apply(int fftSize, int hopSize, Window window, double minFrequency, double maxFrequency,
                         double floorDb, double ceilingDb, ColourMap colourMap) {
        try {
            settings.set(new SpectrogramSettings(fftSize, hopSize, window, minFrequency, maxFrequency, floorDb,
                    ceilingDb, colourMap));
            error.set("");
            return true;
        } catch (ParameterException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /** Keeps the settings and shows why the user's input was refused (e.g. a field that is not a number). */
    public void reject(String problem) {
        error.set(problem);
    }

    /** Computes the given tiles of the current recording in the background; {@link #tilesReadyProperty()} ticks. */
    public void requestTiles(Set<SpectrogramTiles.Key> keys) {
        SpectrogramTiles current = tiles.get();
        if (current == null) {
            return;
        }
        for (SpectrogramTiles.Key key : keys) {
            if (pending.add(key)) {
                tileWorker.execute(() -> {
                    current.tile(key);
                    ui.accept(() -> {
                        pending.remove(key);
                        if (tiles.get() == current) {
                            tilesReady.set(tilesReady.get() + 1);
                        }
                    });
                });
            }
        }
    }

    /** The selection's frequency bounds, null when the selection spans every frequency. */
    public ObjectProperty<FrequencyBand> bandProperty() {
        return band;
    }

    public ObjectProperty<SpectrogramSettings> settingsProperty() {
        return settings;
    }

    public ReadOnlyObjectProperty<SpectrogramTiles> tilesProperty() {
        return tiles.getReadOnlyProperty();
    }

    /** Counts finished background tiles: a view redraws when it changes. */
    public ReadOnlyObjectProperty<Long> tilesReadyProperty() {
        return tilesReady.getReadOnlyProperty();
    }

    /** Empty, or why the last settings were refused. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "t 1.234 s   312 Hz   -42.1 dB". */
    public String readout(double seconds, double frequency) {
        SpectrogramTiles current = tiles.get();
        double level = current == null ? Double.NaN : current.decibelsAt(seconds, frequency);
        return String.format(Locale.ROOT, "t %.3f s   %.0f Hz   %s dB", seconds, frequency,
                Double.isFinite(level) ? String.format(Locale.ROOT, "%.1f", level) : "-");
    }
}
