package org.auscult.segmentation;

import java.util.Random;

import org.auscult.audio.AudioClip;

/** Synthetic phonocardiograms: Hann-windowed tone bursts for S1 and S2 on a little white noise. */
public final class Lubdub {

    public static final int RATE = 4000;

    private Lubdub() {
    }

    /**
     * A recording of {@code seconds} with S1 bursts (50 ms at {@code s1Hz}) at {@code beats} and S2 bursts (40 ms at
     * {@code s2Hz}) {@code systole} seconds after each; noise at 1 % of the burst amplitude, fixed seed.
     */
    public static AudioClip of(double seconds, double[] beats, double systole, double s1Hz, double s2Hz) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        Random random = new Random(42);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.005 * random.nextGaussian());
        }
        for (double beat : beats) {
            burst(samples, beat, 0.05, s1Hz, 0.5);
            burst(samples, beat + systole, 0.04, s2Hz, 0.4);
        }
        return new AudioClip(samples, RATE);
    }

    /** Beats every {@code 60 / bpm} seconds from {@code first} to the end of the recording. */
    public static double[] regularBeats(double bpm, double first, double seconds) {
        int count = (int) Math.floor((seconds - first) * bpm / 60) + 1;
        double[] beats = new double[count];
        for (int i = 0; i < count; i++) {
            beats[i] = first + i * 60 / bpm;
        }
        return beats;
    }

    /** {@code clip} with one more Hann-windowed burst centred on {@code centre} seconds (e.g. an extra sound). */
    public static AudioClip withBurst(AudioClip clip, double centre, double duration, double hz, double amplitude) {
        float[] samples = clip.samples().clone();
        burst(samples, centre, duration, hz, amplitude);
        return new AudioClip(samples, clip.sampleRate());
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
