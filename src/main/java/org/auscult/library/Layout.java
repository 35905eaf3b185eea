package org.auscult.library;

/**
 * The collection layouts Auscult can import. Each constant describes what detection looks for, so that a folder
 * nobody recognises can be refused with a message listing every layout that was tried.
 */
public enum Layout {

    /** Kaggle "heartbeat-sounds" (PASCAL 2011): set_a/, set_b/ with set_a.csv, set_b.csv (or a checked labels.csv). */
    KAGGLE_PASCAL("Kaggle PASCAL 2011", "Kaggle PASCAL 2011 (set_a.csv / set_b.csv beside set_a/ and set_b/, "
            + "or a labels.csv with header path,dataset,label,sublabel)"),

    /** A CSV with a {@code path} and a {@code label} column, optional {@code patient} and {@code source}. */
    GENERIC_CSV("CSV label table", "generic CSV (labels.csv, or a single .csv with 'path' and 'label' columns)"),

    /** {@code <root>/<label>/*.wav} (or .flac, .mp3). */
    FOLDER_PER_CLASS("Folder-per-class", "folder per class (<root>/<label>/*.wav, .flac or .mp3)"),

    /** PhysioNet/CinC Challenge 2016: training-a ... training-f, each with REFERENCE.csv. */
    PHYSIONET_2016("PhysioNet 2016", "PhysioNet/CinC 2016 (training-*/REFERENCE.csv, or a folder with REFERENCE.csv)"),

    /** CirCor DigiScope / PhysioNet Challenge 2022: training_data.csv and training_data/. */
    CIRCOR_2022("CirCor 2022", "CirCor 2022 (training_data.csv beside training_data/, "
            + "or a labels.csv with columns path,patient_id,location,murmur)"),

    /**
     * Any folder of recordings with nothing that says their class: every recording in it and in the folders below
     * it, unlabelled, ready to browse and label. Detected last, when no other layout fits.
     */
    PLAIN_FOLDER("Plain folder, unlabelled", "plain folder (recordings anywhere below it, unlabelled)");

    private final String displayName;
    private final String lookedFor;

    Layout(String displayName, String lookedFor) {
        this.displayName = displayName;
        this.lookedFor = lookedFor;
    }

    /** A short name for people, for choice lists. */
    public String displayName() {
        return displayName;
    }

    /**
     * The layout named by {@code name}: the constant's name or a hyphenated lower-case form
     * ({@code plain-folder}), any case.
     *
     * @throws IllegalArgumentException naming every layout when none matches
     */
    public static Layout named(String name) {
        String wanted = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (Layout layout : values()) {
            if (layout.name().equals(wanted)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + name + "'; the layouts are "
                + java.util.Arrays.stream(values()).map(Layout::optionName)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** The name an option takes: the constant in lower case with hyphens ("kaggle-pascal"). */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** What detection looks for, in words for an error message. */
    public String lookedFor() {
        return lookedFor;
    }
}
