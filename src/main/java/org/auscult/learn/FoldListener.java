package org.auscult.learn;

/**
 * Receives each finished fold of an {@link Evaluator} run. Calls come one at a time, on the thread that called
 * {@code evaluate}, in the order folds finish; a listener that throws aborts the evaluation.
 */
@FunctionalInterface
public interface FoldListener {

    /** A listener that ignores every fold. */
    FoldListener NONE = result -> { };

    void foldFinished(FoldResult result);
}
