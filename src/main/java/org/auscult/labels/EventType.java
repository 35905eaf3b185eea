package org.auscult.labels;

import java.util.List;

/**
 * The built-in types of events in time. An event's type is stored as text, so any other non-blank name is a custom
 * type (for example CirCor's "unannotated" state, or a researcher's own).
 */
public enum EventType {
    S1("S1"),
    S2("S2"),
    SYSTOLE("systole"),
    DIASTOLE("diastole"),
    MURMUR("murmur"),
    EXTRASYSTOLIC_BEAT("extrasystolic beat"),
    S3("S3"),
    S4("S4"),
    CLICK("click"),
    ARTIFACT("artifact");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    /** The stored and displayed name. */
    public String label() {
        return label;
    }

    /** Every built-in type's name, in key order (Alt+1 is S1 ... Alt+0 is artifact). */
    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(EventType::label).toList();
    }

    /** Checks a type name: built-in or custom, it must be non-blank, one line and free of tabs. */
    public static String requireValid(String type) {
        if (type == null || type.isBlank() || type.contains("\t") || type.contains("\n") || type.contains("\r")) {
            throw new IllegalArgumentException("event type must be a non-blank single line without tabs, got '"
                    + type + "'");
        }
        return type.strip();
    }
}
