package org.auscult.segmentation.murmur;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A murmur described as a clinician describes it, for a recording already judged to hold one: in which phase it
 * sits, and each learnt attribute with its probability; with the median murmur envelope as the evidence to draw.
 * An attribute whose cross-validated accuracy did not measure reliable is still here, marked not shown: a display
 * shows only {@link #shown()}.
 *
 * @param envelope   the median murmur envelope in the shown band (its systole and diastole bins, dB relative to the
 *                   heart sounds), to draw; without complete cycles it has none and nothing is described
 * @param phase      the louder phase of the envelope ({@link #phaseOf})
 * @param phaseShown whether the phase measured reliable against the annotations
 * @param attributes every attribute the model describes, in {@link MurmurAttribute} order; empty without cycles
 */
public record MurmurDescription(MurmurEnvelope envelope, Phase phase, boolean phaseShown,
                                List<Described> attributes) {

    public MurmurDescription {
        attributes = List.copyOf(attributes);
    }

    /** Where in the cycle the murmur sits. */
    public enum Phase {
        SYSTOLIC("Systolic"), DIASTOLIC("Diastolic");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The name CirCor's fields use ("Systolic murmur ..."). */
        public String label() {
            return label;
        }
    }

    /**
     * One described attribute.
     *
     * @param value         the most probable class
     * @param probability   its probability
     * @param probabilities every class the model knows with its probability
     * @param shown         whether the attribute measured reliable (see {@link MurmurModel#reliable})
     */
    public record Described(MurmurAttribute attribute, String value, double probability,
                            Map<String, Double> probabilities, boolean shown) {

        public Described {
            probabilities = Map.copyOf(probabilities);
        }
    }

    /** The attributes to show. */
    public List<Described> shown() {
        return attributes.stream().filter(Described::shown).toList();
    }

    /**
     * The attributes to show, for people, each with the probability the model gives its value: "Holosystolic (71 %),
     * grade II/VI (64 %)". The timing names itself; the others are named by their key. "" when none is shown or the
     * recording had no complete cycle.
     */
    public String forPeople() {
        return shown().stream().map(d -> String.format(java.util.Locale.ROOT, "%s (%.0f %%)",
                        d.attribute() == MurmurAttribute.TIMING ? d.value() : d.attribute().key() + " " + d.value(),
                        100 * d.probability()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The systolic timing, whether shown or not; empty without cycles. */
    public Optional<Described> timing() {
        return attribute(MurmurAttribute.TIMING);
    }

    /** The description of {@code attribute}; empty without cycles. */
    public Optional<Described> attribute(MurmurAttribute attribute) {
        return attributes.stream().filter(d -> d.attribute() == attribute).findFirst();
    }

    /**
     * The louder phase of an envelope: systolic when the mean of the systolic bins 1..N−2 is at least that of the
     * diastolic bins 1..N−2 (both away from the heart sounds' tails), else diastolic; systolic without cycles.
     */
    public static Phase phaseOf(MurmurEnvelope envelope) {
        if (envelope.cycleCount() == 0) {
            return Phase.SYSTOLIC;
        }
        return MurmurFeatures.midSystole(envelope.systole()) >= MurmurFeatures.midSystole(envelope.diastole())
                ? Phase.SYSTOLIC : Phase.DIASTOLIC;
    }
}
