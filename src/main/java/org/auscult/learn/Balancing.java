package org.auscult.learn;

/**
 * How a model compensates for unequal class sizes. With {@code N} training rows, {@code K} classes and {@code
 * n_c} rows of class {@code c}, every method aims at the balanced weight {@code w_c = N / (K n_c)} per row of class
 * {@code c} (each class then carries the same total weight {@code N / K}). All of them learn the class sizes from
 * the rows the model is trained on, so in cross-validation only the training folds are touched.
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
    COST_SENSITIVE
}
