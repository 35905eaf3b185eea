package org.auscult.features;

/**
 * Which emission the heart-cycle segmentation behind the cycle feature groups uses (see
 * docs/decisions/segmentation.md):
 * <ul>
 *   <li>{@link #HAND_SET}: the logistic score of the envelopes tuned by hand on the 16 bundled CirCor recordings
 *       and the 21 PASCAL set_a recordings with marks. A configuration that does not name an emission means this
 *       one, so feature tables and models written before the choice existed are analysed as they were.</li>
 *   <li>{@link #TRAINED}: the multinomial logistic regression fitted on the CirCor training part's annotated
 *       segmentations ({@code TrainedEmission.shipped()}).</li>
 *   <li>{@link #NETWORK}: a network with one hidden layer fitted on the same segmentations, reading 0.8 s of the
 *       envelopes around each value ({@code NetworkEmission.shipped()}).</li>
 * </ul>
 */
public enum CycleEmission {
    HAND_SET,
    TRAINED,
    NETWORK;

    /** The property value: {@code hand-set}, {@code trained} or {@code network}. */
    public String key() {
        return PropertyEnum.key(this);
    }

    /** Reads {@link #key()} (case and '-'/'_' insensitive). */
    public static CycleEmission parse(String text) {
        return PropertyEnum.parse("cycleEmission", text, CycleEmission.class);
    }
}
