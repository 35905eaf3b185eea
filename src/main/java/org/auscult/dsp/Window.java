package org.auscult.dsp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Analysis windows for short-time spectra.
 *
 * <p>Every window here is <em>periodic</em> (also called DFT-even): the coefficients are the first {@code N} points
 * of a symmetric window of length {@code N + 1}. That is the form used for spectral analysis with overlapping
 * frames and the one librosa uses ({@code scipy.signal.get_window(name, N, fftbins=True)}). With {@code N} the
 * window length and {@code n = 0 .. N-1}:
 * <ul>
 *   <li>{@link #HANN}: {@code w[n] = 0.5 - 0.5 cos(2 pi n / N)}</li>
 *   <li>{@link #HAMMING}: {@code w[n] = 0.54 - 0.46 cos(2 pi n / N)}</li>
 *   <li>{@link #BLACKMAN}: {@code w[n] = 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)}</li>
 *   <li>{@link #RECTANGULAR}: {@code w[n] = 1}</li>
 * </ul>
 * Windows are not normalised: a Hann window of length N sums to N/2.
 */
public enum Window {

    /** Periodic Hann, librosa's default {@code window='hann'}. */
    HANN(0.5, 0.5, 0.0),
    /** Periodic Hamming. */
    HAMMING(0.54, 0.46, 0.0),
    /** Periodic Blackman (the classic 0.42 / 0.5 / 0.08 coefficients, as in scipy). */
    BLACKMAN(0.42, 0.5, 0.08),
    /** All ones: no tapering ("boxcar"). */
    RECTANGULAR(1.0, 0.0, 0.0);

    // Every window here is a generalised cosine window a0 - a1 cos(x) + a2 cos(2x) with x = 2 pi n / N.
    private final double a0;
    private final double a1;
    private final double a2;

    Window(double a0, double a1, double a2) {
        this.a0 = a0;
        this.a1 = a1;
        this.a2 = a2;
    }

    /**
     * The window's coefficients for a frame of {@code length} samples (a new array each call).
     *
     * @throws ParameterException when length is not positive
     */
    public double[] coefficients(int length) {
        ParameterException.require(length > 0, "window length must be >= 1, got " + length);
        double[] w = new double[length];
        for (int n = 0; n < length; n++) {
            double x = 2.0 * Math.PI * n / length;
            w[n] = a0 - a1 * Math.cos(x) + a2 * Math.cos(2.0 * x);
        }
        return w;
    }

    /** Parses a window name case-insensitively ("hann", "HANN", "Hamming"). */
    public static Window parse(String name) {
        ParameterException.require(name != null && !name.isBlank(), "window must be one of " + names() + ", got nothing");
        for (Window window : values()) {
            if (window.name().equalsIgnoreCase(name.strip())) {
                return window;
            }
        }
        throw new ParameterException("window must be one of " + names() + ", got '" + name + "'");
    }

    private static String names() {
        return Arrays.stream(values()).map(window -> window.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
