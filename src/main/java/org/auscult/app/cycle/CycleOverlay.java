package org.auscult.app.cycle;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.segmentation.CardiacState;

/**
 * Draws the cycle bands over a layer (waveform, spectrogram): each band tinted across the whole height, with a
 * solid strip of its colour along the top edge, only the visible ones, nothing while the cycle is hidden.
 */
public final class CycleOverlay implements TimeLayer.PlotOverlay {

    /** Opacity of the tint over the plot: the waveform and spectrogram stay readable beneath it. */
    static final double TINT_OPACITY = 0.16;
    /** Height of the solid strip along the top, pixels. */
    static final double STRIP_PIXELS = 5;

    private final CycleViewModel model;

    public CycleOverlay(CycleViewModel model) {
        this.model = model;
    }

    /** The colour of a state, shared by the bands, the legend and the beat stack. */
    public static Color colour(CardiacState state) {
        return switch (state) {
            case S1 -> Color.web("#ef5350");
            case SYSTOLE -> Color.web("#ffca28");
            case S2 -> Color.web("#42a5f5");
            case DIASTOLE -> Color.web("#66bb6a");
            case UNANNOTATED -> Color.GREY;
        };
    }

    @Override
    public void draw(GraphicsContext g, TimeViewport viewport, double width, double height) {
        if (!model.visibleProperty().get()) {
            return;
        }
        for (CycleBand band : model.shownProperty().get().bands()) {
            if (band.end() < viewport.start() || band.start() > viewport.end()) {
                continue;
            }
            double a = Math.max(-1, viewport.xOf(band.start(), width));
            double b = Math.min(width + 1, viewport.xOf(band.end(), width));
            Color colour = colour(band.state());
            g.setFill(colour.deriveColor(0, 1, 1, TINT_OPACITY));
            g.fillRect(a, 0, b - a, height);
            g.setFill(colour);
            g.fillRect(a, 0, b - a, STRIP_PIXELS);
        }
    }
}
