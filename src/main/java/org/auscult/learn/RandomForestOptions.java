package org.auscult.learn;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.auscult.dsp.ParameterException;

/**
 * A random forest (Breiman 2001; {@code weka.classifiers.trees.RandomForest}): {@code trees} unpruned random trees,
 * each grown on a bootstrap sample, choosing the best split among {@code featuresPerSplit} randomly drawn features
 * at every node; the posterior is the average of the trees' class distributions.
 *
 * @param trees            number of trees, at least 1
 * @param featuresPerSplit features drawn at each split; 0 means Weka's default {@code floor(log2(M)) + 1} for M
 *                         features
 * @param maxDepth         deepest level a tree may grow to; 0 means unlimited
 * @param seed             seed of the bootstrap samples and feature draws (combined with the model's seed, see
 *                         {@link ModelSpec#seed()})
 */
public record RandomForestOptions(int trees, int featuresPerSplit, int maxDepth, long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RandomForestOptions DEFAULTS = new RandomForestOptions(100, 0, 0, 1);

    private static final List<String> KEYS = List.of("trees", "featuresPerSplit", "maxDepth", "seed");

    public RandomForestOptions {
        ParameterException.require(trees >= 1, "random forest trees must be at least 1, got " + trees);
        ParameterException.require(featuresPerSplit >= 0,
                "random forest featuresPerSplit must be 0 (automatic) or more, got " + featuresPerSplit);
        ParameterException.require(maxDepth >= 0,
                "random forest maxDepth must be 0 (unlimited) or more, got " + maxDepth);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("trees", Integer.toString(trees));
        properties.put("featuresPerSplit", Integer.toString(featuresPerSplit));
        properties.put("maxDepth", Integer.toString(maxDepth));
        properties.put("seed", Long.toString(seed));
        return properties;
    }

    /** Reads {@link #toProperties()}; missing keys take {@link #DEFAULTS}. */
    public static RandomForestOptions of(Map<String, String> properties) {
        OptionMap options = new OptionMap("random forest", properties, KEYS);
        return new RandomForestOptions(options.integer("trees", DEFAULTS.trees),
                options.integer("featuresPerSplit", DEFAULTS.featuresPerSplit),
                options.integer("maxDepth", DEFAULTS.maxDepth), options.longInteger("seed", DEFAULTS.seed));
    }

    public RandomForestOptions withTrees(int newTrees) {
        return new RandomForestOptions(newTrees, featuresPerSplit, maxDepth, seed);
    }
}
