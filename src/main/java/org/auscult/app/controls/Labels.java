package org.auscult.app.controls;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
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

    /** A label as {@link #bound} that wraps its text, as {@link #wrapping}. */
    public static Label wrapped(String id, ObservableValue<String> text) {
        return wrapping(bound(id, text));
    }

    /** A label showing {@code text} that wraps it, as {@link #wrapping}. */
    public static Label wrapped(String text) {
        return wrapping(new Label(text));
    }

    /**
     * {@code label}, wrapping its text and never shorter than its lines: in a VBox a wrapping label is otherwise cut
     * to one line with an ellipsis.
     */
    public static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
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
