package org.auscult.app.labels;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.labels.EventType;
import org.auscult.labels.LabelEvent;

/**
 * The annotation lane: the recording's events on the shared time axis, edited with the mouse. Shift+drag on empty
 * space creates a region of the current type (a Shift+click, a point); dragging an event moves it; dragging a
 * region's edge resizes it; a click on an event selects it. Anything else (a plain drag or click) selects time and
 * moves the cursor, as on every layer. {@link #overlay} draws the same events over the waveform and spectrogram.
 */
public final class AnnotationLayer extends TimeLayer {

    /** Within this many pixels of a point or a region's edge, the pointer grabs it. */
    static final double GRAB_PIXELS = 5;

    private enum Drag { NONE, CREATE, MOVE, RESIZE_START, RESIZE_END }

    private final AnnotationViewModel model;
    private Drag drag = Drag.NONE;
    private LabelEvent dragged;
    private double pressedAt;
    private double previewStart;
    private double previewEnd;

    public AnnotationLayer(TimeViewport viewport, AnnotationViewModel model) {
        super(viewport);
        this.model = model;
        getStyleClass().add("annotation-layer");
        setMinHeight(36);
        setPrefHeight(40);
        setMaxHeight(40);
        model.events().addListener((ListChangeListener<LabelEvent>) change -> requestRedraw());
        repaintOn(model.selectedEventProperty(), model.currentTypeProperty());
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventFilter(MouseEvent.MOUSE_RELEASED, this::onReleased);
    }

    /** The colour of an event type (custom types are grey). */
    static Color colour(String type) {
        int index = EventType.labels().indexOf(type);
        if (index < 0) {
            return Color.web("#9e9e9e");
        }
        return Color.hsb((index * 67) % 360, 0.65, 0.95);
    }

    /** Draws the events as translucent bands (regions) and lines (points) over another layer. */
    public TimeLayer.PlotOverlay overlay() {
        return (g, viewport, width, height) -> {
            for (LabelEvent event : model.events()) {
                Color colour = colour(event.type());
                double a = viewport.xOf(event.start(), width);
                double b = viewport.xOf(event.end(), width);
                if (b < -2 || a > width + 2) {
                    continue;
                }
                if (event.isPoint()) {
                    g.setStroke(colour.deriveColor(0, 1, 1, 0.8));
                    g.setLineWidth(1);
                    g.strokeLine(a, 0, a, height);
                } else {
                    g.setFill(colour.deriveColor(0, 1, 1, 0.12));
                    g.fillRect(a, 0, b - a, height);
                }
            }
        };
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(RULER_FONT);
        LabelEvent selected = model.selectedEventProperty().get();
        for (LabelEvent event : model.events()) {
            boolean isSelected = selected != null && selected.id() == event.id();
            draw(g, event.type(), event.start(), event.end(), width, height, isSelected);
        }
        if (drag != Drag.NONE) {
            String type = drag == Drag.CREATE ? model.currentTypeProperty().get() : dragged.type();
            draw(g, type, previewStart, previewEnd, width, height, true);
        }
        if (model.events().isEmpty() && drag == Drag.NONE) {
            g.setFill(RULER_TEXT);
            g.fillText(model.availableProperty().get()
                    ? "Shift+drag: new " + model.currentTypeProperty().get() + " region; Shift+click: point; E: at "
                    + "cursor/selection" : model.messageProperty().get(), 6, height / 2);
        }
    }

    private void draw(GraphicsContext g, String type, double start, double end, double width, double height,
                      boolean selected) {
        double a = viewport.xOf(start, width);
        double b = viewport.xOf(end, width);
        if (b < -GRAB_PIXELS || a > width + GRAB_PIXELS) {
            return;
        }
        Color colour = colour(type);
        if (start == end) {
            g.setStroke(colour);
            g.setLineWidth(selected ? 3 : 1.5);
            g.strokeLine(a, 2, a, height - 2);
            g.setFill(colour);
            g.fillPolygon(new double[] {a - 4, a + 4, a}, new double[] {2, 2, 8}, 3);
            g.fillText(type, a + 5, height / 2);
        } else {
            g.setFill(colour.deriveColor(0, 1, 1, selected ? 0.55 : 0.3));
            g.fillRect(a, 4, b - a, height - 8);
            g.setStroke(selected ? Color.WHITE : colour);
            g.setLineWidth(selected ? 2 : 1);
            g.strokeRect(a, 4, b - a, height - 8);
            if (b - a > 20) {
                g.setFill(Color.WHITE);
                g.fillText(type, Math.max(a, 0) + 3, height / 2);
            }
        }
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        g.setFill(RULER_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("labels", gutter - 6, height / 2);
    }

    @Override
    protected String describe(double seconds, double y) {
        LabelEvent under = eventAt(viewport.xOf(seconds, plotWidth()));
        String time = String.format(Locale.ROOT, "t = %.3f s", seconds);
        return under == null ? time : time + String.format(Locale.ROOT, "   %s %.3f–%.3f s", under.type(),
                under.start(), under.end());
    }

    /** The event nearest plot position {@code x} within the grab distance, null when none. */
    private LabelEvent eventAt(double x) {
        double width = plotWidth();
        LabelEvent best = null;
        double bestDistance = Double.MAX_VALUE;
        List<LabelEvent> events = model.events();
        for (LabelEvent event : events) {
            double a = viewport.xOf(event.start(), width);
            double b = viewport.xOf(event.end(), width);
            double distance = x < a ? a - x : x > b ? x - b : 0;
            if (distance <= GRAB_PIXELS && distance < bestDistance) {
                best = event;
                bestDistance = distance;
            }
        }
        return best;
    }

    private double timeAt(MouseEvent event) {
        double t = viewport.timeAt(event.getX() - GUTTER, plotWidth());
        return Math.max(0, Math.min(viewport.duration(), t));
    }

    private void onPressed(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getX() < GUTTER) {
            return;
        }
        double x = event.getX() - GUTTER;
        pressedAt = timeAt(event);
        LabelEvent hit = event.isShiftDown() ? null : eventAt(x);
        if (hit != null) {
            model.selectedEventProperty().set(hit);
            double a = viewport.xOf(hit.start(), plotWidth());
            double b = viewport.xOf(hit.end(), plotWidth());
            dragged = hit;
            drag = hit.isPoint() ? Drag.MOVE : Math.abs(x - a) <= GRAB_PIXELS ? Drag.RESIZE_START
                    : Math.abs(x - b) <= GRAB_PIXELS ? Drag.RESIZE_END : Drag.MOVE;
            previewStart = hit.start();
            previewEnd = hit.end();
        } else if (event.isShiftDown()) {
            drag = Drag.CREATE;
            previewStart = pressedAt;
            previewEnd = pressedAt;
        } else {
            model.selectedEventProperty().set(null);
            return; // a plain press: time selection and cursor, handled by the layer
        }
        requestFocus();
        event.consume();
    }

    private void onDragged(MouseEvent event) {
        if (drag == Drag.NONE) {
            return;
        }
        double t = timeAt(event);
        switch (drag) {
            case CREATE -> {
                previewStart = Math.min(pressedAt, t);
                previewEnd = Math.max(pressedAt, t);
            }
            case MOVE -> {
                double shift = Math.max(-dragged.start(), t - pressedAt);
                previewStart = dragged.start() + shift;
                previewEnd = dragged.end() + shift;
            }
            case RESIZE_START -> {
                previewStart = Math.min(t, dragged.end());
                previewEnd = Math.max(t, dragged.end());
            }
            case RESIZE_END -> {
                previewStart = Math.min(t, dragged.start());
                previewEnd = Math.max(t, dragged.start());
            }
            default -> {
            }
        }
        requestRedraw();
        event.consume();
    }

    private void onReleased(MouseEvent event) {
        if (drag == Drag.NONE) {
            return;
        }
        onDragged(event);
        // Under 3 pixels of travel is a click: a point for Shift+click, a selection for a click on an event.
        boolean moved = Math.abs(viewport.xOf(timeAt(event), plotWidth()) - viewport.xOf(pressedAt, plotWidth())) >= 3;
        switch (drag) {
            case CREATE -> {
                if (moved) {
                    model.addEvent(previewStart, previewEnd);
                } else {
                    model.addEvent(pressedAt, pressedAt);
                }
            }
            case MOVE -> {
                if (moved) {
                    model.moveEvent(dragged, previewStart);
                }
            }
            case RESIZE_START, RESIZE_END -> {
                if (moved) {
                    model.resizeEvent(dragged, previewStart, previewEnd);
                }
            }
            default -> {
            }
        }
        drag = Drag.NONE;
        dragged = null;
        requestRedraw();
        event.consume();
    }
}
