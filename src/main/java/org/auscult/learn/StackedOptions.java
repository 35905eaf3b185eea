package org.auscult.learn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.auscult.dsp.ParameterException;

/**
 * Stacked generalisation (Wolpert 1992; {@code weka.classifiers.meta.Stacking}) and its simpler sibling, voting.
 *
 * <p>Stacking: each base model is cross-validated on the training set with {@code folds} internal folds; its
 * out-of-fold posteriors {@code p_m(c | x)} (one column per model and class) become the features of a meta
 * classifier, one-vs-rest logistic regression {@code P(c | z) = 1 / (1 + exp(-(b_c + w_c . z)))} normalised over
 * the classes, ridge {@code metaRidge}. The base models are then rebuilt on the whole training set. Voting (the
 * {@link Preset#VOTING} preset) averages the base models' posteriors instead.
 *
 * @param folds      internal cross-validation folds of the meta-level data, at least 2
 * @param baseModels the models combined, distinct, at least one; each uses its own options in the {@link ModelSpec}
 * @param metaRidge  ridge penalty of the logistic meta classifier, at least 0
 */
public record StackedOptions(int folds, List<BaseModel> baseModels, double metaRidge) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A model combined by stacking or voting. */
    public enum BaseModel { RANDOM_FOREST, SMO, LOGITBOOST, ADABOOST }

    public static final StackedOptions DEFAULTS = new StackedOptions(2,
            List.of(BaseModel.RANDOM_FOREST, BaseModel.SMO, BaseModel.LOGITBOOST, BaseModel.ADABOOST), 1e-8);

    private static final List<String> KEYS = List.of("folds", "baseModels", "metaRidge");

    public StackedOptions {
        ParameterException.require(folds >= 2, "stacking folds must be at least 2, got " + folds);
        Objects.requireNonNull(baseModels, "stacking base models");
        baseModels = List.copyOf(baseModels);
        ParameterException.require(!baseModels.isEmpty(), "stacking needs at least one base model");
        ParameterException.require(EnumSet.copyOf(baseModels).size() == baseModels.size(),
                "stacking base models must be distinct, got " + baseModels);
        ParameterException.require(metaRidge >= 0 && Double.isFinite(metaRidge),
                "stacking metaRidge must be 0 or more, got " + metaRidge);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("folds", Integer.toString(folds));
        properties.put("baseModels", baseModels.stream().map(OptionMap::enumText).collect(Collectors.joining(",")));
        properties.put("metaRidge", Double.toString(metaRidge));
        return properties;
    }

    /** Reads {@link #toProperties()} ({@code baseModels} comma-separated); missing keys take {@link #DEFAULTS}. */
    public static StackedOptions of(Map<String, String> properties) {
        OptionMap options = new OptionMap("stacking", properties, KEYS);
        String models = options.text("baseModels", null);
        List<BaseModel> baseModels = models == null ? DEFAULTS.baseModels
                : Arrays.stream(models.split(",")).filter(name -> !name.isBlank())
                        .map(name -> OptionMap.parseEnum("stacking baseModels", name, BaseModel.class)).toList();
        return new StackedOptions(options.integer("folds", DEFAULTS.folds), baseModels,
                options.decimal("metaRidge", DEFAULTS.metaRidge));
    }
}
