package org.auscult.app.table;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Table columns whose cells show one read-only value of their row. */
public final class TableColumns {

    private TableColumns() {
    }

    /** A column titled {@code title} showing {@code value} of each row. */
    public static <S, T> TableColumn<S, T> of(String title, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
