package org.auscult.learn;

import java.util.Locale;
import java.util.Optional;

/**
 * How well the features identify a recording's source (collection part, device) instead of its class: a
 * patient-grouped cross-validation of a class-weighted random forest with the source as the class. A high balanced
 * accuracy means a model can tell the devices apart, and may then learn the device rather than the heart
 * (for instance when one device recorded most of the murmurs).
 *
 * @param balancedAccuracy mean per-source recall of the source classifier
 * @param evaluation       the full evaluation, with the source names as classes
 * @param warning          a warning text when {@code balancedAccuracy > }{@value #WARNING_THRESHOLD}
 */
public record SourceCheck(double balancedAccuracy, EvaluationResult evaluation, Optional<String> warning) {

    /** Balanced accuracy above which the features are said to identify the device. */
    public static final double WARNING_THRESHOLD = 0.9;

    /**
     * Runs the check on the labelled rows of {@code data} with the folds, repeats, seed and threads of {@code
     * options} (the protocol is always patient-grouped cross-validation).
     *
     * @throws org.auscult.dsp.ParameterException when the rows come from fewer than two sources
     */
    public static SourceCheck run(LabelledDataset data, EvaluationOptions options, FoldListener listener,
                                  Cancellation cancellation) {
        LabelledDataset bySource = data.withSourceAsClass();
        ModelSpec forest = ModelSpec.of(Preset.RANDOM_FOREST).withBalancing(Balancing.CLASS_WEIGHTS)
                .withSeed(options.seed());
        EvaluationResult evaluation = new Evaluator(options.withProtocol(Protocol.GROUPED_CV))
                .evaluate(bySource, forest, listener, cancellation);
        double balancedAccuracy = evaluation.balancedAccuracy();
        Optional<String> warning = balancedAccuracy > WARNING_THRESHOLD
                ? Optional.of(String.format(Locale.ROOT, "The features predict the source (%s) with balanced accuracy"
                        + " %.2f: the features identify the recording device; models may learn the device rather"
                        + " than the heart.", String.join(", ", bySource.classNames()), balancedAccuracy))
                : Optional.empty();
        return new SourceCheck(balancedAccuracy, evaluation, warning);
    }
}
