package org.auscult.segmentation;

/**
 * Heart rate and systolic interval from the autocorrelation of the homomorphic envelope (Springer et al. 2016).
 *
 * <p>With {@code h} the standardised envelope of N values at rate r, the normalised autocorrelation is
 * {@code R(L) = Σ_t h[t] h[t+L] / Σ_t h[t]²}. The heart cycle is the lag of the highest {@code R(L)} between
 * {@value #MIN_CYCLE_SECONDS} s and {@value #MAX_CYCLE_SECONDS} s, i.e. 40 to 150 beats per minute: the range of
 * resting adults and most children (CirCor holds children up to 150 bpm and more; the highest-lag limit keeps a
 * missed-beat double period out). The systolic interval (S1 to S2) is the lag of the highest {@code R(L)} between
 * {@value #MIN_SYSTOLE_SECONDS} s and half the cycle.
 *
 * @param heartRateBpm              60 / cycle length
 * @param cycleSeconds              the heart-cycle length, seconds
 * @param systolicIntervalSeconds   S1-to-S2 interval, seconds
 * @param periodicity               the autocorrelation at the cycle lag, corrected for the overlap,
 *                                  {@code R(L) N / (N - L)}, clipped to 0 .. 1: how strongly the envelope repeats
 *                                  itself from beat to beat
 */
public record HeartRateEstimate(double heartRateBpm, double cycleSeconds, double systolicIntervalSeconds,
                                double periodicity) {

    public static final double MIN_CYCLE_SECONDS = 0.4;
    public static final double MAX_CYCLE_SECONDS = 1.5;
    public static final double MIN_SYSTOLE_SECONDS = 0.2;
    /** The half lag replaces the highest lag when its autocorrelation reaches this fraction of the highest. */
    public static final double HALF_LAG_FRACTION = 0.7;

    /** The estimate from a standardised envelope {@code envelope} sampled at {@code rate} Hz. */
    public static HeartRateEstimate of(double[] envelope, int rate) {
        int n = envelope.length;
        int minLag = (int) Math.round(MIN_CYCLE_SECONDS * rate);
        int maxLag = Math.min(n - 1, (int) Math.round(MAX_CYCLE_SECONDS * rate));
        double energy = 0;
        for (double v : envelope) {
            energy += v * v;
        }
        if (maxLag <= minLag || energy == 0) {
            // too short to see one cycle: assume a resting 75 bpm and Springer's mean systole
            return new HeartRateEstimate(75, 0.8, 0.3, 0);
        }
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double sum = 0;
            for (int t = 0; t + lag < n; t++) {
                sum += envelope[t] * envelope[t + lag];
            }
            r[lag] = sum / energy;
        }
        int cycleLag = argMax(r, minLag, maxLag);
        // a recording whose systole and diastole are about equal repeats itself every half cycle too, and the
        // second repeat can win: prefer the half lag when it is almost as strong
        int half = cycleLag / 2;
        if (half >= minLag) {
            int halfLag = argMax(r, Math.max(minLag, (int) Math.floor(half * 0.9)), (int) Math.ceil(half * 1.1));
            if (r[halfLag] >= HALF_LAG_FRACTION * r[cycleLag]) {
                cycleLag = halfLag;
            }
        }
        int minSystole = (int) Math.round(MIN_SYSTOLE_SECONDS * rate);
        int maxSystole = cycleLag / 2;
        int systoleLag = maxSystole > minSystole ? argMax(r, minSystole, maxSystole) : Math.max(1, cycleLag / 3);
        double periodicity = Math.max(0, Math.min(1, r[cycleLag] * n / (double) (n - cycleLag)));
        double cycle = cycleLag / (double) rate;
        double systole = systoleLag / (double) rate;
        return new HeartRateEstimate(60 / cycle, cycle, systole, periodicity);
    }

    /** This estimate with another systolic interval. */
    public HeartRateEstimate withSystolicInterval(double seconds) {
        return new HeartRateEstimate(heartRateBpm, cycleSeconds, seconds, periodicity);
    }

    private static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
