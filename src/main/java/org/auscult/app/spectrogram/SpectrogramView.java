package org.auscult.app.spectrogram;

import java.nio.IntBuffer;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.auscult.app.timeline.TimeLayer;
import org.auscult.app.timeline.TimeViewport;

/**
 * The spectrogram layer: paints the visible part into an image of the plot's size in device pixels (so HiDPI
 * screens get full resolution) from cached tiles; tiles not computed yet are drawn as background and requested from
 * the view model's worker, and the layer repaints when they arrive.
 */
public final class SpectrogramView extends TimeLayer {

    private final SpectrogramViewModel model;
    private WritableImage image;
    private int[] pixels = new int[0];
    private boolean lastComplete;

    public SpectrogramView(TimeViewport viewport, SpectrogramViewModel model) {
        super(viewport);
        this.model = model;
        getStyleClass().add("spectrogram");
        setPrefHeight(220);
        repaintOn(model.settingsProperty(), model.tilesProperty(), model.tilesReadyProperty(), model.bandProperty());
        // A selection made anywhere else (the waveform, the keyboard, a click) spans every frequency.
        viewport.selectionStartProperty().addListener((property, old, now) -> forgetBandUnlessDraggedHere());
        viewport.selectionEndProperty().addListener((property, old, now) -> forgetBandUnlessDraggedHere());
    }

    private void forgetBandUnlessDraggedHere() {
        if (!dragging()) {
            model.bandProperty().set(null);
        }
    }

    @Override
    protected void selectionDragged(double fromY, double toY) {
        SpectrogramTiles tiles = model.tilesProperty().get();
        if (tiles == null || Math.abs(fromY - toY) < 3) {
            model.bandProperty().set(null);
            return;
        }
        double a = frequencyAt(tiles, fromY);
        double b = frequencyAt(tiles, toY);
        model.bandProperty().set(new FrequencyBand(Math.max(0, Math.min(a, b)), Math.max(a, b)));
    }

    private double frequencyAt(SpectrogramTiles tiles, double y) {
        SpectrogramSettings settings = model.settingsProperty().get();
        double top = settings.topFrequency(tiles.sampleRate());
        double bottom = settings.bottomFrequency(tiles.sampleRate());
        return top - (top - bottom) * y / getHeight();
    }

    /** Outlines the selection's frequency bounds over the selected stretch. */
    private void drawBand(GraphicsContext g, SpectrogramTiles tiles, double width, double height) {
        FrequencyBand band = model.bandProperty().get();
        if (band == null || !viewport.hasSelection()) {
            return;
        }
        SpectrogramSettings settings = model.settingsProperty().get();
        double top = settings.topFrequency(tiles.sampleRate());
        double bottom = settings.bottomFrequency(tiles.sampleRate());
        double x0 = viewport.xOf(viewport.selectionStart(), width);
        double x1 = viewport.xOf(viewport.selectionEnd(), width);
        double y0 = height * (top - Math.min(top, band.highHz())) / (top - bottom);
        double y1 = height * (top - Math.max(bottom, band.lowHz())) / (top - bottom);
        g.setStroke(javafx.scene.paint.Color.WHITE);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeRect(x0, y0, x1 - x0, y1 - y0);
        g.setLineDashes();
    }

    @Override
    protected void drawPlot(GraphicsContext g, double width, double height, double scale) {
        SpectrogramTiles tiles = model.tilesProperty().get();
        if (tiles == null) {
            return;
        }
        int w = (int) Math.ceil(width * scale);
        int h = (int) Math.ceil(height * scale);
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        Set<SpectrogramTiles.Key> missing = new HashSet<>();
        lastComplete = SpectrogramRenderer.render(tiles, model.settingsProperty().get(), viewport.start(),
                viewport.visible(), w, h, pixels, missing);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(pixels), w);
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, width, height);
        if (!missing.isEmpty()) {
            model.requestTiles(missing);
        }
        drawBand(g, tiles, width, height);
    }

    /** True when the last paint had every visible tile. */
    public boolean complete() {
        return lastComplete;
    }

    @Override
    protected void drawRuler(GraphicsContext g, double gutter, double height) {
        SpectrogramTiles tiles = model.tilesProperty().get();
        if (tiles == null) {
            return;
        }
        SpectrogramSettings settings = model.settingsProperty().get();
        double top = settings.topFrequency(tiles.sampleRate());
        double bottom = settings.bottomFrequency(tiles.sampleRate());
        double step = niceStep(top - bottom, (int) Math.max(2, height / 40));
        for (double f = Math.ceil(bottom / step) * step; f <= top + 1e-9; f += step) {
            double y = height * (top - f) / (top - bottom);
            rulerLabel(g, format(f, step) + (f == 0 ? " Hz" : ""), gutter, y, height);
        }
    }

    @Override
    protected String describe(double seconds, double y) {
        SpectrogramTiles tiles = model.tilesProperty().get();
        if (tiles == null) {
            return "";
        }
        return model.readout(seconds, frequencyAt(tiles, y));
    }
}
