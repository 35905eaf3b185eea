package org.auscult.app.features;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.app.spectrogram.ColourMap;
import org.auscult.features.FeatureSet;
import org.auscult.features.FrameSeries;
import org.auscult.app.timeline.ColumnPooling;

/**
 * Per-frame features on the shared time axis: the MFCC heat map (each coefficient scaled to its own range over the
 * recording) in the top half, and below it the spectral centroid and roll-off (Hz, on one scale) and the
 * zero-crossing rate (0 to its maximum) as curves. Frame t sits at {@code t * hop / rate} seconds, the same seconds
 * as the waveform's, whatever the analysis rate.
 */
public final class FrameCurvesView extends TimeLayer {

    private static final Color CENTROID = Color.web("#ffb74d");
    private static final Color ROLLOFF = Color.web("#e57373");
    private static final Color ZCR = Color.web("#81c784");

    private final FeatureInspectionViewModel model;

    /** What the lane says for a recording judged in windows, whose frames are not kept. */
    static final String NO_FRAMES = "A recording judged in windows keeps no per-frame features; "
            + "the trend lane above follows it window by window.";

    /** The columns of each series shown, by series (identity: a new recording's features are new objects). */
    private final java.util.Map<FrameSeries, double[][]> columnsOf = new java.util.IdentityHashMap<>();

    public FrameCurvesView(TimeViewport viewport, FeatureInspectionViewModel model) {
        super(viewport);
        this.model = model;
        getStyleClass().add("frame-curves");
        setPrefHeight(160);
        repaintOn(model.featuresProperty());
        model.featuresProperty().addListener(o -> columnsOf.clear());
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        FeatureSet features = model.featuresProperty().get();
        if (features == null) {
            return;
        }
        if (features.series().isEmpty()) {
            g.setFill(Color.web("#c8c8c8"));
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.fillText(NO_FRAMES, width / 2, height / 2);
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            return;
        }
        double mapHeight = height / 2;
        find(features, "mfcc").ifPresent(mfcc -> drawHeatMap(g, mfcc, width, mapHeight));
        double curvesTop = mapHeight + 2;
        double curvesHeight = height - curvesTop - 2;
        double nyquist = features.sampleRate() / 2.0;
        find(features, "spectral_centroid").ifPresent(s -> drawCurve(g, s, width, curvesTop, curvesHeight, nyquist,
                CENTROID, scale));
        find(features, "spectral_rolloff").ifPresent(s -> drawCurve(g, s, width, curvesTop, curvesHeight, nyquist,
                ROLLOFF, scale));
        find(features, "zcr").ifPresent(s -> drawCurve(g, s, width, curvesTop, curvesHeight, max(s), ZCR, scale));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.setFill(CENTROID);
        g.fillText("centroid", 4, curvesTop + 4);
        g.setFill(ROLLOFF);
        g.fillText("roll-off", 60, curvesTop + 4);
        g.setFill(ZCR);
        g.fillText("ZCR", 112, curvesTop + 4);
    }

    private void drawHeatMap(GraphicsContext g, FrameSeries mfcc, double width, double height) {
        int columns = mfcc.columnCount();
        double[] low = new double[columns];
        double[] high = new double[columns];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] frame : mfcc.values()) {
            for (int c = 0; c < columns; c++) {
                low[c] = Math.min(low[c], frame[c]);
                high[c] = Math.max(high[c], frame[c]);
            }
        }
        double rowHeight = height / columns;
        double frameSeconds = mfcc.hopSize() / (double) mfcc.sampleRate();
        int pixels = Math.max(1, (int) Math.ceil(width));
        double pixelWidth = width / pixels;
        for (int c = 0; c < columns; c++) {
            // each screen column shows the mean of every frame under it, never every n-th frame
            ColumnPooling pooled = ColumnPooling.of(coefficient(mfcc, c), frameSeconds, viewport.start(),
                    viewport.visible(), pixels);
            for (int p = 0; p < pixels; p++) {
                double mean = pooled.mean()[p];
                if (Double.isNaN(mean)) {
                    continue;
                }
                double level = high[c] > low[c] ? (mean - low[c]) / (high[c] - low[c]) : 0.5;
                int argb = ColourMap.VIRIDIS.argb(level);
                g.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
                // Coefficient 1 at the bottom, as in a spectrogram.
                g.fillRect(p * pixelWidth, height - (c + 1) * rowHeight, pixelWidth + 0.5, rowHeight + 0.5);
            }
        }
    }

    /**
     * Column {@code column} of {@code series} over all frames; made once per recording's features, not on every
     * repaint while the user zooms or scrolls.
     */
    private double[] coefficient(FrameSeries series, int column) {
        return columnsOf.computeIfAbsent(series, s -> {
            double[][] frames = s.values();
            double[][] columns = new double[s.columnCount()][frames.length];
            for (int t = 0; t < frames.length; t++) {
                for (int c = 0; c < columns.length; c++) {
                    columns[c][t] = frames[t][c];
                }
            }
            return columns;
        })[column];
    }

    /**
     * The curve's mean per device pixel as a line, and the range of the frames under each pixel as a faint band
     * behind it, so a zoomed-out view shows how far the value swings within a pixel instead of hiding it.
     */
    private void drawCurve(GraphicsContext g, FrameSeries series, double width, double top, double height,
                           double maximum, Color colour, double scale) {
        if (!(maximum > 0)) {
            return;
        }
        double frameSeconds = series.hopSize() / (double) series.sampleRate();
        int pixels = Math.max(1, (int) Math.ceil(width * scale));
        ColumnPooling pooled = ColumnPooling.of(coefficient(series, 0), frameSeconds, viewport.start(),
                viewport.visible(), pixels);
        double pixelWidth = width / pixels;
        g.setStroke(colour.deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(Math.max(1 / scale, pixelWidth));
        for (int p = 0; p < pixels; p++) {
            if (!Double.isNaN(pooled.min()[p]) && pooled.max()[p] > pooled.min()[p]) {
                double x = (p + 0.5) * pixelWidth;
                g.strokeLine(x, top + height - pooled.max()[p] / maximum * height, x,
                        top + height - pooled.min()[p] / maximum * height);
            }
        }
        g.setStroke(colour);
        g.setLineWidth(1.2);
        g.beginPath();
        boolean started = false;
        for (int p = 0; p < pixels; p++) {
            double value = pooled.mean()[p];
            if (Double.isNaN(value)) {
                started = false;
                continue;
            }
            double x = (p + 0.5) * pixelWidth;
            double y = top + height - value / maximum * height;
            if (!started) {
                g.moveTo(x, y);
                started = true;
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        FeatureSet features = model.featuresProperty().get();
        rulerLabel(g, "MFCC", gutter, height / 4, height);
        if (features != null) {
            double nyquist = features.sampleRate() / 2.0;
            double top = height / 2 + 2;
            rulerLabel(g, String.format(Locale.ROOT, "%.0f Hz", nyquist), gutter, top + 6, height);
            rulerLabel(g, "0", gutter, height - 4, height);
        }
    }

    @Override
    protected String describe(double seconds, double y) {
        FeatureSet features = model.featuresProperty().get();
        if (features == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "t %.3f s", seconds));
        for (String name : new String[] {"spectral_centroid", "spectral_rolloff", "zcr"}) {
            find(features, name).ifPresent(series -> {
                int frame = (int) Math.round(seconds * series.sampleRate() / series.hopSize());
                if (frame >= 0 && frame < series.frameCount()) {
                    text.append(String.format(Locale.ROOT, "   %s %.3g", name, series.values()[frame][0]));
                }
            });
        }
        return text.toString();
    }

    private static java.util.Optional<FrameSeries> find(FeatureSet features, String name) {
        return features.series().stream().filter(s -> s.feature().equals(name)).findFirst();
    }

    private static double max(FrameSeries series) {
        double max = 0;
        for (double[] frame : series.values()) {
            if (Double.isFinite(frame[0])) {
                max = Math.max(max, frame[0]);
            }
        }
        return max;
    }
}
