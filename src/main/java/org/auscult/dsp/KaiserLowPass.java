package org.auscult.dsp;

/**
 * A linear-phase low-pass FIR prototype: an ideal low-pass (sinc) truncated by a Kaiser window, designed with
 * Kaiser's empirical formulas from a pass-band edge, a stop-band edge and a stop-band attenuation.
 *
 * <p>With all frequencies normalised to the rate {@code U} the filter runs at, transition width
 * {@code Δω = 2π (f_stop − f_pass) / U} and attenuation {@code A} in dB:
 * <pre>
 *   β     = 0.1102 (A − 8.7)                              for A &gt; 50
 *         = 0.5842 (A − 21)^0.4 + 0.07886 (A − 21)        for 21 ≤ A ≤ 50
 *         = 0                                             for A &lt; 21
 *   N − 1 = ⌈(A − 7.95) / (2.285 Δω)⌉, rounded up to even so that N is odd
 *   f_c   = (f_pass + f_stop) / 2                         (the −6 dB point)
 *   h[k]  = g · (2 f_c / U) · sinc(2 f_c (k − c) / U) · I0(β √(1 − ((k − c)/c)²)) / I0(β),   k = 0 … N−1
 * </pre>
 * where {@code c = (N − 1)/2} is the centre tap, {@code sinc(x) = sin(πx)/(πx)}, {@code I0} the modified Bessel
 * function of the first kind of order zero, and {@code g} a gain (the up-sampling factor for an interpolator).
 * The window's pass-band ripple and stop-band leakage are both about {@code δ = 10^(−A/20)}; Kaiser's length
 * estimate can miss {@code A} by up to ~1.5 dB, so callers design with a margin (see {@link Resampler}).
 *
 * <p>The taps are symmetric about {@code c}, so filtering and then reading the output {@code c} samples later is
 * exactly zero-phase. Taps are evaluated one at a time ({@link #tap(long)}) so that a polyphase bank too large to
 * keep can be computed on demand.
 */
final class KaiserLowPass {

    private final double cutoffCyclesPerSample;
    private final long centre;
    private final double beta;
    private final double gain;
    private final double besselOfBeta;

    private KaiserLowPass(double cutoffCyclesPerSample, long centre, double beta, double gain) {
        this.cutoffCyclesPerSample = cutoffCyclesPerSample;
        this.centre = centre;
        this.beta = beta;
        this.gain = gain;
        this.besselOfBeta = besselI0(beta);
    }

    /**
     * Designs the prototype.
     *
     * @param passEdge      pass-band edge, in cycles per sample at the filter's own rate (0 &lt; passEdge &lt; stopEdge)
     * @param stopEdge      stop-band edge, in cycles per sample (stopEdge ≤ 0.5)
     * @param attenuationDb stop-band attenuation A in dB used in Kaiser's formulas
     * @param gain          overall gain g (1 for a decimator, the up-sampling factor for an interpolator)
     */
    static KaiserLowPass design(double passEdge, double stopEdge, double attenuationDb, double gain) {
        if (!(passEdge > 0 && passEdge < stopEdge && stopEdge <= 0.5)) {
            throw new IllegalArgumentException("need 0 < pass edge < stop edge <= 0.5 cycles/sample, got "
                    + passEdge + " and " + stopEdge);
        }
        double transition = 2 * Math.PI * (stopEdge - passEdge);
        long intervals = (long) Math.ceil((attenuationDb - 7.95) / (2.285 * transition));
        intervals = Math.max(2, intervals + (intervals & 1));   // N − 1 even: a centre tap exists
        return new KaiserLowPass((passEdge + stopEdge) / 2, intervals / 2, kaiserBeta(attenuationDb), gain);
    }

    /** Kaiser's β for a stop-band attenuation of {@code attenuationDb}. */
    static double kaiserBeta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /** Number of taps N (odd). */
    long length() {
        return 2 * centre + 1;
    }

    /** Index c of the centre tap, (N − 1) / 2: the filter's delay in samples. */
    long centre() {
        return centre;
    }

    /** Tap h[k]; zero outside 0 ≤ k &lt; N. */
    double tap(long k) {
        long offset = k - centre;
        if (offset < -centre || offset > centre) {
            return 0;
        }
        double x = 2 * cutoffCyclesPerSample * offset;
        double sinc = offset == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        double r = (double) offset / centre;
        double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselOfBeta;
        return gain * 2 * cutoffCyclesPerSample * sinc * window;
    }

    /**
     * Modified Bessel function of the first kind, order zero: {@code I0(x) = Σ_k ((x/2)^k / k!)²}, summed until
     * a term no longer changes the sum (converges for every finite x; ~30 terms for the β used here).
     */
    static double besselI0(double x) {
        double halfX = x / 2;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= halfX / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
