package org.auscult.labels;

import java.util.List;
import java.util.Map;

/** The five classes every collection Auscult knows uses (PASCAL 2011 names); researchers may add more. */
public final class LabelClasses {

    /** In key order: 1 normal, 2 murmur, 3 extrasystole, 4 extra heart sound, 5 artifact. */
    public static final List<String> BUILT_IN = List.of("normal", "murmur", "extrastole", "extrahls", "artifact");

    /** Class names spelled out for people; other names are shown as they are. */
    private static final Map<String, String> SPOKEN = Map.of("extrahls", "extra heart sound",
            "extrastole", "extrasystole", "abnormal", "abnormal, other (needs follow-up)");

    private LabelClasses() {
    }

    /** {@code label} as people say it: "extrahls" is "extra heart sound". */
    public static String forPeople(String label) {
        return SPOKEN.getOrDefault(label, label);
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
