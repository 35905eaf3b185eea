package org.auscult.app.table;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/** Table columns whose cells show one read-only value of their row; and keeping column titles whole. */
public final class TableColumns {

    /** Room beside a title for the arrow of a sorted column. */
    private static final double SORT_ARROW = 12;

    private TableColumns() {
    }

    /** A column titled {@code title} showing {@code value} of each row. */
    public static <S, T> TableColumn<S, T> of(String title, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /**
     * Keeps every column of {@code table} at least as wide as its title, with room for the sort arrow, so that no
     * title is ever cut to "Dur…". The widths are measured in the table's own font once its headers are laid out.
     */
    public static void keepTitlesWhole(TableView<?> table) {
        table.widthProperty().addListener((observable, before, after) -> fitTitles(table));
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<?, ?>>) change ->
                javafx.application.Platform.runLater(() -> fitTitles(table)));
    }

    private static void fitTitles(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title && title.getText() != null
                    && !title.getText().isEmpty()) {
                double needed = Math.ceil(title.prefWidth(-1) + header.snappedLeftInset()
                        + header.snappedRightInset() + SORT_ARROW);
                javafx.scene.control.TableColumnBase<?, ?> column = header.getTableColumn();
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
            }
        }
    }

    /**
     * A cell that wraps its text onto more lines rather than cutting it, the row growing to fit (a text node as
     * wide as the column, drawn in the cell's colour, so a selected row stays readable).
     */
    public static <S, T> TableCell<S, T> wrapping(Function<T, String> text) {
        return new TableCell<>() {
            private final Text shown = new Text();

            {
                shown.wrappingWidthProperty().bind(widthProperty().subtract(10));
                shown.fillProperty().bind(textFillProperty());
                shown.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                shown.setText(empty || item == null ? "" : text.apply(item));
                setGraphic(empty || item == null ? null : shown);
            }
        };
    }

    /**
     * Lets the user show or hide {@code table}'s columns from a menu on any column title (right click). Columns
     * whose visibility is decided elsewhere (bound) are left out.
     */
    public static void offerColumnChoice(TableView<?> table) {
        ContextMenu menu = new ContextMenu();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.visibleProperty().isBound()) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(column.getText());
            item.selectedProperty().bindBidirectional(column.visibleProperty());
            menu.getItems().add(item);
        }
        table.getColumns().forEach(column -> column.setContextMenu(menu));
    }
}
