package org.auscult.segmentation;

import org.auscult.audio.AudioClip;

/**
 * Synthetic phonocardiograms made by the segmentation tests' {@link Lubdub}: Hann-windowed tone bursts for S1
 * (50 ms) and S2 (40 ms) on white noise at 1 % of the burst amplitude, fixed seed; optionally an extra sound in one
 * diastole.
 */
public final class SyntheticHeart {

    public static final int RATE = Lubdub.RATE;
    public static final double SYSTOLE = 0.3;
    public static final double S1_HZ = 60;
    public static final double S2_HZ = 120;

    private SyntheticHeart() {
    }

    /** S1 bursts centred on {@code beats}, S2 bursts {@link #SYSTOLE} s after each. */
    public static AudioClip of(double seconds, double[] beats) {
        return Lubdub.of(seconds, beats, SYSTOLE, S1_HZ, S2_HZ);
    }

    /** As {@link #of}, plus an extra sound (60 ms at 50 Hz, amplitude {@code amplitude}) centred on {@code at} s. */
    public static AudioClip withExtraSound(double seconds, double[] beats, double at, double amplitude) {
        return Lubdub.withBurst(of(seconds, beats), at, 0.06, 50, amplitude);
    }

    /** Beats every {@code 60 / bpm} seconds from {@code first} to the end of the recording. */
    public static double[] regularBeats(double bpm, double first, double seconds) {
        return Lubdub.regularBeats(bpm, first, seconds);
    }
}
