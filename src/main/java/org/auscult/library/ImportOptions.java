package org.auscult.library;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to import a collection; shared by the command line and the training wizard.
 *
 * @param layout               the layout to use, or empty to detect it
 * @param labelMapping         written label to training label, applied after lower-casing (keys and values are
 *                             lower-cased here); a label mapped to "" is kept for browsing but not trained on
 * @param trainOnUnknownCirCor when true, CirCor recordings of patients whose murmur is "Unknown" are trained on as
 *                             the class {@code unknown} (the Challenge 2022 three-class task); by default they are
 *                             not trained on
 * @param check                the check every existing recording must pass to be trainable
 * @param folderPatients       how the folder-per-class layout names the patient of a file
 */
public record ImportOptions(Optional<Layout> layout, Map<String, String> labelMapping, boolean trainOnUnknownCirCor,
                            RecordingCheck check, PatientNaming folderPatients) {

    /** Patient of a file in the folder-per-class layout, where nothing else says who was recorded. */
    public enum PatientNaming {
        /**
         * Each file is its own patient: {@code murmur/p12_apex.wav} -> {@code p12_apex}, and in a folder below,
         * with the folder: {@code murmur/ward2/p12_apex.wav} -> {@code ward2/p12_apex}. With either naming, a file
         * named only by its site is its folder's: {@code murmur/p12/MV.wav} -> {@code p12}.
         */
        FILE_STEM,
        /** The part of the file name before the first '_': {@code murmur/p12_apex.wav} -> {@code p12}. */
        PREFIX_BEFORE_UNDERSCORE
    }

    /** PASCAL's noisy subclasses count as their clean class unless the user keeps them apart. */
    public static final Map<String, String> DEFAULT_LABEL_MAPPING =
            Map.of("noisynormal", "normal", "noisymurmur", "murmur");

    public ImportOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(labelMapping, "labelMapping");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(folderPatients, "folderPatients");
        Map<String, String> normalised = new TreeMap<>();
        labelMapping.forEach((from, to) -> {
            Objects.requireNonNull(from, "label mapping key");
            Objects.requireNonNull(to, "label mapping value for '" + from + "'");
            String key = normaliseLabel(from);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("label mapping has a blank source label");
            }
            if (normalised.put(key, normaliseLabel(to)) != null) {
                throw new IllegalArgumentException("label mapping names '" + key + "' twice (case-insensitive)");
            }
        });
        labelMapping = Collections.unmodifiableMap(normalised);
    }

    /** The four settings every caller knows; patients in class folders are named by file stem. */
    public ImportOptions(Optional<Layout> layout, Map<String, String> labelMapping, boolean trainOnUnknownCirCor,
                         RecordingCheck check) {
        this(layout, labelMapping, trainOnUnknownCirCor, check, PatientNaming.FILE_STEM);
    }

    /** Detect the layout, merge noisy PASCAL labels, skip unknown CirCor murmurs, only check files exist. */
    public static ImportOptions defaults() {
        return new ImportOptions(Optional.empty(), DEFAULT_LABEL_MAPPING, false, RecordingCheck.exists());
    }

    public ImportOptions withLayout(Layout newLayout) {
        return new ImportOptions(Optional.of(newLayout), labelMapping, trainOnUnknownCirCor, check, folderPatients);
    }

    public ImportOptions withLabelMapping(Map<String, String> newMapping) {
        return new ImportOptions(layout, newMapping, trainOnUnknownCirCor, check, folderPatients);
    }

    public ImportOptions withTrainOnUnknownCirCor(boolean train) {
        return new ImportOptions(layout, labelMapping, train, check, folderPatients);
    }

    public ImportOptions withCheck(RecordingCheck newCheck) {
        return new ImportOptions(layout, labelMapping, trainOnUnknownCirCor, newCheck, folderPatients);
    }

    public ImportOptions withFolderPatients(PatientNaming naming) {
        return new ImportOptions(layout, labelMapping, trainOnUnknownCirCor, check, naming);
    }

    /**
     * The training label for a written label: trimmed, lower-cased, then mapped.
     *
     * @return empty for a blank label or one mapped to ""
     */
    public Optional<String> trainingLabel(String writtenLabel) {
        String label = normaliseLabel(writtenLabel);
        String mapped = labelMapping.getOrDefault(label, label);
        return mapped.isEmpty() ? Optional.empty() : Optional.of(mapped);
    }

    static String normaliseLabel(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    }
}
