package org.auscult.app.verdict;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer for one recording.
 *
 * @param classNames    the model's classes
 * @param probabilities the probability of each class, indexed like classNames
 * @param model         the model used, described for people
 * @param warnings      plain sentences on why the answer may not be trusted; empty when none applies
 */
public record Verdict(List<String> classNames, double[] probabilities, String model, List<String> warnings) {

    public Verdict {
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(probabilities, "probabilities");
        if (probabilities.length != classNames.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classNames.size()
                    + " classes");
        }
        probabilities = probabilities.clone();
        Objects.requireNonNull(model, "model");
        warnings = List.copyOf(warnings);
    }

    /** Index of the most probable class (the first of equal maxima). */
    public int best() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    public String predictedClass() {
        return classNames.get(best());
    }

    public double confidence() {
        return probabilities[best()];
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
