package org.auscult.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it, for every CSV Auscult prints or writes: a field is quoted when it holds a comma, a
 * quote or a line break, so that a path like {@code ward 3, bed 2/a.wav} stays one field when read back.
 */
public final class CsvText {

    private CsvText() {
    }

    /** A CSV field, quoted (with doubled quotes inside) when it holds a comma, a quote or a line break. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One record of {@link #field quoted fields}, without line end. */
    public static String row(String... values) {
        return Arrays.stream(values).map(CsvText::field).collect(Collectors.joining(","));
    }
}
