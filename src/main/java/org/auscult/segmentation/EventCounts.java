package org.auscult.segmentation;

/**
 * Detection counts of one kind of event (S1 or S2) and the measures derived from them.
 *
 * @param truePositives  reference events matched by a predicted one
 * @param falsePositives predicted events matching none
 * @param falseNegatives reference events left unmatched
 */
public record EventCounts(int truePositives, int falsePositives, int falseNegatives) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0);

    /** {@code tp / (tp + fp)}, 0 when nothing was predicted. */
    public double precision() {
        return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    /** {@code tp / (tp + fn)}, 0 when there was nothing to find. */
    public double recall() {
        return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    /** {@code 2 P R / (P + R)}. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public EventCounts plus(EventCounts other) {
        return new EventCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /**
     * Matches predicted event times to reference event times one to one within {@code tolerance} seconds: each
     * reference event in time order takes the nearest unused predicted event within the tolerance (the greedy rule of
     * {@code score_segmentation.py}, so both give the same counts).
     */
    public static EventCounts match(double[] reference, double[] predicted, double tolerance) {
        return ofPairs(signedOffsets(reference, predicted, tolerance).length, reference.length, predicted.length);
    }

    /** The counts of {@code pairs} matched pairs among {@code reference} and {@code predicted} events. */
    public static EventCounts ofPairs(int pairs, int reference, int predicted) {
        return new EventCounts(pairs, predicted - pairs, reference - pairs);
    }

    /**
     * The signed offsets, predicted minus reference in seconds, of the pairs {@link #match} makes, in reference time
     * order. Their median says whether a segmenter places its events early or late against an annotator's
     * convention (where in a sound the mark goes), which the counts alone cannot tell.
     */
    public static double[] signedOffsets(double[] reference, double[] predicted, double tolerance) {
        double[] ref = reference.clone();
        double[] pred = predicted.clone();
        java.util.Arrays.sort(ref);
        java.util.Arrays.sort(pred);
        boolean[] used = new boolean[pred.length];
        double[] offsets = new double[ref.length];
        int matched = 0;
        for (double r : ref) {
            int bestIndex = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < pred.length; i++) {
                double distance = Math.abs(pred[i] - r);
                if (!used[i] && distance <= tolerance && distance < bestDistance) {
                    bestDistance = distance;
                    bestIndex = i;
                }
            }
            if (bestIndex >= 0) {
                used[bestIndex] = true;
                offsets[matched++] = pred[bestIndex] - r;
            }
        }
        return java.util.Arrays.copyOf(offsets, matched);
    }
}
