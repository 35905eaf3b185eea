package org.auscult.learn;

/**
 * Published when a fold finishes, while the others may still run.
 *
 * @param repeat    the finished fold's repetition
 * @param fold      the finished fold's index
 * @param partial   the result over every fold finished so far (the running confusion matrix)
 * @param completed folds finished so far, this one included
 * @param total     folds in the whole evaluation
 */
public record FoldResult(int repeat, int fold, EvaluationResult partial, int completed, int total) {
}
