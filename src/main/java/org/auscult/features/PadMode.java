package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a centred frame reads samples before the start or after the end of the recording (numpy's {@code np.pad}
 * modes, which librosa uses for {@code center=True}). For a recording {@code x[0..L-1]} and an index i outside it:
 * <ul>
 *   <li>{@link #CONSTANT}: 0 (librosa's STFT default since 0.10, {@code pad_mode='constant'})</li>
 *   <li>{@link #EDGE}: the nearest sample, {@code x[0]} or {@code x[L-1]}</li>
 *   <li>{@link #REFLECT}: mirrored without repeating the edge sample: {@code x[-i]}, {@code x[2(L-1) - i]}, repeated
 *       as often as needed</li>
 * </ul>
 * An empty recording reads as zeros in every mode. The zero-crossing rate always uses {@link #EDGE}, as librosa's
 * {@code zero_crossing_rate} does; this setting applies to the spectral (STFT-based) features.
 */
public enum PadMode {
    CONSTANT, EDGE, REFLECT;

    /** The sample at {@code index}, which may lie outside {@code [0, samples.length)}. */
    public double sampleAt(float[] samples, int index) {
        int length = samples.length;
        if (index >= 0 && index < length) {
            return samples[index];
        }
        if (length == 0 || this == CONSTANT) {
            return 0.0;
        }
        if (this == EDGE || length == 1) {
            return samples[index < 0 ? 0 : length - 1];
        }
        // REFLECT: mirrored about the end samples, which are not repeated
        int period = 2 * (length - 1);
        int folded = Math.floorMod(index, period);
        return samples[folded < length ? folded : period - folded];
    }

    /** Parses a mode name case-insensitively ("constant", "EDGE"). */
    public static PadMode parse(String name) {
        for (PadMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name.strip())) {
                return mode;
            }
        }
        throw new ParameterException("padMode must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT)
                + ", got '" + name + "'");
    }
}
