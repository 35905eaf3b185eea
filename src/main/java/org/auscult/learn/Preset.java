package org.auscult.learn;

/** The model families {@link ModelFactory} builds; see {@link ModelFactory#build(ModelSpec)} for each design. */
public enum Preset {
    /** The reference design: boosted and calibrated base models stacked under one-vs-rest logistic regression. */
    STACKED,
    /** A random forest alone. */
    RANDOM_FOREST,
    /** A support vector machine with calibrated probabilities, on standardised features. */
    SMO,
    /** LogitBoost alone. */
    LOGITBOOST,
    /** AdaBoost.M1 alone. */
    ADABOOST,
    /** The stacked design's base models, their posteriors averaged. */
    VOTING
}
