package org.auscult.labels;

import java.util.List;

/** The five classes every collection Auscult knows uses (PASCAL 2011 names); researchers may add more. */
public final class LabelClasses {

    /** In key order: 1 normal, 2 murmur, 3 extrasystole, 4 extra heart sound, 5 artifact. */
    public static final List<String> BUILT_IN = List.of("normal", "murmur", "extrastole", "extrahls", "artifact");

    private LabelClasses() {
    }

    /** Checks a class name: non-blank, one line, no comma or tab (it travels through CSV and ARFF files). */
    public static String requireValid(String name) {
        if (name == null || name.isBlank() || name.contains(",") || name.contains("\t") || name.contains("\n")
                || name.contains("\r") || name.contains("'") || name.contains("\"")) {
            throw new IllegalArgumentException("class name must be a non-blank single line without commas, tabs "
                    + "or quotes, got '" + name + "'");
        }
        return name.strip();
    }
}
