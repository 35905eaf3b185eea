package org.auscult.app.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.geometry.Point2D;
import javafx.scene.layout.StackPane;
import org.auscult.labels.LabelClasses;
import org.auscult.learn.ConfusionMatrix;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as a heat map: truth down the rows, prediction across the columns, each cell coloured by its
 * share of its row (so a rare class's errors are as visible as a common one's) and labelled with its count or share.
 * Clicking a cell reports (truth, predicted).
 */
public final class ConfusionMatrixView extends StackPane {

    /** Shares of a row from 0 to 1 in ten steps of one blue. */
    private static final LookupPaintScale SCALE = scale();

    private final ChartViewer viewer;
    private ConfusionMatrix matrix;
    private boolean normalised;
    private BiConsumer<Integer, Integer> onCellClicked = (truth, predicted) -> { };

    public ConfusionMatrixView() {
        viewer = new ChartViewer(chart(null, false, ""));
        viewer.setId("confusion-chart");
        getChildren().add(viewer);
        setMinSize(240, 200);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                ChartEntity entity = event.getEntity();
                if (entity instanceof XYItemEntity item && matrix != null) {
                    int cell = item.getItem();
                    int classes = matrix.numClasses();
                    onCellClicked.accept(cell / classes, cell % classes);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
    }

    /** Shows {@code newMatrix} (null for an empty chart) in counts or row shares, under {@code title}. */
    public void show(ConfusionMatrix newMatrix, boolean shares, String title) {
        this.matrix = newMatrix;
        this.normalised = shares;
        viewer.setChart(chart(newMatrix, shares, title));
    }

    public ConfusionMatrix matrix() {
        return matrix;
    }

    public boolean normalised() {
        return normalised;
    }

    /** Called with (truth, predicted) when a cell is clicked. */
    public void setOnCellClicked(BiConsumer<Integer, Integer> callback) {
        this.onCellClicked = callback;
    }

    /** The centre of a cell in this node's coordinates, once the chart has been drawn (for tests and tooltips). */
    public Point2D cellCentre(int truth, int predicted) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || matrix == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = viewer.getChart().getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(predicted, area, RectangleEdge.BOTTOM);
        double y = plot.getRangeAxis().valueToJava2D(truth, area, RectangleEdge.LEFT);
        return viewer.getCanvas().localToScene(x, y) == null ? null
                : sceneToLocal(viewer.getCanvas().localToScene(x, y));
    }

    private static JFreeChart chart(ConfusionMatrix matrix, boolean shares, String title) {
        List<String> classes = matrix == null ? List.of() : matrix.classNames();
        int n = classes.size();
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double[] z = new double[n * n];
        double[][] rowShares = matrix == null ? new double[0][0] : matrix.rowNormalised();
        for (int truth = 0; truth < n; truth++) {
            for (int predicted = 0; predicted < n; predicted++) {
                int cell = truth * n + predicted;
                x[cell] = predicted;
                y[cell] = truth;
                z[cell] = Double.isNaN(rowShares[truth][predicted]) ? 0 : rowShares[truth][predicted];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("cells", new double[][] {x, y, z});
        // Class names for people without their explanations in brackets: an axis has room for a few words only.
        String[] names = classes.stream().map(LabelClasses::forPeople)
                .map(name -> name.contains(" (") ? name.substring(0, name.indexOf(" (")) : name)
                .toArray(String[]::new);
        SymbolAxis predictedAxis = new SymbolAxis("Predicted", names);
        SymbolAxis truthAxis = new SymbolAxis("Truth", names);
        truthAxis.setInverted(true);
        for (SymbolAxis axis : List.of(predictedAxis, truthAxis)) {
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, Math.max(0.5, n - 0.5));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(SCALE);
        XYPlot plot = new XYPlot(dataset, predictedAxis, truthAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, n > 6 ? 11 : 14);
        for (int cell = 0; cell < n * n; cell++) {
            int truth = cell / n;
            int predicted = cell % n;
            String text = shares ? String.format(Locale.ROOT, "%.0f%%", 100 * z[cell])
                    : Long.toString(matrix.count(truth, predicted));
            XYTextAnnotation label = new XYTextAnnotation(text, predicted, truth);
            label.setFont(font);
            label.setPaint(z[cell] > 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.PLAIN, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static LookupPaintScale scale() {
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, new Color(247, 251, 255));
        for (int step = 0; step <= 10; step++) {
            double share = step / 10.0;
            // From near white to a dark blue, as shares grow.
            int red = (int) Math.round(247 - share * (247 - 8));
            int green = (int) Math.round(251 - share * (251 - 48));
            int blue = (int) Math.round(255 - share * (255 - 107));
            scale.add(Math.max(0, share - 0.05), new Color(red, green, blue));
        }
        return scale;
    }
}
