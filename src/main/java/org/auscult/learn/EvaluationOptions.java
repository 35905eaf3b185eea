package org.auscult.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * How a model is evaluated.
 *
 * @param protocol the protocol
 * @param folds    folds of {@link Protocol#GROUPED_CV}, at least 2 (the other protocols fix their own folds)
 * @param repeats  repetitions, at least 1: a new shuffle of the folds or split each time, and for every protocol
 *                 new classifier seeds
 * @param seed     seed of the shuffles and of every fold's classifier
 * @param threads  folds trained at once, at least 1
 */
public record EvaluationOptions(Protocol protocol, int folds, int repeats, long seed, int threads) {

    /** Patient-grouped 10-fold cross-validation, 3 repeats, seed 1, one thread per available core. */
    public static final EvaluationOptions DEFAULTS = new EvaluationOptions(Protocol.GROUPED_CV, 10, 3, 1,
            Runtime.getRuntime().availableProcessors());

    private static final List<String> KEYS = List.of("protocol", "folds", "repeats", "seed", "threads");

    public EvaluationOptions {
        Objects.requireNonNull(protocol, "protocol");
        ParameterException.require(folds >= 2, "evaluation folds must be at least 2, got " + folds);
        ParameterException.require(repeats >= 1, "evaluation repeats must be at least 1, got " + repeats);
        ParameterException.require(threads >= 1, "evaluation threads must be at least 1, got " + threads);
    }

    public EvaluationOptions withProtocol(Protocol newProtocol) {
        return new EvaluationOptions(newProtocol, folds, repeats, seed, threads);
    }

    public EvaluationOptions withRepeats(int newRepeats) {
        return new EvaluationOptions(protocol, folds, newRepeats, seed, threads);
    }

    public EvaluationOptions withSeed(long newSeed) {
        return new EvaluationOptions(protocol, folds, repeats, newSeed, threads);
    }

    /** A one-line description for reports, e.g. "grouped-cv, 10 folds x 3 repeats, seed 1". */
    public String describe() {
        String times = repeats + (repeats == 1 ? " repeat" : " repeats") + ", seed " + seed;
        return switch (protocol) {
            case GROUPED_CV -> "grouped-cv, " + folds + " folds x " + times;
            case SPLIT -> "split 80/10/10 (test scored), " + times;
            case LEAVE_SOURCE_OUT -> "leave-source-out, " + times;
        };
    }

    /**
     * A one-line description for people, e.g. "cross-validation grouped by patient, 10 folds × 3 repeats, seed 1"
     * ({@link #describe()} gives the option names a report or a command line uses).
     */
    public String forPeople() {
        String times = repeats + (repeats == 1 ? " repeat" : " repeats") + ", seed " + seed;
        String protocolName = protocol.forPeople().toLowerCase(java.util.Locale.ROOT);
        return switch (protocol) {
            case GROUPED_CV -> protocolName + ", " + folds + " folds × " + times;
            case SPLIT, LEAVE_SOURCE_OUT -> protocolName + ", " + times;
        };
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("protocol", OptionMap.enumText(protocol));
        properties.put("folds", Integer.toString(folds));
        properties.put("repeats", Integer.toString(repeats));
        properties.put("seed", Long.toString(seed));
        properties.put("threads", Integer.toString(threads));
        return properties;
    }

    /** Reads {@link #toProperties()}; missing keys take {@link #DEFAULTS}. */
    public static EvaluationOptions of(Map<String, String> properties) {
        OptionMap options = new OptionMap("evaluation", properties, KEYS);
        return new EvaluationOptions(options.choice("protocol", Protocol.class, DEFAULTS.protocol),
                options.integer("folds", DEFAULTS.folds), options.integer("repeats", DEFAULTS.repeats),
                options.longInteger("seed", DEFAULTS.seed), options.integer("threads", DEFAULTS.threads));
    }
}
