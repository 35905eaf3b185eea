package org.auscult.segmentation.murmur;

import java.util.List;

/**
 * The attributes of a systolic murmur that CirCor annotates per patient, each with its classes in clinical order.
 * Late-systolic and Crescendo are kept although CirCor's training part has none or one of them: a model learns only
 * the classes its training patients have ({@link MurmurTraining}).
 */
public enum MurmurAttribute {
    TIMING("timing", "Systolic murmur timing", List.of("Early-systolic", "Mid-systolic", "Late-systolic",
            "Holosystolic")),
    SHAPE("shape", "Systolic murmur shape", List.of("Crescendo", "Decrescendo", "Diamond", "Plateau")),
    GRADE("grade", "Systolic murmur grading", List.of("I/VI", "II/VI", "III/VI")),
    PITCH("pitch", "Systolic murmur pitch", List.of("Low", "Medium", "High"));

    private final String key;
    private final String field;
    private final List<String> classes;

    MurmurAttribute(String key, String field, List<String> classes) {
        this.key = key;
        this.field = field;
        this.classes = classes;
    }

    /** The short name used in parameter files and tables. */
    public String key() {
        return key;
    }

    /** The CirCor field that annotates it. */
    public String field() {
        return field;
    }

    /** Every class it can take, in clinical order. */
    public List<String> classes() {
        return classes;
    }

    /** The attribute named {@code key}. */
    public static MurmurAttribute ofKey(String key) {
        for (MurmurAttribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException("no murmur attribute '" + key + "'");
    }
}
