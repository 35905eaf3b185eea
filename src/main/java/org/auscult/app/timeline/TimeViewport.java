package org.auscult.app.timeline;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The time window every layer (waveform, spectrogram, feature curves) draws: what part of the recording is visible,
 * the selected region and the playback cursor, all in seconds. Zooming and scrolling change only this object;
 * layers listen and redraw.
 *
 * <p>Invariants: {@code 0 <= start}, {@code start + visible <= duration}, {@code minimumVisible <= visible <=
 * duration}. A selection is empty when its start equals its end.
 */
public final class TimeViewport {

    /** The narrowest view: a few milliseconds still show individual samples of a 4 kHz recording. */
    public static final double DEFAULT_MINIMUM_VISIBLE_SECONDS = 0.01;

    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", 1);
    private final ReadOnlyDoubleWrapper start = new ReadOnlyDoubleWrapper(this, "start", 0);
    private final ReadOnlyDoubleWrapper visible = new ReadOnlyDoubleWrapper(this, "visible", 1);
    private final ReadOnlyDoubleWrapper selectionStart = new ReadOnlyDoubleWrapper(this, "selectionStart", 0);
    private final ReadOnlyDoubleWrapper selectionEnd = new ReadOnlyDoubleWrapper(this, "selectionEnd", 0);
    private final DoubleProperty cursor = new SimpleDoubleProperty(this, "cursor", 0);
    private double minimumVisible = DEFAULT_MINIMUM_VISIBLE_SECONDS;

    /** Shows a recording of {@code seconds} whole, with no selection and the cursor at 0. */
    public void reset(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("duration must be a positive number of seconds, got " + seconds);
        }
        duration.set(seconds);
        minimumVisible = Math.min(DEFAULT_MINIMUM_VISIBLE_SECONDS, seconds);
        start.set(0);
        visible.set(seconds);
        clearSelection();
        cursor.set(0);
    }

    /** Moves and sizes the view, clamped to the recording. */
    public void show(double newStart, double newVisible) {
        double width = clamp(newVisible, minimumVisible, duration.get());
        visible.set(width);
        start.set(clamp(newStart, 0, duration.get() - width));
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time {@code anchor} at the same place on screen:
     * {@code start' = anchor - (anchor - start) / factor}.
     */
    public void zoom(double factor, double anchor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive, got " + factor);
        }
        double newVisible = clamp(visible.get() / factor, minimumVisible, duration.get());
        double ratio = newVisible / visible.get();
        show(anchor - (anchor - start.get()) * ratio, newVisible);
    }

    /** Zooms about the centre of the view. */
    public void zoom(double factor) {
        zoom(factor, start.get() + visible.get() / 2);
    }

    /** Scrolls by a fraction of the visible width (negative: towards the start). */
    public void scrollBy(double fractionOfView) {
        show(start.get() + fractionOfView * visible.get(), visible.get());
    }

    /** Shows the whole recording. */
    public void zoomToFit() {
        show(0, duration.get());
    }

    /** Shows the selection, if there is one. */
    public void zoomToSelection() {
        if (hasSelection()) {
            show(selectionStart.get(), selectionEnd.get() - selectionStart.get());
        }
    }

    /** Selects the region between two times (in either order), clamped to the recording. */
    public void select(double from, double to) {
        double a = clamp(Math.min(from, to), 0, duration.get());
        double b = clamp(Math.max(from, to), 0, duration.get());
        selectionStart.set(a);
        selectionEnd.set(b);
    }

    public void clearSelection() {
        selectionStart.set(0);
        selectionEnd.set(0);
    }

    public boolean hasSelection() {
        return selectionEnd.get() > selectionStart.get();
    }

    /** The time at horizontal position {@code x} of a plot {@code width} wide: start + x / width * visible. */
    public double timeAt(double x, double width) {
        return start.get() + x / width * visible.get();
    }

    /** The horizontal position of time {@code t} on a plot {@code width} wide. */
    public double xOf(double t, double width) {
        return (t - start.get()) / visible.get() * width;
    }

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty selectionStartProperty() {
        return selectionStart.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty selectionEndProperty() {
        return selectionEnd.getReadOnlyProperty();
    }

    /** The playback cursor in seconds. */
    public DoubleProperty cursorProperty() {
        return cursor;
    }

    public double duration() {
        return duration.get();
    }

    public double start() {
        return start.get();
    }

    public double visible() {
        return visible.get();
    }

    public double end() {
        return start.get() + visible.get();
    }

    public double selectionStart() {
        return selectionStart.get();
    }

    public double selectionEnd() {
        return selectionEnd.get();
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
