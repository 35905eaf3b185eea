package org.auscult.app.cycle;

import java.util.Random;
import org.auscult.audio.AudioClip;

/**
 * Synthetic phonocardiograms made as the segmentation tests make them: Hann-windowed tone bursts for S1 (50 ms) and
 * S2 (40 ms) on white noise at 1 % of the burst amplitude, fixed seed; optionally an extra sound in one diastole.
 */
final class SyntheticHeart {

    static final int RATE = 4000;
    static final double SYSTOLE = 0.3;
    static final double S1_HZ = 60;
    static final double S2_HZ = 120;

    private SyntheticHeart() {
    }

    /** S1 bursts centred on {@code beats}, S2 bursts {@link #SYSTOLE} s after each. */
    static AudioClip of(double seconds, double[] beats) {
        return new AudioClip(samples(seconds, beats), RATE);
    }

    /** As {@link #of}, plus an extra sound (60 ms at 50 Hz, amplitude {@code amplitude}) centred on {@code at} s. */
    static AudioClip withExtraSound(double seconds, double[] beats, double at, double amplitude) {
        float[] samples = samples(seconds, beats);
        burst(samples, at, 0.06, 50, amplitude);
        return new AudioClip(samples, RATE);
    }

    private static float[] samples(double seconds, double[] beats) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        Random random = new Random(42);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.005 * random.nextGaussian());
        }
        for (double beat : beats) {
            burst(samples, beat, 0.05, S1_HZ, 0.5);
            burst(samples, beat + SYSTOLE, 0.04, S2_HZ, 0.4);
        }
        return samples;
    }

    /** Beats every {@code 60 / bpm} seconds from {@code first} to the end of the recording. */
    static double[] regularBeats(double bpm, double first, double seconds) {
        int count = (int) Math.floor((seconds - first) * bpm / 60) + 1;
        double[] beats = new double[count];
        for (int i = 0; i < count; i++) {
            beats[i] = first + i * 60 / bpm;
        }
        return beats;
    }

    /** A burst centred on {@code centre} seconds. */
    private static void burst(float[] samples, double centre, double duration, double hz, double amplitude) {
        int from = (int) Math.round((centre - duration / 2) * RATE);
        int length = (int) Math.round(duration * RATE);
        for (int i = 0; i < length; i++) {
            int index = from + i;
            if (index >= 0 && index < samples.length) {
                double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / length);
                samples[index] += (float) (amplitude * window * Math.sin(2 * Math.PI * hz * i / RATE));
            }
        }
    }
}
