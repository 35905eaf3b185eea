package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptionsTest {

    static Stream<Arguments> roundTrips() {
        ModelSpec custom = new ModelSpec(Preset.VOTING, new RandomForestOptions(33, 4, 7, -9),
                new SmoOptions(2.5, new SmoKernel.Polynomial(2), false),
                new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, 17, BoostingOptions.WeakLearner.REP_TREE, 0.3),
                new BoostingOptions(BoostingOptions.Kind.ADABOOST, 4, BoostingOptions.WeakLearner.RANDOM_FOREST, 1),
                new StackedOptions(4, List.of(StackedOptions.BaseModel.SMO, StackedOptions.BaseModel.RANDOM_FOREST),
                        0.5),
                Balancing.COST_SENSITIVE, 0.5, 123456789012L);
        return Stream.of(
                round(RandomForestOptions.DEFAULTS, RandomForestOptions::toProperties, RandomForestOptions::of),
                round(new RandomForestOptions(5, 3, 9, -4), RandomForestOptions::toProperties, RandomForestOptions::of),
                round(SmoOptions.DEFAULTS, SmoOptions::toProperties, SmoOptions::of),
                round(new SmoOptions(0.125, new SmoKernel.Rbf(0.3), false), SmoOptions::toProperties, SmoOptions::of),
                round(new SmoOptions(10, new SmoKernel.Polynomial(1.5), true), SmoOptions::toProperties,
                        SmoOptions::of),
                round(BoostingOptions.LOGITBOOST_DEFAULTS, BoostingOptions::toProperties, BoostingOptions::of),
                round(BoostingOptions.ADABOOST_DEFAULTS, BoostingOptions::toProperties, BoostingOptions::of),
                round(StackedOptions.DEFAULTS, StackedOptions::toProperties, StackedOptions::of),
                round(ModelSpec.DEFAULTS, ModelSpec::toProperties, ModelSpec::of),
                round(custom, ModelSpec::toProperties, ModelSpec::of),
                round(custom.withCalibratedThresholds(ThresholdObjective.BALANCED_ACCURACY), ModelSpec::toProperties,
                        ModelSpec::of),
                round(EvaluationOptions.DEFAULTS, EvaluationOptions::toProperties, EvaluationOptions::of),
                round(new EvaluationOptions(Protocol.LEAVE_SOURCE_OUT, 3, 2, -1, 7), EvaluationOptions::toProperties,
                        EvaluationOptions::of));
    }

    private static <T> Arguments round(T options, Function<T, Map<String, String>> write,
                                       Function<Map<String, String>, T> read) {
        return Arguments.of(options, (Function<Object, Object>) o -> {
            @SuppressWarnings("unchecked") T typed = (T) o;
            return read.apply(write.apply(typed));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void propertiesRoundTrip(Object options, Function<Object, Object> roundTrip) {
        assertEquals(options, roundTrip.apply(options));
    }

    @Test
    void calibratedThresholdsReadFromProperties() {
        ModelSpec spec = ModelSpec.of(Map.of("balancing", "calibrated-thresholds", "thresholdObjective",
                "BALANCED_ACCURACY"));
        assertEquals(Balancing.CALIBRATED_THRESHOLDS, spec.balancing());
        assertEquals(ThresholdObjective.BALANCED_ACCURACY, spec.thresholdObjective());
        assertEquals("calibrated-thresholds", spec.toProperties().get("balancing"));
        assertEquals("balanced-accuracy", spec.toProperties().get("thresholdObjective"));
        assertEquals(ThresholdObjective.MACRO_F1, ModelSpec.of(Map.of("balancing", "calibrated-thresholds"))
                .thresholdObjective());
    }

    @Test
    void theConstructorWithoutAnObjectiveMeansMacroF1() {
        ModelSpec spec = new ModelSpec(Preset.SMO, RandomForestOptions.DEFAULTS, SmoOptions.DEFAULTS,
                BoostingOptions.LOGITBOOST_DEFAULTS, BoostingOptions.ADABOOST_DEFAULTS, StackedOptions.DEFAULTS,
                Balancing.CALIBRATED_THRESHOLDS, 1, 5);
        assertEquals(ThresholdObjective.MACRO_F1, spec.thresholdObjective());
        assertEquals(spec, new ModelSpec(Preset.SMO, RandomForestOptions.DEFAULTS, SmoOptions.DEFAULTS,
                BoostingOptions.LOGITBOOST_DEFAULTS, BoostingOptions.ADABOOST_DEFAULTS, StackedOptions.DEFAULTS,
                Balancing.CALIBRATED_THRESHOLDS, 1, null, 5));
    }

    @Test
    void missingKeysTakeDefaults() {
        assertEquals(ModelSpec.DEFAULTS, ModelSpec.of(Map.of()));
        assertEquals(RandomForestOptions.DEFAULTS.withTrees(7), RandomForestOptions.of(Map.of("trees", "7")));
        assertEquals(BoostingOptions.ADABOOST_DEFAULTS, BoostingOptions.of(Map.of("kind", "adaboost")));
        assertEquals(new SmoOptions(1, new SmoKernel.Polynomial(1), true), SmoOptions.of(Map.of("kernel", "poly")));
        ModelSpec spec = ModelSpec.of(Map.of("preset", "random-forest", "forest.trees", "12", "balancing",
                "RESAMPLE"));
        assertEquals(Preset.RANDOM_FOREST, spec.preset());
        assertEquals(12, spec.forest().trees());
        assertEquals(Balancing.RESAMPLE, spec.balancing());
        assertEquals(BoostingOptions.ADABOOST_DEFAULTS, spec.adaBoost());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Runnable) () -> new RandomForestOptions(0, 0, 0, 1), "trees must be at least 1"),
                Arguments.of((Runnable) () -> new RandomForestOptions(1, -1, 0, 1), "featuresPerSplit"),
                Arguments.of((Runnable) () -> new RandomForestOptions(1, 0, -2, 1), "maxDepth"),
                Arguments.of((Runnable) () -> new SmoOptions(0, new SmoKernel.Rbf(1), true), "complexity c"),
                Arguments.of((Runnable) () -> new SmoKernel.Rbf(-1), "gamma"),
                Arguments.of((Runnable) () -> new SmoKernel.Polynomial(Double.NaN), "exponent"),
                Arguments.of((Runnable) () -> new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, 10,
                        BoostingOptions.WeakLearner.J48, 1), "regression learner"),
                Arguments.of((Runnable) () -> new BoostingOptions(BoostingOptions.Kind.ADABOOST, 10,
                        BoostingOptions.WeakLearner.J48, 0.5), "no shrinkage"),
                Arguments.of((Runnable) () -> new BoostingOptions(BoostingOptions.Kind.ADABOOST, 0,
                        BoostingOptions.WeakLearner.J48, 1), "iterations"),
                Arguments.of((Runnable) () -> new StackedOptions(1, StackedOptions.DEFAULTS.baseModels(), 0), "folds"),
                Arguments.of((Runnable) () -> new StackedOptions(3, List.of(), 0), "at least one base model"),
                Arguments.of((Runnable) () -> new StackedOptions(3, List.of(StackedOptions.BaseModel.SMO,
                        StackedOptions.BaseModel.SMO), 0), "distinct"),
                Arguments.of((Runnable) () -> ModelSpec.DEFAULTS.withBoosting(BoostingOptions.ADABOOST_DEFAULTS,
                        BoostingOptions.ADABOOST_DEFAULTS), "kind logitboost"),
                Arguments.of((Runnable) () -> new EvaluationOptions(Protocol.GROUPED_CV, 1, 1, 1, 1), "folds"),
                Arguments.of((Runnable) () -> new EvaluationOptions(Protocol.GROUPED_CV, 2, 0, 1, 1), "repeats"),
                Arguments.of((Runnable) () -> new EvaluationOptions(Protocol.GROUPED_CV, 2, 1, 1, 0), "threads"),
                Arguments.of((Runnable) () -> RandomForestOptions.of(Map.of("tres", "5")), "unknown option 'tres'"),
                Arguments.of((Runnable) () -> RandomForestOptions.of(Map.of("trees", "many")), "'many' is not a whole"),
                Arguments.of((Runnable) () -> SmoOptions.of(Map.of("calibrate", "yes")), "true or false"),
                Arguments.of((Runnable) () -> SmoOptions.of(Map.of("kernel", "rbf", "exponent", "2")),
                        "applies to the polynomial kernel"),
                Arguments.of((Runnable) () -> SmoOptions.of(Map.of("kernel", "sigmoid")), "not rbf or polynomial"),
                Arguments.of((Runnable) () -> ModelSpec.of(Map.of("preset", "deep-net")), "not one of stacked"),
                Arguments.of((Runnable) () -> ModelSpec.of(Map.of("forrest.trees", "5")), "unknown option"),
                Arguments.of((Runnable) () -> ModelSpec.of(Map.of("forest.trees", "0")), "trees must be at least 1"),
                Arguments.of((Runnable) () -> EvaluationOptions.of(Map.of("protocol", "holdout")), "not one of"),
                Arguments.of((Runnable) () -> ModelSpec.of(Map.of("thresholdObjective", "accuracy")),
                        "model thresholdObjective: 'accuracy' is not one of macro-f1, balanced-accuracy"),
                Arguments.of((Runnable) () -> ModelSpec.DEFAULTS.withCostSensitive(1.5), "priorCorrection"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void invalidOptionsAreRefusedWithTheirName(Runnable construct, String expected) {
        ParameterException error = assertThrows(ParameterException.class, construct::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void enumValuesAreWrittenInCommandLineStyle() {
        Map<String, String> properties = new HashMap<>(ModelSpec.DEFAULTS.withPreset(Preset.RANDOM_FOREST)
                .withBalancing(Balancing.CLASS_WEIGHTS).toProperties());
        assertEquals("random-forest", properties.get("preset"));
        assertEquals("class-weights", properties.get("balancing"));
        assertEquals("macro-f1", properties.get("thresholdObjective"));
        assertEquals("grouped-cv", EvaluationOptions.DEFAULTS.toProperties().get("protocol"));
        assertEquals("random-forest,smo,logitboost,adaboost", properties.get("stacked.baseModels"));
    }
}
