package org.auscult.app.training;

import javafx.beans.property.StringProperty;
import org.auscult.dsp.ParameterException;

/** Reading the wizard's text fields: each value or a {@link ParameterException} naming the field. */
final class FormFields {

    private FormFields() {
    }

    static int integer(StringProperty field, String name) {
        try {
            return Integer.parseInt(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a whole number, got '" + field.get() + "'");
        }
    }

    static long longInteger(StringProperty field, String name) {
        try {
            return Long.parseLong(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a whole number, got '" + field.get() + "'");
        }
    }

    static double decimal(StringProperty field, String name) {
        try {
            return Double.parseDouble(field.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name + " must be a number, got '" + field.get() + "'");
        }
    }

    /** A number as a person types it: "25" rather than "25.0". */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
