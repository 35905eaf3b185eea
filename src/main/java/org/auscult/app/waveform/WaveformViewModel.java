package org.auscult.app.waveform;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The waveform layer's state: the summary of the recording shown and the vertical zoom. */
public final class WaveformViewModel {

    /** Vertical zoom limits: from the full-scale range to 1/64 of the recording's peak. */
    public static final double MIN_GAIN = 1;
    public static final double MAX_GAIN = 64;

    private final ObjectProperty<WaveformSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final DoubleProperty gain = new SimpleDoubleProperty(this, "gain", 1);
    private final ObjectProperty<WaveformDetail> detail = new SimpleObjectProperty<>(this, "detail");

    public WaveformViewModel() {
        // A new recording starts at the default vertical scale.
        summary.addListener((observable, before, after) -> gain.set(1));
    }

    public ObjectProperty<WaveformSummary> summaryProperty() {
        return summary;
    }

    /** The stretch of the file drawn up close, at the file's own rate; null when the summary serves. */
    public ObjectProperty<WaveformDetail> detailProperty() {
        return detail;
    }

    /** Vertical zoom: the plot spans +-peak / gain. */
    public DoubleProperty gainProperty() {
        return gain;
    }

    public void zoomAmplitude(double factor) {
        gain.set(Math.max(MIN_GAIN, Math.min(MAX_GAIN, gain.get() * factor)));
    }

    /**
     * The amplitude at the top of the plot: 1.1 times the recording's typical peak
     * ({@link WaveformSummary#typicalPeak()}, at least 1e-4 of full scale), divided by the gain.
     */
    public double topAmplitude() {
        WaveformSummary current = summary.get();
        if (current != null && current != cachedFor) {
            cachedFor = current;
            cachedPeak = Math.max(1e-4, 1.1 * current.typicalPeak());
        }
        return (current == null ? 1 : cachedPeak) / gain.get();
    }

    private WaveformSummary cachedFor;
    private double cachedPeak = 1;

    /** "t 1.234 s  amplitude -0.123 (-18.2 dBFS)". */
    public static String readout(double seconds, double amplitude) {
        double db = 20 * Math.log10(Math.abs(amplitude));
        return String.format(Locale.ROOT, "t %.3f s   amplitude %+.4f (%s dBFS)", seconds, amplitude,
                Double.isFinite(db) ? String.format(Locale.ROOT, "%.1f", db) : "-inf");
    }
}
