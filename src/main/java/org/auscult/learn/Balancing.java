package org.auscult.learn;

/**
 * How a model compensates for unequal class sizes. With {@code N} training rows, {@code K} classes and {@code
 * n_c} rows of class {@code c}, every method aims at the balanced weight {@code w_c = N / (K n_c)} per row of class
 * {@code c} (each class then carries the same total weight {@code N / K}); threshold calibration instead fits
 * per-class multipliers of the posterior to the model's own out-of-fold errors. All of them learn from the rows the
 * model is trained on only, so in cross-validation only the training folds are touched.
 */
public enum Balancing {
    /** Train on the rows as they are: the model learns the class priors of the training data. */
    NONE,
    /**
     * Instance weights {@code w_c = N / (K n_c)} ({@code weka.filters.supervised.instance.ClassBalancer} inside a
     * {@code FilteredClassifier}).
     */
    CLASS_WEIGHTS,
    /**
     * Resample {@code N} rows with replacement, biased to a uniform class distribution ({@code
     * weka.filters.supervised.instance.Resample -B 1}, inside a {@code FilteredClassifier}): rare rows are repeated,
     * frequent rows dropped.
     */
    RESAMPLE,
    /**
     * Cost-sensitive prediction: the cost of missing class {@code i} is {@code C[i][j] = w_i} ({@code j != i}), and
     * the class of minimum expected cost {@code argmin_j sum_{i != j} C[i][j] p_i} equals {@code argmax_j w_j p_j}.
     * The posterior is rescaled to {@code p'_j = w_j p_j / sum_k w_k p_k} ({@link CostSensitivePosterior}): a prior
     * correction of the trained model's posterior that keeps it a probability. {@link ModelSpec#priorCorrection()}
     * {@code a} in [0, 1] uses {@code w_j^a} instead, moving the decision part of the way to the balanced prior.
     */
    COST_SENSITIVE,
    /**
     * Threshold calibration: the decision {@code argmax_c t_c p_c} with per-class multipliers {@code t_c} fitted
     * (on a log grid from 1/8 to 16, {@code t = 1} for the largest class) to maximise {@link
     * ModelSpec#thresholdObjective()} (macro-F1 by default) of out-of-fold posteriors from an inner stratified
     * 5-fold cross-validation of the training rows; the posterior becomes {@code p'_c = t_c p_c / sum_k t_k p_k}
     * ({@link CalibratedThresholds}). Unlike the weights above, {@code t} follows the errors the model makes, not
     * only the class sizes. Training costs about six times the base model's.
     */
    CALIBRATED_THRESHOLDS,
    /**
     * Instance weights {@code w = N / (C n_{s,c})} per row of source {@code s} and class {@code c}, {@code C} the
     * number of non-empty (source, class) cells ({@link SourceClassBalancer}): every source, and every class within
     * it, carries the same total weight. With one source it is {@link #CLASS_WEIGHTS}. For collections from several
     * devices, so that no device's class mix is learnt as a class.
     */
    SOURCE_AND_CLASS;

    /** The balancing as people call it, e.g. "Class weights". */
    public String forPeople() {
        return switch (this) {
            case NONE -> "None (learn the class sizes as they are)";
            case CLASS_WEIGHTS -> "Class weights";
            case RESAMPLE -> "Balanced resampling";
            case COST_SENSITIVE -> "Cost-sensitive posterior";
            case CALIBRATED_THRESHOLDS -> "Calibrated thresholds";
            case SOURCE_AND_CLASS -> "Source and class weights (several devices)";
        };
    }
}
