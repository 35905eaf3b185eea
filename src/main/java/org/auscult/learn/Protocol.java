package org.auscult.learn;

/** How rows are divided into training and test sets; see {@link Folds} for each algorithm. */
public enum Protocol {
    /** Repeated stratified k-fold cross-validation, grouped by patient (no patient on both sides of a fold). */
    GROUPED_CV,
    /** A stratified, grouped 80/10/10 train/validation/test split per repeat; the test rows are scored. */
    SPLIT,
    /** One fold per source: train on all sources but one, test on that one. */
    LEAVE_SOURCE_OUT;

    /** The protocol as people call it, e.g. "Cross-validation grouped by patient". */
    public String forPeople() {
        return switch (this) {
            case GROUPED_CV -> "Cross-validation grouped by patient";
            case SPLIT -> "Split 80/10/10 (train, validation, test)";
            case LEAVE_SOURCE_OUT -> "Leave one source out";
        };
    }
}
