package org.auscult.labels;

/** A recording can carry two independent labels (a second opinion beside the first) so disagreements show. */
public enum Opinion {
    FIRST(1),
    SECOND(2);

    private final int number;

    Opinion(int number) {
        this.number = number;
    }

    /** 1 or 2, as stored. */
    public int number() {
        return number;
    }

    public static Opinion of(int number) {
        return switch (number) {
            case 1 -> FIRST;
            case 2 -> SECOND;
            default -> throw new IllegalArgumentException("opinion must be 1 or 2, got " + number);
        };
    }
}
