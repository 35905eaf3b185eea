package org.auscult.learn;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * Boosting: a sequence of weak learners, each fitted to the examples its predecessors got wrong.
 *
 * <ul>
 *   <li>{@link Kind#ADABOOST}: AdaBoost.M1 (Freund and Schapire 1996; {@code weka.classifiers.meta.AdaBoostM1}).
 *       Round {@code t} fits a learner to weights {@code w_i}, measures its weighted error {@code e_t}, gives it
 *       the vote {@code alpha_t = log((1 - e_t) / e_t)} and multiplies the weights of correctly classified
 *       examples by {@code e_t / (1 - e_t)}. Stops early when {@code e_t} reaches 0 or 0.5.</li>
 *   <li>{@link Kind#LOGITBOOST}: additive logistic regression (Friedman, Hastie and Tibshirani 2000; {@code
 *       weka.classifiers.meta.LogitBoost}). Each round fits one regression learner per class to the working
 *       response of a multinomial logistic model {@code p_j(x) = exp(F_j(x)) / sum_k exp(F_k(x))} and adds it,
 *       scaled by {@code shrinkage}, to {@code F_j}. Needs a regression-capable weak learner.</li>
 * </ul>
 *
 * @param kind        which algorithm
 * @param iterations  number of boosting rounds, at least 1
 * @param weakLearner the learner boosted
 * @param shrinkage   LogitBoost's learning rate in (0, 1]; AdaBoost.M1 has none (must be 1)
 */
public record BoostingOptions(Kind kind, int iterations, WeakLearner weakLearner, double shrinkage)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind { ADABOOST, LOGITBOOST }

    /** A learner boosted: a one-level tree, a reduced-error pruned tree, a C4.5 tree or a whole random forest. */
    public enum WeakLearner { DECISION_STUMP, REP_TREE, J48, RANDOM_FOREST }

    /** LogitBoost over regression stumps, 10 rounds (Weka's defaults). */
    public static final BoostingOptions LOGITBOOST_DEFAULTS =
            new BoostingOptions(Kind.LOGITBOOST, 10, WeakLearner.DECISION_STUMP, 1.0);

    /** AdaBoost.M1 over C4.5 trees, 10 rounds. */
    public static final BoostingOptions ADABOOST_DEFAULTS =
            new BoostingOptions(Kind.ADABOOST, 10, WeakLearner.J48, 1.0);

    private static final List<String> KEYS = List.of("kind", "iterations", "weakLearner", "shrinkage");

    public BoostingOptions {
        Objects.requireNonNull(kind, "boosting kind");
        Objects.requireNonNull(weakLearner, "boosting weak learner");
        ParameterException.require(iterations >= 1, "boosting iterations must be at least 1, got " + iterations);
        ParameterException.require(shrinkage > 0 && shrinkage <= 1,
                "boosting shrinkage must be in (0, 1], got " + shrinkage);
        if (kind == Kind.LOGITBOOST) {
            ParameterException.require(weakLearner == WeakLearner.DECISION_STUMP || weakLearner == WeakLearner.REP_TREE,
                    "LogitBoost needs a regression learner (decision-stump or rep-tree), got "
                            + OptionMap.enumText(weakLearner));
        } else {
            ParameterException.require(shrinkage == 1.0, "AdaBoost.M1 has no shrinkage; it must be 1, got " + shrinkage);
        }
    }

    /** The defaults of {@code kind}. */
    public static BoostingOptions defaults(Kind kind) {
        return kind == Kind.LOGITBOOST ? LOGITBOOST_DEFAULTS : ADABOOST_DEFAULTS;
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kind", OptionMap.enumText(kind));
        properties.put("iterations", Integer.toString(iterations));
        properties.put("weakLearner", OptionMap.enumText(weakLearner));
        properties.put("shrinkage", Double.toString(shrinkage));
        return properties;
    }

    /** Reads {@link #toProperties()}; missing keys take the defaults of the kind (LogitBoost when none is given). */
    public static BoostingOptions of(Map<String, String> properties) {
        return of(properties, LOGITBOOST_DEFAULTS);
    }

    static BoostingOptions of(Map<String, String> properties, BoostingOptions fallback) {
        OptionMap options = new OptionMap("boosting", properties, KEYS);
        Kind kind = options.choice("kind", Kind.class, fallback.kind);
        BoostingOptions defaults = kind == fallback.kind ? fallback : defaults(kind);
        return new BoostingOptions(kind, options.integer("iterations", defaults.iterations),
                options.choice("weakLearner", WeakLearner.class, defaults.weakLearner),
                options.decimal("shrinkage", defaults.shrinkage));
    }
}
