package org.auscult.segmentation;

/**
 * A signal-quality index for a segmented recording, from 0 (no recognisable heart cycle) to 1.
 *
 * <p>{@code Q = P · F}, where {@code P} is the periodicity of the envelope ({@link HeartRateEstimate#periodicity()}:
 * the overlap-corrected autocorrelation at the heart-cycle lag) and {@code F} the contrast fit of the segmentation:
 * the fraction of envelope values whose sound score agrees with the decoded state, above the emission threshold in
 * S1 and S2 and below it in systole and diastole. A clean recording repeats itself beat after beat and its sounds
 * stand out where the model put them (Q about 0.5-0.9); noise, speech or rubbing do neither.
 */
public final class SignalQuality {

    /**
     * Below this index a verdict on the recording should be "unsure": see docs/decisions/segmentation.md for the
     * distribution of Q per class on the PASCAL recordings.
     */
    public static final double UNSURE_BELOW = 0.2;

    private SignalQuality() {
    }

    /** True when a recording of quality {@code index} is too poor for a confident verdict. */
    public static boolean isUnsure(double index) {
        return !(index >= UNSURE_BELOW);
    }

    /** {@code Q = P · F}. */
    static double index(double periodicity, double fit) {
        return periodicity * fit;
    }

    /** {@code F}: the fraction of envelope values whose sound score is on the side of the threshold its state expects. */
    static double fit(double[] soundScore, int[] states) {
        int n = Math.min(soundScore.length, states.length);
        if (n == 0) {
            return 0;
        }
        int agree = 0;
        for (int t = 0; t < n; t++) {
            boolean sound = states[t] == CycleHsmm.S1 || states[t] == CycleHsmm.S2;
            if (sound == soundScore[t] > CycleHsmm.EMISSION_THRESHOLD) {
                agree++;
            }
        }
        return agree / (double) n;
    }
}
