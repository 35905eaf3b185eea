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
    VOTING;

    /** The design as people call it, e.g. "Random forest". */
    public String forPeople() {
        return switch (this) {
            case STACKED -> "Stacked ensemble (reference design)";
            case RANDOM_FOREST -> "Random forest";
            case SMO -> "Support vector machine (SMO)";
            case LOGITBOOST -> "LogitBoost";
            case ADABOOST -> "AdaBoost";
            case VOTING -> "Voting ensemble (averaged base models)";
        };
    }
}
