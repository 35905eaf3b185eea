package org.auscult.app.cycle;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.segmentation.quality.QualityMap;
import org.auscult.segmentation.quality.SecondKind;

/**
 * The quality lane, on the shared time axis: every second of the recording in the colour of what it holds
 * ({@link SecondKind}: usable heart sound green, noise amber, no heart sound grey, clipping red, silence black), so
 * a clinician sees which stretches the verdict can trust and which to record again. The pointer names the second's
 * kind and the model's probability that it is usable.
 */
public final class QualityLaneView extends TimeLayer {

    private final ObjectProperty<QualityMap> quality = new SimpleObjectProperty<>(this, "quality");

    public QualityLaneView(TimeViewport viewport) {
        super(viewport);
        setPrefHeight(18);
        setMinHeight(18);
        setMaxHeight(18);
        repaintOn(quality);
    }

    /** The per-second quality shown, null for none. */
    public ObjectProperty<QualityMap> qualityProperty() {
        return quality;
    }

    /** The colour of a second of {@code kind}. */
    static Color colourOf(SecondKind kind) {
        return switch (kind) {
            case USABLE -> Color.web("#43a047");
            case NOISE -> Color.web("#ffb300");
            case NO_HEART_SOUND -> Color.web("#757575");
            case CLIPPING -> Color.web("#e53935");
            case SILENCE -> Color.web("#101010");
        };
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        QualityMap shown = quality.get();
        if (shown == null) {
            return;
        }
        List<SecondKind> kinds = shown.kinds();
        for (int second = 0; second < kinds.size(); second++) {
            double x0 = viewport.xOf(second, width);
            double x1 = viewport.xOf(Math.min(second + 1, shown.durationSeconds()), width);
            if (x1 < 0 || x0 > width) {
                continue;
            }
            g.setFill(colourOf(kinds.get(second)));
            g.fillRect(x0, 2, Math.max(1, x1 - x0 - 0.5), height - 4);
        }
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        rulerLabel(g, "quality", gutter, height / 2, height);
    }

    @Override
    protected String describe(double seconds, double y) {
        QualityMap shown = quality.get();
        int second = (int) Math.floor(seconds);
        if (shown == null || second < 0 || second >= shown.kinds().size()) {
            return "";
        }
        return String.format(Locale.ROOT, "second %d: %s (usable with probability %.2f); %s", second,
                shown.kinds().get(second).label(), shown.probability()[second], shown.describe());
    }
}
