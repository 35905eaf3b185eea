package org.auscult.app.controls;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/** The workstation's labels that show a view model's text, and the names its choice boxes show. */
public final class Labels {

    private Labels() {
    }

    /** A label found by tests as {@code id} whose text follows {@code text}. */
    public static Label bound(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    /** A list of choices shown by their names for people (the boxes are not editable: text is never parsed). */
    public static <T> StringConverter<T> named(Function<T, String> forPeople) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : forPeople.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list");
            }
        };
    }
}
