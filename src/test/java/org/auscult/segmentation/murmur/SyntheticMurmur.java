package org.auscult.segmentation.murmur;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Lubdub;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.Segmentation;

/**
 * Synthetic beats with a murmur where a test puts it: {@link Lubdub} heart sounds (S1 at 60 Hz, S2 at 120 Hz,
 * {@link #SYSTOLE} s apart), white noise added in a chosen part of every systole, and the segmentation the beats were
 * made with.
 */
public final class SyntheticMurmur {

    public static final int RATE = Lubdub.RATE;
    public static final double SYSTOLE = 0.32;
    public static final double SOUND = 0.05;
    public static final double BPM = 70;
    public static final double SECONDS = 12;

    private SyntheticMurmur() {
    }

    public static double[] beats() {
        return Lubdub.regularBeats(BPM, 0.4, SECONDS - 0.5);
    }

    /** Beats with no murmur. */
    public static AudioClip clean() {
        return Lubdub.of(SECONDS, beats(), SYSTOLE, 60, 120);
    }

    /**
     * Beats with white noise of standard deviation {@code amplitude} from {@code from} to {@code to} of every
     * systole (fractions of the silence between S1's end and S2's start), or of every diastole when
     * {@code diastole}.
     */
    public static AudioClip withNoise(double from, double to, double amplitude, boolean diastole, long seed) {
        float[] x = clean().samples().clone();
        Random random = new Random(seed);
        double cycle = 60 / BPM;
        for (double beat : beats()) {
            double start = diastole ? beat + SYSTOLE + SOUND / 2 : beat + SOUND / 2;
            double end = diastole ? beat + cycle - SOUND / 2 : beat + SYSTOLE - SOUND / 2;
            int a = (int) Math.round((start + from * (end - start)) * RATE);
            int b = (int) Math.round((start + to * (end - start)) * RATE);
            for (int i = Math.max(0, a); i < Math.min(x.length, b); i++) {
                x[i] += (float) (amplitude * random.nextGaussian());
            }
        }
        return new AudioClip(x, RATE);
    }

    /** The segmentation the beats were made with. */
    public static Segmentation segmentation() {
        List<Segment> segments = new ArrayList<>();
        double cycle = 60 / BPM;
        double[] beats = beats();
        segments.add(new Segment(0, beats[0] - SOUND / 2, CardiacState.DIASTOLE));
        for (int k = 0; k < beats.length; k++) {
            double beat = beats[k];
            double next = k + 1 < beats.length ? beats[k + 1] - SOUND / 2 : SECONDS;
            segments.add(new Segment(beat - SOUND / 2, beat + SOUND / 2, CardiacState.S1));
            segments.add(new Segment(beat + SOUND / 2, beat + SYSTOLE - SOUND / 2, CardiacState.SYSTOLE));
            segments.add(new Segment(beat + SYSTOLE - SOUND / 2, beat + SYSTOLE + SOUND / 2, CardiacState.S2));
            segments.add(new Segment(beat + SYSTOLE + SOUND / 2, Math.min(next, beat + cycle - SOUND / 2),
                    CardiacState.DIASTOLE));
        }
        return Segmentation.of(segments, SECONDS, BPM, SYSTOLE, 1);
    }

    /**
     * {@code segmentation} with the S1 and S2 of complete cycle {@code cycle} (counted as {@link MurmurEnvelope}
     * counts them, from 0) shrunk to no time at their start: their level is 0, as if the heart sounds were silent, and
     * the envelope skips that cycle.
     */
    public static Segmentation withSilentSounds(Segmentation segmentation, int cycle) {
        List<Segment> segments = new ArrayList<>(segmentation.segments());
        Segment[] chosen = MurmurEnvelope.cycles(segments).get(cycle);
        for (int s : new int[] {0, 2}) {
            Segment sound = chosen[s];
            segments.set(segments.indexOf(sound), new Segment(sound.startSeconds(), sound.startSeconds(),
                    sound.state()));
        }
        return Segmentation.of(segments, SECONDS, BPM, SYSTOLE, 1);
    }
}
