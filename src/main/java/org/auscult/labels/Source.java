package org.auscult.labels;

/** Who made a label: the user at this workstation, or a collection's own labels brought in by an import. */
public enum Source {
    USER("user"),
    IMPORT("import");

    private final String sqlName;

    Source(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name stored in the database's {@code source} columns. */
    public String sqlName() {
        return sqlName;
    }

    public static Source ofSqlName(String name) {
        for (Source source : values()) {
            if (source.sqlName.equals(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown label source '" + name + "' (user or import)");
    }
}
