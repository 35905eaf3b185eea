package org.auscult.app.cycle;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.analysis.HeartTrend;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;

/**
 * The trend lane of a long recording, on the shared time axis: each window's signal quality as the shade behind it
 * (green: clean heart sounds; dark red: no periodic heart sound), its heart rate as a line over 40-160 beats a minute, and
 * a strip along the bottom in the colour of the class the model gave the window (none where it was silent).
 */
public final class HeartTrendView extends TimeLayer {

    /** The heart-rate axis, beats per minute. */
    static final double LOW_BPM = 40;
    static final double HIGH_BPM = 160;
    private static final Color RATE = Color.web("#ffd166");
    private static final Color USABLE = Color.web("#2e4a3a");
    private static final Color UNUSABLE = Color.web("#5a1f24");
    private static final Color NORMAL = Color.web("#4caf50");
    private static final Color FOLLOW_UP = Color.web("#ff7043");
    private static final Color ARTIFACT = Color.web("#9e9e9e");

    private final ObjectProperty<HeartTrend> trend = new SimpleObjectProperty<>(this, "trend");

    public HeartTrendView(TimeViewport viewport) {
        super(viewport);
        setPrefHeight(72);
        setMinHeight(56);
        repaintOn(trend);
    }

    /** A lane showing {@code trend}, and shown only while there is one (a long recording judged in windows). */
    public static HeartTrendView following(TimeViewport viewport,
            javafx.beans.value.ObservableValue<HeartTrend> trend) {
        HeartTrendView view = new HeartTrendView(viewport);
        view.setId("heart-trend");
        view.trend.bind(trend);
        view.visibleProperty().bind(view.trend.isNotNull());
        view.managedProperty().bind(view.visibleProperty());
        return view;
    }

    /** The trend shown, null for none. */
    public ObjectProperty<HeartTrend> trendProperty() {
        return trend;
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        HeartTrend shown = trend.get();
        if (shown == null) {
            return;
        }
        double strip = 6;
        double plotHeight = height - strip - 2;
        for (HeartTrend.Window window : shown.windows()) {
            double x0 = viewport.xOf(window.startSeconds(), width);
            double x1 = viewport.xOf(window.endSeconds(), width);
            g.setFill(UNUSABLE.interpolate(USABLE, window.qualityIndex()));
            g.fillRect(x0, 0, Math.max(1, x1 - x0), plotHeight);
            if (!window.predicted().isEmpty()) {
                g.setFill(colourOf(window.predicted()));
                g.fillRect(x0, height - strip, Math.max(1, x1 - x0 - 1), strip);
            }
        }
        g.setStroke(RATE);
        g.setLineWidth(1.5);
        g.beginPath();
        boolean first = true;
        for (HeartTrend.Window window : shown.windows()) {
            double x = viewport.xOf((window.startSeconds() + window.endSeconds()) / 2, width);
            double y = yOf(window.heartRateBpm(), plotHeight);
            if (first) {
                g.moveTo(x, y);
                first = false;
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(RATE);
        for (HeartTrend.Window window : shown.windows()) {
            double x = viewport.xOf((window.startSeconds() + window.endSeconds()) / 2, width);
            g.fillOval(x - 2, yOf(window.heartRateBpm(), plotHeight) - 2, 4, 4);
        }
    }

    private static double yOf(double bpm, double height) {
        double clamped = Math.max(LOW_BPM, Math.min(HIGH_BPM, bpm));
        return height - (clamped - LOW_BPM) / (HIGH_BPM - LOW_BPM) * height;
    }

    private static Color colourOf(String predicted) {
        return switch (predicted) {
            case "normal" -> NORMAL;
            case "artifact" -> ARTIFACT;
            default -> FOLLOW_UP;
        };
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        double plotHeight = height - 8;
        for (double bpm : new double[] {60, 100, 140}) {
            rulerLabel(g, String.format(Locale.ROOT, "%.0f", bpm) + (bpm == 140 ? " bpm" : ""), gutter,
                    yOf(bpm, plotHeight), height);
        }
    }

    @Override
    protected String describe(double seconds, double y) {
        HeartTrend shown = trend.get();
        if (shown == null) {
            return "";
        }
        for (HeartTrend.Window window : shown.windows()) {
            if (seconds >= window.startSeconds() && seconds < window.endSeconds()) {
                return String.format(Locale.ROOT, "%s to %s: heart rate %.0f bpm, signal quality %.2f, %s",
                        clock(window.startSeconds()), clock(window.endSeconds()), window.heartRateBpm(),
                        window.qualityIndex(), window.predicted().isEmpty() ? "silent, not judged"
                                : window.predicted());
            }
        }
        return "";
    }

    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
