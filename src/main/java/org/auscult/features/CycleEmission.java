package org.auscult.features;

import java.util.Locale;
import org.auscult.dsp.ParameterException;

/**
 * Which emission the heart-cycle segmentation behind the cycle feature groups uses (see
 * docs/decisions/segmentation.md):
 * <ul>
 *   <li>{@link #HAND_SET}: the logistic score of the envelopes tuned by hand on the 16 bundled CirCor recordings
 *       and the 21 PASCAL set_a recordings with marks. A configuration that does not name an emission means this
 *       one, so feature tables and models written before the choice existed are analysed as they were.</li>
 *   <li>{@link #TRAINED}: the multinomial logistic regression fitted on the CirCor training part's annotated
 *       segmentations ({@code TrainedEmission.shipped()}), the default recipe's choice.</li>
 * </ul>
 */
public enum CycleEmission {
    HAND_SET,
    TRAINED;

    /** The property value: {@code hand-set} or {@code trained}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@link #key()} (case and '-'/'_' insensitive). */
    public static CycleEmission parse(String text) {
        if (text != null) {
            String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (CycleEmission value : values()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        throw new ParameterException("cycleEmission must be one of hand-set, trained, got '" + text + "'");
    }
}
