package org.auscult.app.verdict;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.auscult.segmentation.murmur.MurmurEnvelope;

/**
 * The evidence under a murmur's description: the median murmur envelope of its beats, systole's bins then diastole's,
 * each bar the level of that part of the cycle in dB relative to the heart sounds of the same beat (0 dB at the
 * top, {@value #LOWEST_DB} dB at the bottom), under a title strip that says what was measured. A systolic murmur
 * fills the systole's bars; where in systole it sits is where they rise.
 */
public final class MurmurEnvelopeChart extends Region {

    static final double LOWEST_DB = -40;
    private static final double HEIGHT = 74;
    private static final double LABELS = 14;
    /** The strip above the bars for the chart's title, so the tallest bar never runs under it. */
    private static final double TITLE = 13;
    private static final Color SYSTOLE = Color.web("#e8a33d");
    private static final Color DIASTOLE = Color.web("#5b9bd5");
    private static final Color TEXT = Color.web("#9aa4ad");

    private final Canvas canvas = new Canvas();
    private MurmurEnvelope envelope;

    public MurmurEnvelopeChart() {
        setId("murmur-envelope");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        widthProperty().addListener((property, old, width) -> draw());
    }

    /** Shows {@code shown}, or nothing (and takes no room) when null. */
    public void show(MurmurEnvelope shown) {
        envelope = shown;
        setVisible(shown != null);
        setManaged(shown != null);
        draw();
    }

    /** The envelope on screen, or null. */
    public MurmurEnvelope shown() {
        return envelope;
    }

    private void draw() {
        double width = getWidth();
        canvas.setWidth(width);
        canvas.setHeight(HEIGHT);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, HEIGHT);
        if (envelope == null || envelope.cycleCount() == 0 || width < 40) {
            return;
        }
        double[] systole = envelope.systole();
        double[] diastole = envelope.diastole();
        int bars = systole.length + diastole.length;
        double barWidth = width / bars;
        double plot = HEIGHT - LABELS - TITLE;
        for (int i = 0; i < bars; i++) {
            double db = i < systole.length ? systole[i] : diastole[i - systole.length];
            double share = Math.max(0, Math.min(1, (db - LOWEST_DB) / -LOWEST_DB));
            g.setFill(i < systole.length ? SYSTOLE : DIASTOLE);
            g.fillRect(i * barWidth + 1, TITLE + plot * (1 - share), barWidth - 2, plot * share);
        }
        g.setFill(TEXT);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("systole", width * systole.length / (2.0 * bars), HEIGHT);
        g.fillText("diastole", width * (systole.length + diastole.length / 2.0) / bars, HEIGHT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "median of %d beats, %.0f-%.0f Hz, dB re heart sounds",
                envelope.cycleCount(), envelope.lowHz(), envelope.highHz()), width - 2, 0);
    }
}
