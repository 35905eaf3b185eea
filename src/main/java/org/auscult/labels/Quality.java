package org.auscult.labels;

import java.util.Locale;

/** How usable a recording is, independent of its class. */
public enum Quality {
    GOOD,
    NOISY,
    UNUSABLE;

    /** The stored and exchanged name: good, noisy, unusable. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Quality parse(String name) {
        for (Quality quality : values()) {
            if (quality.sqlName().equalsIgnoreCase(name.trim())) {
                return quality;
            }
        }
        throw new IllegalArgumentException("unknown quality '" + name + "' (good, noisy or unusable)");
    }
}
