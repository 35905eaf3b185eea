package org.auscult.app.cycle;

import org.auscult.segmentation.BeatStack;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The beat stack: every cycle's envelope from its S1 to the next S1 (seconds after the S1 peak across, envelope
 * relative to the median cycle's peak up), the median cycle in white, the most atypical cycle in orange, the chosen
 * one in cyan. Clicking near a curve chooses that beat and moves the time axis to it.
 */
public final class BeatStackView extends Region {

    private static final double LEFT = 44;
    private static final double BOTTOM = 22;
    private static final double TOP = 36;
    private static final double RIGHT = 10;
    private static final Color BACKGROUND = Color.web("#1b1b1b");
    private static final Color AXIS = Color.web("#c8c8c8");
    private static final Color BEAT = Color.rgb(170, 200, 230, 0.45);
    private static final Color ATYPICAL = Color.web("#ff9800");
    private static final Color SELECTED = Color.web("#00e5ff");

    private final CycleViewModel model;
    private final Canvas canvas = new Canvas();
    private boolean redrawQueued;

    public BeatStackView(CycleViewModel model) {
        this.model = model;
        setId("beat-stack");
        getChildren().add(canvas);
        setMinSize(160, 120);
        setPrefSize(360, 260);
        model.beatStackProperty().addListener(o -> requestRedraw());
        model.selectedBeatProperty().addListener(o -> requestRedraw());
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

    /** The horizontal position of {@code seconds} after the S1 peak; the axis runs from -lead to span. */
    private double x(double seconds, double span) {
        return LEFT + (seconds + BeatStack.LEAD_SECONDS) / (span + BeatStack.LEAD_SECONDS) * (getWidth() - LEFT - RIGHT);
    }

    private double y(double value, double top) {
        return getHeight() - BOTTOM - Math.min(value, top) / top * (getHeight() - BOTTOM - TOP);
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
        if (width <= LEFT + RIGHT || height <= TOP + BOTTOM) {
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
    }

    private void drawAxes(GraphicsContext g, double span, double top) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        double bottom = getHeight() - BOTTOM;
        g.strokeLine(LEFT, bottom, getWidth() - RIGHT, bottom);
        g.strokeLine(LEFT, TOP, LEFT, bottom);
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
        g.fillText("s after S1", getWidth() - RIGHT, bottom + 4 - 12);
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
        double seconds = (event.getX() - LEFT) / (getWidth() - LEFT - RIGHT)
                * (stack.span() + BeatStack.LEAD_SECONDS) - BeatStack.LEAD_SECONDS;
        double top = top();
        double value = (getHeight() - BOTTOM - event.getY()) / (getHeight() - BOTTOM - TOP) * top;
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
