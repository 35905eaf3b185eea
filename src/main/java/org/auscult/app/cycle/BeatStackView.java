package org.auscult.app.cycle;

import org.auscult.segmentation.BeatStack;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The beat stack: every cycle's envelope from its S1 to the next S1 (seconds after the S1 peak across, envelope
 * relative to the median cycle's peak up), the median cycle in white, the most atypical cycle in orange, the chosen
 * one in cyan. Clicking near a curve chooses that beat and moves the time axis to it. For a murmur described on
 * screen, the median murmur envelope lies beneath the curves ({@link MurmurEvidence#median()}): a translucent step
 * over the median systole and diastole, on its own dB scale at the right (relative to the heart sounds), and hovering
 * a bin names its level.
 */
public final class BeatStackView extends Region {

    private static final double LEFT = 44;
    private static final double BOTTOM = 22;
    private static final double TOP = 36;
    private static final double RIGHT = 10;
    /** With a murmur: room for its legend above the plot and its dB scale on the right. */
    private static final double MURMUR_TOP = 50;
    private static final double MURMUR_RIGHT = 40;
    private static final Color BACKGROUND = Color.web("#1b1b1b");
    private static final Color AXIS = Color.web("#c8c8c8");
    private static final Color BEAT = Color.rgb(170, 200, 230, 0.45);
    private static final Color ATYPICAL = Color.web("#ff9800");
    private static final Color SELECTED = Color.web("#00e5ff");
    /** Opacity of the murmur envelope's body: the beat curves stay readable over it. */
    private static final double MURMUR_OPACITY = 0.3;

    private final CycleViewModel model;
    private final Canvas canvas = new Canvas();
    private final Tooltip murmurTip = new Tooltip();
    private boolean redrawQueued;

    public BeatStackView(CycleViewModel model) {
        this.model = model;
        setId("beat-stack");
        getChildren().add(canvas);
        setMinSize(160, 120);
        setPrefSize(360, 260);
        model.beatStackProperty().addListener(o -> requestRedraw());
        model.selectedBeatProperty().addListener(o -> requestRedraw());
        model.murmurEvidenceProperty().addListener((observable, before, after) -> {
            // the tooltip names a bin's level; without a murmur there is nothing to name
            if (after.median().isEmpty()) {
                Tooltip.uninstall(this, murmurTip);
            } else if (before.median().isEmpty()) {
                Tooltip.install(this, murmurTip);
            }
            requestRedraw();
        });
        murmurTip.setShowDelay(javafx.util.Duration.millis(300));
        setOnMouseMoved(event -> murmurTip.setText(murmurAt(event.getX())));
        widthProperty().addListener(o -> requestRedraw());
        heightProperty().addListener(o -> requestRedraw());
        setOnMouseClicked(this::onClicked);
    }

    private double top() {
        BeatStack stack = model.beatStackProperty().get();
        double top = 1.2;
        for (BeatStack.Beat beat : stack.beats()) {
            for (double v : beat.envelope()) {
                top = Double.isFinite(v) ? Math.max(top, v) : top;
            }
        }
        // A click or a bump of noise must not flatten every other curve: at most four times the median's peak.
        return Math.min(top * 1.05, 4);
    }

    private List<MurmurEvidence.Bin> murmur() {
        return model.murmurEvidenceProperty().get().median();
    }

    private double topMargin() {
        return murmur().isEmpty() ? TOP : MURMUR_TOP;
    }

    private double rightMargin() {
        return murmur().isEmpty() ? RIGHT : MURMUR_RIGHT;
    }

    /** The horizontal position of {@code seconds} after the S1 peak; the axis runs from -lead to span. */
    private double x(double seconds, double span) {
        return LEFT + (seconds + BeatStack.LEAD_SECONDS) / (span + BeatStack.LEAD_SECONDS)
                * (getWidth() - LEFT - rightMargin());
    }

    /** The seconds after the S1 peak at horizontal position {@code x}. */
    private double secondsAt(double x, double span) {
        return (x - LEFT) / (getWidth() - LEFT - rightMargin()) * (span + BeatStack.LEAD_SECONDS)
                - BeatStack.LEAD_SECONDS;
    }

    private double y(double value, double top) {
        return getHeight() - BOTTOM - Math.min(value, top) / top * (getHeight() - BOTTOM - topMargin());
    }

    /** The vertical position of a murmur level: the plot's height spans the murmur scale. */
    private double yOfShare(double share) {
        return getHeight() - BOTTOM - share * (getHeight() - BOTTOM - topMargin());
    }

    /** Schedules one repaint. */
    public void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(this::redrawNow);
        }
    }

    /** Repaints at once (tests and screenshots). */
    public void redrawNow() {
        redrawQueued = false;
        double width = getWidth();
        double height = getHeight();
        if (width <= LEFT + rightMargin() || height <= topMargin() + BOTTOM) {
            return;
        }
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setFont(Font.font(10));
        BeatStack stack = model.beatStackProperty().get();
        if (stack.beats().isEmpty()) {
            g.setFill(AXIS);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No beat stack: fewer than two complete S1 in the heart cycle on screen.", 8, height / 2);
            return;
        }
        double span = stack.span();
        double top = top();
        drawAxes(g, span, top);
        drawMurmur(g, span);
        List<BeatStack.Beat> beats = stack.beats();
        int atypical = stack.mostAtypical();
        int selected = model.selectedBeatProperty().get();
        for (int i = 0; i < beats.size(); i++) {
            if (i != atypical && i != selected) {
                drawCurve(g, beats.get(i).envelope(), beats.get(i).length(), span, top, BEAT, 1);
            }
        }
        drawCurve(g, stack.median(), span, span, top, Color.WHITE, 2);
        if (atypical >= 0) {
            drawCurve(g, beats.get(atypical).envelope(), beats.get(atypical).length(), span, top, ATYPICAL, 2);
        }
        if (selected >= 0 && selected < beats.size()) {
            drawCurve(g, beats.get(selected).envelope(), beats.get(selected).length(), span, top, SELECTED, 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(AXIS);
        g.fillText(String.format(Locale.ROOT, "%d cycles aligned on S1; median in white", beats.size()), 6, 9);
        if (atypical >= 0) {
            BeatStack.Beat odd = beats.get(atypical);
            g.setFill(ATYPICAL);
            g.fillText(String.format(Locale.ROOT, "most atypical: beat %d at %.2f s (distance %.2f)", atypical + 1,
                    odd.s1Time(), odd.distance()), 6, 23);
        }
        if (!murmur().isEmpty()) {
            g.setFill(CycleOverlay.MURMUR);
            g.fillText("murmur level, dB re heart sounds (right axis)", 6, 37);
        }
    }

    /**
     * The median murmur envelope as a translucent step under the curves, edged solid, with its dB scale on the right.
     */
    private void drawMurmur(GraphicsContext g, double span) {
        List<MurmurEvidence.Bin> bins = murmur();
        if (bins.isEmpty()) {
            return;
        }
        double bottom = getHeight() - BOTTOM;
        g.setFill(CycleOverlay.MURMUR.deriveColor(0, 1, 1, MURMUR_OPACITY));
        for (MurmurEvidence.Bin bin : bins) {
            double a = x(bin.start(), span);
            double top = yOfShare(MurmurEvidence.share(bin.db()));
            g.fillRect(a, top, x(bin.end(), span) - a, bottom - top);
        }
        g.setStroke(CycleOverlay.MURMUR);
        g.setLineWidth(1.5);
        for (int i = 0; i < bins.size(); i++) {
            MurmurEvidence.Bin bin = bins.get(i);
            double top = yOfShare(MurmurEvidence.share(bin.db()));
            g.strokeLine(x(bin.start(), span), top, x(bin.end(), span), top);
            MurmurEvidence.Bin next = i + 1 < bins.size() ? bins.get(i + 1) : null;
            if (next != null && next.systolic() == bin.systolic()) {
                // a step, not a gap: join the bin to the next one of its phase
                g.strokeLine(x(bin.end(), span), top, x(bin.end(), span),
                        yOfShare(MurmurEvidence.share(next.db())));
            }
        }
        g.setLineWidth(1);
        g.strokeLine(getWidth() - MURMUR_RIGHT, topMargin(), getWidth() - MURMUR_RIGHT, bottom);
        g.setFill(CycleOverlay.MURMUR);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double db = MurmurEvidence.LOWEST_DB; db <= MurmurEvidence.HIGHEST_DB; db += 10) {
            double y = yOfShare(MurmurEvidence.share(db));
            g.strokeLine(getWidth() - MURMUR_RIGHT, y, getWidth() - MURMUR_RIGHT + 3, y);
            g.fillText(String.format(Locale.ROOT, "%.0f", db).replace('-', '\u2212'), getWidth() - MURMUR_RIGHT + 5,
                    y);
        }
    }

    /**
     * What the tooltip says at horizontal position {@code x} (in this view): the median murmur bin there ("systole bin
     * 3 of 8: −12 dB re heart sounds"), how to read the drawing between bins, or "" without a murmur.
     */
    public String murmurAt(double x) {
        List<MurmurEvidence.Bin> bins = murmur();
        BeatStack stack = model.beatStackProperty().get();
        if (bins.isEmpty() || stack.beats().isEmpty()) {
            return "";
        }
        double seconds = secondsAt(x, stack.span());
        int perPhase = bins.size() / 2;
        for (int i = 0; i < bins.size(); i++) {
            MurmurEvidence.Bin bin = bins.get(i);
            if (bin.start() <= seconds && seconds < bin.end()) {
                return String.format(Locale.ROOT, "%s bin %d of %d: %.0f dB re heart sounds (median of the beats)",
                        bin.systolic() ? "systole" : "diastole", i % perPhase + 1, perPhase, bin.db())
                        .replace('-', '\u2212');
            }
        }
        return String.format(Locale.ROOT, "Murmur level (the shaded step): the median systole and diastole each cut "
                + "into %d, dB relative to the heart sounds of the same beat", perPhase);
    }

    private void drawAxes(GraphicsContext g, double span, double top) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        double bottom = getHeight() - BOTTOM;
        g.strokeLine(LEFT, bottom, getWidth() - rightMargin(), bottom);
        g.strokeLine(LEFT, topMargin(), LEFT, bottom);
        g.setFill(AXIS);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = span > 1.2 ? 0.2 : 0.1;
        for (double t = -BeatStack.LEAD_SECONDS; t <= span + 1e-9; t += step) {
            double x = x(t, span);
            g.strokeLine(x, bottom, x, bottom + 3);
            g.fillText(String.format(Locale.ROOT, "%.1f", t + 0.0), x, bottom + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("s after S1", getWidth() - rightMargin(), bottom + 4 - 12);
        g.setTextBaseline(VPos.CENTER);
        for (double v = 0; v <= top + 1e-9; v += top > 2 ? 1 : 0.5) {
            double y = y(v, top);
            g.strokeLine(LEFT - 3, y, LEFT, y);
            g.fillText(String.format(Locale.ROOT, "%.1f", v), LEFT - 5, y);
        }
    }

    private void drawCurve(GraphicsContext g, double[] values, double length, double span, double top, Color colour,
                           double lineWidth) {
        int samples = Math.min(values.length,
                (int) Math.round((length + BeatStack.LEAD_SECONDS) * BeatStack.ENVELOPE_RATE) + 1);
        if (samples < 2) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.beginPath();
        boolean drawing = false;
        for (int k = 0; k < samples; k++) {
            if (!Double.isFinite(values[k])) {
                drawing = false;
                continue;
            }
            double x = x(k / (double) BeatStack.ENVELOPE_RATE - BeatStack.LEAD_SECONDS, span);
            double y = y(values[k], top);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    private void onClicked(MouseEvent event) {
        BeatStack stack = model.beatStackProperty().get();
        if (stack.beats().isEmpty() || event.getX() < LEFT) {
            return;
        }
        double seconds = secondsAt(event.getX(), stack.span());
        double top = top();
        double value = (getHeight() - BOTTOM - event.getY()) / (getHeight() - BOTTOM - topMargin()) * top;
        int beat = stack.nearestBeat(seconds, value);
        if (beat >= 0) {
            model.focusBeat(beat);
        }
        event.consume();
    }

    /** The screen point of beat {@code index}'s curve {@code seconds} after its S1 peak (for tests). */
    public javafx.geometry.Point2D pointOf(int index, double seconds) {
        BeatStack stack = model.beatStackProperty().get();
        double value = stack.beats().get(index).valueAt(seconds);
        return localToScreen(x(seconds, stack.span()), y(value, top()));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        requestRedraw();
    }
}
