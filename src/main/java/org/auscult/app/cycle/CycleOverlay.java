package org.auscult.app.cycle;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.segmentation.CardiacState;

/**
 * Draws the cycle bands over a layer (waveform, spectrogram): each band tinted across the whole height, with a
 * solid strip of its colour along the top edge, only the visible ones, nothing while the cycle is hidden. For a
 * murmur described on screen, a level strip under the top edge shows each cycle's own murmur envelope
 * ({@link MurmurEvidence#cycles()}): a bar per bin of systole and diastole, as high as the bin is loud relative to
 * that beat's heart sounds.
 */
public final class CycleOverlay implements TimeLayer.PlotOverlay {

    /** Opacity of the tint over the plot: the waveform and spectrogram stay readable beneath it. */
    static final double TINT_OPACITY = 0.16;
    /** Height of the solid strip along the top, pixels. */
    static final double STRIP_PIXELS = 5;
    /** Where the murmur level strip starts, pixels from the top: just under the solid strip. */
    public static final double MURMUR_TOP_PIXELS = STRIP_PIXELS + 1;
    /** Height of the murmur level strip: a bin at {@link MurmurEvidence#HIGHEST_DB} fills it, pixels. */
    public static final double MURMUR_PIXELS = 20;
    /** The murmur's colour, in the bands' level strip, the beat stack and the legend: none of the states' colours. */
    public static final Color MURMUR = Color.web("#e040fb");
    /** Opacity of a murmur bar's body; its top edge is drawn solid, so the level reads over any content. */
    static final double MURMUR_OPACITY = 0.45;

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
        drawMurmur(g, viewport, width);
    }

    /**
     * Each visible cycle bin as a bar in the level strip. Only the bins in the viewport are visited (they are in time
     * order); zoomed out, where bins are narrower than a pixel, each pixel column gets one bar, the loudest of its
     * bins, so an hour costs one bar per column, not one per bin.
     */
    private void drawMurmur(GraphicsContext g, TimeViewport viewport, double width) {
        MurmurEvidence evidence = model.murmurEvidenceProperty().get();
        List<MurmurEvidence.Bin> bins = evidence.cycles();
        int column = 0;
        double columnShare = 0;   // the loudest bin of the pixel column being gathered, 0 while there is none
        for (int i = evidence.firstCycleBinEndingFrom(viewport.start()); i < bins.size(); i++) {
            MurmurEvidence.Bin bin = bins.get(i);
            if (bin.start() > viewport.end()) {
                break;
            }
            double a = Math.max(-1, viewport.xOf(bin.start(), width));
            double b = Math.min(width + 1, viewport.xOf(bin.end(), width));
            double share = MurmurEvidence.share(bin.db());
            if (b - a >= 1) {
                drawBar(g, a, b, share);
                continue;
            }
            int here = (int) Math.floor(a);
            if (here != column) {
                drawBar(g, column, column + 1, columnShare);
                column = here;
                columnShare = 0;
            }
            columnShare = Math.max(columnShare, share);
        }
        drawBar(g, column, column + 1, columnShare);
    }

    /** One bar from {@code a} to {@code b} pixels, {@code share} of the strip high (nothing for 0). */
    private static void drawBar(GraphicsContext g, double a, double b, double share) {
        if (!(share > 0)) {
            return;
        }
        double bottom = MURMUR_TOP_PIXELS + MURMUR_PIXELS;
        double top = bottom - share * MURMUR_PIXELS;
        g.setFill(MURMUR.deriveColor(0, 1, 1, MURMUR_OPACITY));
        g.fillRect(a, top, b - a, bottom - top);
        g.setFill(MURMUR);
        g.fillRect(a, top, b - a, Math.min(1.5, bottom - top));
    }
}
