package org.auscult.learn;

/**
 * What {@link CalibratedThresholds} maximises on the out-of-fold decisions of its training rows. With {@code
 * tp_c}, {@code fp_c}, {@code fn_c} the (weighted) true positives, false positives and false negatives of class
 * {@code c}, and the mean taken over the {@code K} classes present in the training rows:
 */
public enum ThresholdObjective {
    /** Macro-F1 {@code mean_c 2 tp_c / (2 tp_c + fp_c + fn_c)}: rewards recall of rare classes only while their
     *  precision holds up. */
    MACRO_F1,
    /** Balanced accuracy {@code mean_c tp_c / (tp_c + fn_c)} (mean recall): ignores precision, so it pushes rare
     *  classes harder. */
    BALANCED_ACCURACY
}
