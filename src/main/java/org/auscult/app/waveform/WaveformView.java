package org.auscult.app.waveform;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;

/**
 * The waveform layer: per device pixel column, a vertical line from the minimum to the maximum of the samples under
 * it, read from the {@link WaveformSummary}; zoomed in past one sample per pixel, the samples joined by lines.
 */
public final class WaveformView extends TimeLayer {

    private static final Color WAVE = Color.web("#4fc3f7");
    private static final Color AXIS = Color.web("#3a3a3a");

    private final WaveformViewModel model;
    private float[] minima = new float[0];
    private float[] maxima = new float[0];

    public WaveformView(TimeViewport viewport, WaveformViewModel model) {
        super(viewport);
        this.model = model;
        getStyleClass().add("waveform");
        setPrefHeight(180);
        repaintOn(model.summaryProperty(), model.gainProperty(), model.detailProperty());
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        WaveformSummary summary = model.summaryProperty().get();
        double middle = height / 2;
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(0, middle, width, middle);
        if (summary == null) {
            return;
        }
        double top = model.topAmplitude();
        double yScale = (height / 2 - 2) / top;
        int pixels = (int) Math.ceil(width * scale);
        g.setStroke(WAVE);
        g.setLineWidth(1 / scale);
        WaveformDetail detail = model.detailProperty().get();
        if (detail != null && detail.covers(viewport.start(), viewport.start() + viewport.visible(),
                Math.round(summary.durationSeconds() * detail.sampleRate()))) {
            // up close, a long recording is drawn from its file at the file's own rate
            if (minima.length != pixels) {
                minima = new float[pixels];
                maxima = new float[pixels];
            }
            detail.envelope(viewport.start(), viewport.visible() / pixels, minima, maxima);
            drawColumns(g, pixels, middle, yScale, scale);
            return;
        }
        double rate = summary.sampleRate();
        double samplesPerPixel = viewport.visible() * rate / pixels;
        double firstSample = viewport.start() * rate;
        if (samplesPerPixel < 1 && !summary.isOutline()) {
            // Zoomed in past one sample per pixel: join the samples.
            float[] samples = summary.samples();
            int first = (int) Math.max(0, Math.floor(firstSample));
            int last = (int) Math.min(samples.length - 1, Math.ceil(firstSample + viewport.visible() * rate));
            g.beginPath();
            for (int n = first; n <= last; n++) {
                double x = (n - firstSample) / samplesPerPixel / scale;
                double y = middle - samples[n] * yScale;
                if (n == first) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            return;
        }
        if (minima.length != pixels) {
            minima = new float[pixels];
            maxima = new float[pixels];
        }
        summary.envelope(firstSample, samplesPerPixel, minima, maxima);
        drawColumns(g, pixels, middle, yScale, scale);
    }

    /** One vertical line per device pixel, from the minimum to the maximum under it. */
    private void drawColumns(GraphicsContext g, int pixels, double middle, double yScale, double scale) {
        for (int p = 0; p < pixels; p++) {
            if (Float.isNaN(minima[p])) {
                continue;
            }
            double x = (p + 0.5) / scale;
            double y1 = middle - maxima[p] * yScale;
            double y2 = middle - minima[p] * yScale;
            // At least one device pixel tall, so silence still shows as a line.
            g.strokeLine(x, y1, x, Math.max(y2, y1 + 1 / scale));
        }
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        double top = model.topAmplitude();
        double step = niceStep(top, 2);
        for (double a = -Math.floor(top / step) * step; a <= top + 1e-12; a += step) {
            double y = height / 2 - a * (height / 2 - 2) / top;
            rulerLabel(g, format(a, step), gutter, y, height);
        }
    }

    @Override
    protected String describe(double seconds, double y) {
        double amplitude = (getHeight() / 2 - y) / (getHeight() / 2 - 2) * model.topAmplitude();
        return WaveformViewModel.readout(seconds, amplitude);
    }
}
