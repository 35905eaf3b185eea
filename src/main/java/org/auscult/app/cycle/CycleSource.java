package org.auscult.app.cycle;

/** Where the heart cycle on screen comes from. */
public enum CycleSource {
    /** Nothing to show (no recording, or it could not be segmented). */
    NONE("no heart cycle"),
    /** The automatic segmentation ({@link org.auscult.segmentation.HeartSoundSegmenter}). */
    AUTOMATIC("automatic"),
    /** The user's own S1/S2 events in the label store. */
    ANNOTATED("your annotation"),
    /** The user's events where they marked, the automatic segmentation before and after. */
    ANNOTATED_AND_AUTOMATIC("your annotation, automatic elsewhere"),
    /** S1/S2 events that came with the collection (imported, for example a CirCor .tsv). */
    IMPORTED("imported annotation");

    private final String description;

    CycleSource(String description) {
        this.description = description;
    }

    /** For people: "automatic", "your annotation". */
    public String description() {
        return description;
    }
}
