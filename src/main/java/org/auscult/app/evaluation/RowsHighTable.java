package org.auscult.app.evaluation;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table as tall as its header and rows: every row is on show, none behind a scroll bar (the results tables hold a
 * handful). Rows have one fixed height, and the table asks for a new layout when its rows change.
 */
abstract class RowsHighTable<T> extends TableView<T> {

    private static final double ROW_HEIGHT = 24;

    RowsHighTable() {
        setFixedCellSize(ROW_HEIGHT);
        getItems().addListener((ListChangeListener<T>) change -> requestLayout());
    }

    @Override
    protected double computePrefHeight(double width) {
        Node header = lookup(".column-header-background");
        double headerHeight = header instanceof Region region ? region.prefHeight(-1) : 2 * ROW_HEIGHT;
        return snappedTopInset() + headerHeight + Math.max(1, getItems().size()) * ROW_HEIGHT
                + snappedBottomInset() + 2;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
