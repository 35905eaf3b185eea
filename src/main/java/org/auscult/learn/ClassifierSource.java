package org.auscult.learn;

import weka.classifiers.Classifier;

/** Makes a fresh, unbuilt classifier for one fold, seeded by the fold's own seed. */
@FunctionalInterface
public interface ClassifierSource {

    Classifier newClassifier(long seed) throws Exception;

    /** The classifier of {@code spec}, its master seed derived from the spec's seed and the fold's. */
    static ClassifierSource of(ModelSpec spec) {
        return seed -> ModelFactory.build(spec.withSeed(Seeds.derive(spec.seed(), seed)));
    }
}
