package org.auscult.learn;

import java.util.Locale;

/**
 * A patient's murmur status as the PhysioNet/CinC Challenge 2022 (CirCor DigiScope) defines it: present, unknown
 * (the annotator could not tell, often because the recordings are too noisy), or absent. Unknown is an answer, not
 * a class a recording can be trained on: it is what a patient-level verdict says when the evidence is between.
 */
public enum Murmur {
    PRESENT(5),
    UNKNOWN(3),
    ABSENT(1);

    private final int weight;

    Murmur(int weight) {
        this.weight = weight;
    }

    /** The Challenge 2022 weight of a patient of this true status: 5, 3, 1. */
    public int weight() {
        return weight;
    }

    /** Reads Present / Unknown / Absent in any case. */
    public static Murmur parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
