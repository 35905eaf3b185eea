package org.auscult.experiments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.dsp.ParameterException;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;

/**
 * Which labels a run trains on and which it answers in.
 *
 * <p>PASCAL 2011 marks some normal and murmur recordings as {@code noisynormal} / {@code noisymurmur}; the import
 * counts them as normal and murmur ({@link ImportOptions#DEFAULT_LABEL_MAPPING}) and keeps the written label as
 * {@link Recording#originalLabel()}. With {@code keepNoisy}, such a recording is trained under its written label
 * again, as long as its training label is still the one the import gave it (a recording the user relabelled keeps
 * the user's label). With a {@code merge} map, the model is trained on the fine classes and answers, and is scored,
 * in the coarse ones: {@code p_C = sum_{c -> C} p_c} ({@link org.auscult.learn.ClassMerging}).
 *
 * <p>As properties: {@code keepNoisy} ({@code true}/{@code false}) and {@code merge}
 * ({@code noisynormal=normal,noisymurmur=murmur}, empty for none); both may be absent (a record from before these
 * settings existed), which means {@link #AS_IMPORTED}.
 *
 * @param keepNoisy train PASCAL's noisy recordings under their own labels
 * @param merge     fine class -> coarse class, in the order given; empty to answer in the classes trained on
 */
public record TrainingLabels(boolean keepNoisy, Map<String, String> merge) {

    /** The labels of the collection as imported, answered in as they are: what every run did before. */
    public static final TrainingLabels AS_IMPORTED = new TrainingLabels(false, Map.of());

    static final String KEEP_NOISY = "keepNoisy";
    static final String MERGE = "merge";
    private static final List<String> KEYS = List.of(KEEP_NOISY, MERGE);

    public TrainingLabels {
        Objects.requireNonNull(merge, "merge");
        Map<String, String> copy = new LinkedHashMap<>();
        merge.forEach((fine, coarse) -> {
            ParameterException.require(fine != null && !fine.isBlank() && coarse != null && !coarse.isBlank(),
                    "labels.merge: every pair needs a class on both sides of '=', got '" + fine + "=" + coarse + "'");
            ParameterException.require(!fine.equals(coarse),
                    "labels.merge: '" + fine + "=" + coarse + "' merges a class into itself");
            ParameterException.require(!fine.contains(",") && !fine.contains("=") && !coarse.contains(",")
                            && !coarse.contains("="),
                    "labels.merge: class names cannot contain ',' or '=', got '" + fine + "=" + coarse + "'");
            copy.put(fine, coarse);
        });
        for (Map.Entry<String, String> pair : copy.entrySet()) {
            // a chain (a=b, b=c) would leave a's rows in b while b's rows go to c: say what was meant instead
            ParameterException.require(!copy.containsKey(pair.getValue()),
                    "labels.merge: '" + pair.getValue() + "' is merged into '" + copy.get(pair.getValue())
                            + "' and also the target of '" + pair.getKey() + "'; name the final class directly");
        }
        merge = Collections.unmodifiableMap(copy);
    }

    /**
     * The standard PASCAL choice: noisy recordings trained apart, the model answering in normal / murmur
     * ({@code noisynormal=normal,noisymurmur=murmur}), the design of the bundled model.
     */
    public static TrainingLabels pascalNoisyApart() {
        Map<String, String> merge = new LinkedHashMap<>();
        merge.put("noisynormal", "normal");
        merge.put("noisymurmur", "murmur");
        return new TrainingLabels(true, merge);
    }

    /** Whether the run trains on the labels as imported and answers in them (nothing to do). */
    public boolean asImported() {
        return !keepNoisy && merge.isEmpty();
    }

    /** In words, for a list of runs: "noisy labels apart, answers noisynormal->normal, noisymurmur->murmur". */
    public String describe() {
        if (asImported()) {
            return "labels as imported";
        }
        List<String> parts = new ArrayList<>();
        if (keepNoisy) {
            parts.add("noisy labels apart");
        }
        if (!merge.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            merge.forEach((fine, coarse) -> pairs.add(fine + "->" + coarse));
            parts.add("answers " + String.join(", ", pairs));
        }
        return String.join(", ", parts);
    }

    /**
     * The written label of a recording the import merged into its clean class ({@code "noisynormal"} for a
     * recording written noisynormal and trained as normal), or null when the recording is not one: unlabelled,
     * written with another label, or relabelled since.
     */
    public static String mergedNoisyLabel(Recording recording) {
        if (recording.label().isEmpty()) {
            return null;
        }
        String written = recording.originalLabel().strip().toLowerCase(Locale.ROOT);
        String cleanClass = ImportOptions.DEFAULT_LABEL_MAPPING.get(written);
        return cleanClass != null && cleanClass.equals(recording.label().get()) ? written : null;
    }

    /** How many of {@code recordings} {@code keepNoisy} would train under their written label. */
    public static int countMergedNoisy(Collection<Recording> recordings) {
        return (int) recordings.stream().filter(recording -> mergedNoisyLabel(recording) != null).count();
    }

    /** The feature input of a trainable recording, under the label this run trains it on. */
    public FeatureTableBuilder.Input inputOf(Recording recording) {
        FeatureTableBuilder.Input input = FeatureTableBuilder.Input.of(recording);
        String noisy = keepNoisy ? mergedNoisyLabel(recording) : null;
        return noisy == null ? input
                : new FeatureTableBuilder.Input(input.path(), input.id(), noisy, input.patient(), input.source());
    }

    /**
     * Checks that every class the merge folds is one of {@code classes}.
     *
     * @param what names the classes in the message ("the labelled recordings", "the analysed recordings")
     * @throws ParameterException naming the missing class and the classes there are
     */
    public void requireMergeableFrom(Collection<String> classes, String what) {
        List<String> missing = new ArrayList<>();
        for (String fine : merge.keySet()) {
            if (!classes.contains(fine)) {
                missing.add(fine);
            }
        }
        ParameterException.require(missing.isEmpty(), "labels.merge names " + (missing.size() == 1
                ? "the class '" + missing.get(0) + "'" : "the classes " + missing) + ", which " + what
                + " do not have (their classes: " + classes.stream().distinct().sorted().toList() + ")"
                + (!keepNoisy && missing.stream().anyMatch(ImportOptions.DEFAULT_LABEL_MAPPING::containsKey)
                ? "; PASCAL's noisy classes exist only when they are kept apart (labels.keepNoisy=true)" : ""));
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KEEP_NOISY, Boolean.toString(keepNoisy));
        List<String> pairs = new ArrayList<>();
        merge.forEach((fine, coarse) -> pairs.add(fine + "=" + coarse));
        properties.put(MERGE, String.join(",", pairs));
        return properties;
    }

    /**
     * Reads {@link #toProperties()} (keys without the {@code labels.} prefix); a missing key takes the value of
     * {@link #AS_IMPORTED}.
     *
     * @throws ParameterException for an unknown key, a value of keepNoisy other than true/false, or a malformed pair
     */
    public static TrainingLabels of(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            ParameterException.require(KEYS.contains(key),
                    "labels: unknown setting '" + key + "'; known are " + KEYS);
        }
        String keep = properties.getOrDefault(KEEP_NOISY, "false").strip();
        ParameterException.require(keep.equals("true") || keep.equals("false"),
                "labels.keepNoisy must be true or false, got '" + keep + "'");
        Map<String, String> merge = new LinkedHashMap<>();
        String pairs = properties.getOrDefault(MERGE, "").strip();
        if (!pairs.isEmpty()) {
            for (String pair : pairs.split(",", -1)) {
                String[] sides = pair.split("=", -1);
                ParameterException.require(sides.length == 2 && !sides[0].isBlank() && !sides[1].isBlank(),
                        "labels.merge: expected FINE=COARSE pairs separated by ',', got '" + pair.strip() + "'");
                ParameterException.require(merge.put(sides[0].strip(), sides[1].strip()) == null,
                        "labels.merge names '" + sides[0].strip() + "' twice");
            }
        }
        return new TrainingLabels(Boolean.parseBoolean(keep), merge);
    }
}
