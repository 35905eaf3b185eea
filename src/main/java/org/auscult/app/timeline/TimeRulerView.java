package org.auscult.app.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The time axis shared by the layers below it: ticks at 1-2-5 steps in seconds. */
public final class TimeRulerView extends TimeLayer {

    public TimeRulerView(TimeViewport viewport) {
        super(viewport);
        setMinHeight(22);
        setPrefHeight(22);
        setMaxHeight(22);
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        double step = niceStep(viewport.visible(), (int) Math.max(2, width / 90));
        double first = Math.ceil(viewport.start() / step) * step;
        g.setFont(RULER_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (double t = first; t <= viewport.end() + 1e-12; t += step) {
            double x = Math.round(viewport.xOf(t, width) * scale) / scale + 0.5 / scale;
            g.setStroke(RULER_TEXT);
            g.strokeLine(x, height - 6, x, height);
            g.setFill(RULER_TEXT);
            g.fillText(format(t, step) + " s", x + 2, 3);
        }
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        g.setFill(RULER_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("time", gutter - 6, 3);
    }

    @Override
    protected String describe(double seconds, double y) {
        return String.format(java.util.Locale.ROOT, "t %.3f s", seconds);
    }
}
