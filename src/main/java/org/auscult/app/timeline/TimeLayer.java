package org.auscult.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A layer drawn over the shared {@link TimeViewport}: a canvas with a left gutter of {@link #GUTTER} pixels for its
 * vertical ruler, the plot to its right. Every layer handles the same gestures (wheel zooms about the pointer,
 * shift+wheel or horizontal wheel scrolls, drag selects, click moves the cursor), so they move together, and draws
 * the selection and the cursor on top of its content.
 *
 * <p>Redraws are coalesced: any number of changes within one pulse cause one repaint. Drawing uses the window's
 * output scale so that subclasses can work in device pixels (HiDPI screens get full resolution).
 */
public abstract class TimeLayer extends Region {

    /** Width of the vertical ruler left of every plot, so the time axes of all layers line up. */
    public static final double GUTTER = 56;
    protected static final Font RULER_FONT = Font.font(10);
    protected static final Color RULER_TEXT = Color.web("#c8c8c8");
    protected static final Color BACKGROUND = Color.web("#1b1b1b");
    private static final Color PLACEHOLDER_TEXT = Color.web("#e0e0e0");
    private static final Font PLACEHOLDER_FONT = Font.font(13);

    protected final TimeViewport viewport;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private final List<PlotOverlay> overlays = new ArrayList<>();
    private final javafx.beans.property.StringProperty placeholder =
            new javafx.beans.property.SimpleStringProperty(this, "placeholder", "");
    private boolean redrawQueued;
    private double dragFrom = Double.NaN;
    private double dragFromY;

    protected TimeLayer(TimeViewport viewport) {
        this.viewport = viewport;
        getChildren().add(canvas);
        getStyleClass().add("time-layer");
        setMinSize(100, 40);
        repaintOn(placeholder, viewport.startProperty(), viewport.visibleProperty(),
                viewport.selectionStartProperty(), viewport.selectionEndProperty(), viewport.cursorProperty(),
                widthProperty(), heightProperty());
        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(this::onReleased);
        setOnMouseMoved(event -> {
            if (event.getX() >= GUTTER) {
                readout.set(describe(viewport.timeAt(event.getX() - GUTTER, plotWidth()), event.getY()));
            }
        });
        setOnMouseExited(event -> readout.set(""));
    }

    /** Something drawn over a layer's content on the same time axis (the annotation events, for example). */
    @FunctionalInterface
    public interface PlotOverlay {
        /** Draws over the plot area ({@code width} x {@code height}, origin at its corner). */
        void draw(GraphicsContext g, TimeViewport viewport, double width, double height);
    }

    /**
     * A sentence shown instead of the content ("Loading 36327_MV…"), "" to draw the content: a layer whose data is
     * on its way says so rather than showing what it had before.
     */
    public final javafx.beans.property.StringProperty placeholderProperty() {
        return placeholder;
    }

    /** Draws {@code overlay} over this layer's content, under the selection and the cursor. */
    public final void addOverlay(PlotOverlay overlay) {
        overlays.add(overlay);
        requestRedraw();
    }

    /** Repaints whenever one of {@code values} changes. */
    protected final void repaintOn(ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            value.addListener((observable, before, after) -> requestRedraw());
        }
    }

    /** Schedules one repaint for the next pulse. */
    public final void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(this::redrawNow);
        }
    }

    /** Repaints at once (tests and screenshots call it to avoid waiting for a pulse). */
    public final void redrawNow() {
        redrawQueued = false;
        double width = getWidth();
        double height = getHeight();
        if (width <= GUTTER || height <= 0) {
            return;
        }
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.save();
        g.translate(GUTTER, 0);
        g.beginPath();
        g.rect(0, 0, plotWidth(), height);
        g.clip();
        String waiting = placeholder.get();
        if (waiting != null && !waiting.isEmpty()) {
            g.setFill(PLACEHOLDER_TEXT);
            g.setFont(PLACEHOLDER_FONT);
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText(waiting, plotWidth() / 2, height / 2);
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.setTextBaseline(javafx.geometry.VPos.BASELINE);
            g.restore();
            return;
        }
        drawPlot(g, plotWidth(), height, outputScale());
        overlays.forEach(overlay -> overlay.draw(g, viewport, plotWidth(), height));
        drawSelectionAndCursor(g, plotWidth(), height);
        g.restore();
        g.setFont(RULER_FONT);
        drawRuler(g, GUTTER, height);
    }

    /** Draws the content over the plot area ({@code width} x {@code height} logical pixels, origin at its corner). */
    protected abstract void drawPlot(GraphicsContext g, double width, double height, double scale);

    /** Draws the vertical ruler in the gutter. */
    protected abstract void drawRuler(GraphicsContext g, double gutter, double height);

    /** The readout for the pointer at time {@code seconds} and height {@code y}. */
    protected abstract String describe(double seconds, double y);

    private void drawSelectionAndCursor(GraphicsContext g, double width, double height) {
        if (viewport.hasSelection()) {
            double a = viewport.xOf(viewport.selectionStart(), width);
            double b = viewport.xOf(viewport.selectionEnd(), width);
            g.setFill(Color.rgb(90, 160, 255, 0.25));
            g.fillRect(a, 0, b - a, height);
            g.setStroke(Color.rgb(90, 160, 255, 0.8));
            g.setLineWidth(1);
            g.strokeLine(a, 0, a, height);
            g.strokeLine(b, 0, b, height);
        }
        double cursor = viewport.xOf(viewport.cursorProperty().get(), width);
        if (cursor >= 0 && cursor <= width) {
            g.setStroke(Color.web("#ffd54f"));
            g.setLineWidth(1.5);
            g.strokeLine(cursor, 0, cursor, height);
        }
    }

    /** The output scale of the window (2 on a typical HiDPI screen), 1 before the layer is shown. */
    protected final double outputScale() {
        if (getScene() == null || getScene().getWindow() == null) {
            return 1;
        }
        return Math.max(1, getScene().getWindow().getOutputScaleX());
    }

    protected final double plotWidth() {
        return Math.max(1, getWidth() - GUTTER);
    }

    /** Draws a label right-aligned in the gutter at height y (clamped inside the layer). */
    protected static void rulerLabel(GraphicsContext g, String text, double gutter, double y, double height) {
        g.setFill(RULER_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, gutter - 6, Math.max(6, Math.min(height - 6, y)));
        g.setStroke(RULER_TEXT);
        g.setLineWidth(1);
        g.strokeLine(gutter - 4, y, gutter, y);
    }

    /** A tick step of 1, 2 or 5 times a power of ten, giving about {@code targetTicks} ticks over {@code span}. */
    public static double niceStep(double span, int targetTicks) {
        double raw = span / Math.max(1, targetTicks);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        double nice = unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10;
        return nice * power;
    }

    protected static String format(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void onScroll(ScrollEvent event) {
        double x = event.getX() - GUTTER;
        if (event.isShiftDown() || Math.abs(event.getDeltaX()) > Math.abs(event.getDeltaY())) {
            double delta = event.isShiftDown() ? event.getDeltaY() + event.getDeltaX() : event.getDeltaX();
            viewport.scrollBy(-delta / plotWidth());
        } else if (event.getDeltaY() != 0) {
            double anchor = viewport.timeAt(Math.max(0, x), plotWidth());
            viewport.zoom(Math.pow(1.25, event.getDeltaY() / 40.0), anchor);
        }
        event.consume();
    }

    /**
     * A drag on this layer set the selection, from height {@code fromY} to {@code toY} (clamped to the plot); the
     * spectrogram turns the heights into the selection's frequency bounds.
     */
    protected void selectionDragged(double fromY, double toY) {
        // the time axis is all most layers have
    }

    /** True while the user drags a selection on this layer. */
    protected final boolean dragging() {
        return !Double.isNaN(dragFrom);
    }

    private double clampedY(MouseEvent event) {
        return Math.max(0, Math.min(getHeight(), event.getY()));
    }

    private void onPressed(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.getX() >= GUTTER) {
            dragFromY = clampedY(event);
            dragFrom = viewport.timeAt(event.getX() - GUTTER, plotWidth());
            requestFocus();
        }
    }

    private void onDragged(MouseEvent event) {
        if (!Double.isNaN(dragFrom)) {
            viewport.select(dragFrom, viewport.timeAt(Math.max(0, event.getX() - GUTTER), plotWidth()));
            selectionDragged(dragFromY, clampedY(event));
        }
    }

    private void onReleased(MouseEvent event) {
        if (Double.isNaN(dragFrom)) {
            return;
        }
        double to = viewport.timeAt(Math.max(0, event.getX() - GUTTER), plotWidth());
        // A click without a drag (under 3 pixels) moves the cursor and clears the selection.
        if (Math.abs(viewport.xOf(to, plotWidth()) - viewport.xOf(dragFrom, plotWidth())) < 3) {
            viewport.clearSelection();
            viewport.cursorProperty().set(Math.max(0, Math.min(viewport.duration(), dragFrom)));
        } else {
            viewport.select(dragFrom, to);
            selectionDragged(dragFromY, clampedY(event));
        }
        dragFrom = Double.NaN;
    }

    /** Time, value and level under the pointer, "" when the pointer is elsewhere. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        requestRedraw();
    }
}
