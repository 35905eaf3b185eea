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
 * <p><b>Faster than 150 bpm</b>, when the envelope is a probability of a heart sound (the trained emission's, whose
 * peaks are the sounds; a homomorphic envelope also peaks on murmurs and noise, and on PASCAL the count moved the
 * verdict's features without a measured gain, so it is not applied there). An infant's heart at 160 bpm repeats every 0.375 s, below the search range, so the
 * highest lag is two of its cycles and the rate would be read as half. The lag below the range is not searched
 * outright, because there the S1-to-S2 lag of a slower heart wins as often. Instead, when the half of the chosen lag
 * lies between {@value #FASTEST_CYCLE_SECONDS} s (about 220 bpm) and the range, and its autocorrelation reaches
 * {@value #HALF_LAG_FRACTION} of the chosen one's, the heart sounds are counted: the local maxima of the envelope
 * above {@code mean + }{@value #SOUND_THRESHOLD_SD}{@code  sd}, at least {@value #SOUND_GAP_SECONDS} s apart, per
 * second of recording, {@code s}. Each reading expects two sounds a cycle, {@code 2 / L}; the reading nearer in
 * ratio, {@code |ln(s L / 2)|}, wins. The check follows the halving above, so a lag of four cycles halved to two is
 * halved again. Under cross-validation on the CirCor training part (trained emission) it brought 14 more of the 64
 * recordings above 150 bpm within 10 bpm of their rate (42 instead of 28) and made one other recording worse
 * (docs/decisions/segmentation.md).
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
    /** The shortest cycle a half lag below the search range may be, seconds: about 220 bpm. */
    public static final double FASTEST_CYCLE_SECONDS = 0.27;
    /** A heart sound is a local maximum of the envelope this many standard deviations above its mean. */
    static final double SOUND_THRESHOLD_SD = 0.25;
    /** Two heart sounds are at least this far apart, seconds. */
    static final double SOUND_GAP_SECONDS = 0.08;

    /** The estimate from a standardised envelope {@code envelope} sampled at {@code rate} Hz. */
    public static HeartRateEstimate of(double[] envelope, int rate) {
        return of(envelope, rate, false);
    }

    /**
     * The estimate from {@code envelope} sampled at {@code rate} Hz; with {@code soundProbability} (the envelope is
     * a probability of a heart sound, whose peaks are the sounds) a heart faster than 150 bpm may be read at its rate
     * by counting its sounds.
     */
    public static HeartRateEstimate of(double[] envelope, int rate, boolean soundProbability) {
        return of(envelope, rate, soundProbability, SoundDurations.SPRINGER);
    }

    /**
     * The estimate as {@link #of(double[], int, boolean)}, the S1-to-S2 interval looked for from
     * {@code durations}' shortest ({@link SoundDurations#shortestSystolicInterval}).
     */
    static HeartRateEstimate of(double[] envelope, int rate, boolean soundProbability, SoundDurations durations) {
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
        if (soundProbability) {
            cycleLag = fasterByTheSoundCount(envelope, rate, r, cycleLag, minLag);
        }
        int minSystole = (int) Math.round(durations.shortestSystolicInterval(cycleLag / (double) rate) * rate);
        int maxSystole = cycleLag / 2;
        int systoleLag = maxSystole > minSystole ? argMax(r, minSystole, maxSystole) : Math.max(1, cycleLag / 3);
        double periodicity = Math.max(0, Math.min(1, r[cycleLag] * n / (double) (n - cycleLag)));
        double cycle = cycleLag / (double) rate;
        double systole = systoleLag / (double) rate;
        return new HeartRateEstimate(60 / cycle, cycle, systole, periodicity);
    }

    /**
     * The half of {@code cycleLag} when it lies below the search range ({@code minLag}) but not below
     * {@value #FASTEST_CYCLE_SECONDS} s, repeats nearly as strongly, and the sounds counted per second are nearer
     * two per half cycle than two per cycle; else {@code cycleLag}.
     */
    private static int fasterByTheSoundCount(double[] envelope, int rate, double[] r, int cycleLag, int minLag) {
        int half = cycleLag / 2;
        int fastest = (int) Math.round(FASTEST_CYCLE_SECONDS * rate);
        if (half < fastest || half >= minLag) {
            return cycleLag;
        }
        int halfLag = argMax(r, Math.max(fastest, (int) Math.floor(half * 0.9)),
                Math.min(minLag - 1, (int) Math.ceil(half * 1.1)));
        if (halfLag >= minLag || r[halfLag] < HALF_LAG_FRACTION * r[cycleLag]) {
            return cycleLag;
        }
        double soundsPerSecond = soundPeaks(envelope, rate) / (envelope.length / (double) rate);
        double asFast = Math.abs(Math.log(soundsPerSecond * halfLag / (2.0 * rate)));
        double asRead = Math.abs(Math.log(soundsPerSecond * cycleLag / (2.0 * rate)));
        return asFast < asRead ? halfLag : cycleLag;
    }

    /**
     * The heart sounds of an envelope: its local maxima above {@code mean + }{@value #SOUND_THRESHOLD_SD}{@code  sd},
     * the first of any closer than {@value #SOUND_GAP_SECONDS} s kept.
     */
    static int soundPeaks(double[] envelope, int rate) {
        double mean = java.util.Arrays.stream(envelope).average().orElse(0);
        double variance = java.util.Arrays.stream(envelope).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double threshold = mean + SOUND_THRESHOLD_SD * Math.sqrt(variance);
        int gap = (int) Math.round(SOUND_GAP_SECONDS * rate);
        int count = 0;
        int last = -gap - 1;
        for (int t = 1; t + 1 < envelope.length; t++) {
            boolean peak = envelope[t] > threshold && envelope[t] >= envelope[t - 1] && envelope[t] > envelope[t + 1];
            if (peak && t - last > gap) {
                count++;
                last = t;
            }
        }
        return count;
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
