package org.auscult.segmentation.quality;

import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.segmentation.Lubdub;

/** Synthetic recordings with a known quality: heart sounds, and the things that are not. */
final class Signals {

    static final int RATE = Lubdub.RATE;

    private Signals() {
    }

    /** A clean S1-S2 click train at 72 bpm, 20 s. */
    static AudioClip heart() {
        return Lubdub.of(20, Lubdub.regularBeats(72, 0.3, 19.6), 0.3, 50, 80);
    }

    /** White Gaussian noise at {@code rms}, 20 s. */
    static AudioClip whiteNoise(double rms) {
        Random random = new Random(7);
        float[] x = new float[20 * RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rms * random.nextGaussian());
        }
        return new AudioClip(x, RATE);
    }

    /** A 150 Hz sine at amplitude 0.3, 20 s. */
    static AudioClip sine() {
        float[] x = new float[20 * RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 150 * i / RATE));
        }
        return new AudioClip(x, RATE);
    }

    /** Digital silence, 20 s. */
    static AudioClip silence() {
        return new AudioClip(new float[20 * RATE], RATE);
    }

    /** The heart click train amplified 20 times and cut at ±0.5: flat tops on every sound. */
    static AudioClip clipped() {
        float[] x = heart().samples().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-0.5f, Math.min(0.5f, 20 * x[i]));
        }
        return new AudioClip(x, RATE);
    }

    /**
     * Speech-like bursts: syllables of 120-300 ms at irregular intervals, each a voiced harmonic series (fundamental
     * 110-220 Hz, ten harmonics falling 6 dB per octave) with a small noise floor, 20 s.
     */
    static AudioClip speech() {
        Random random = new Random(11);
        float[] x = new float[20 * RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.002 * random.nextGaussian());
        }
        double t = 0.1;
        while (t < 19.5) {
            double duration = 0.12 + 0.18 * random.nextDouble();
            double f0 = 110 + 110 * random.nextDouble();
            int from = (int) (t * RATE);
            int length = (int) (duration * RATE);
            for (int i = 0; i < length && from + i < x.length; i++) {
                double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
                double v = 0;
                for (int h = 1; h <= 10; h++) {
                    v += Math.sin(2 * Math.PI * h * f0 * i / RATE) / h;
                }
                x[from + i] += (float) (0.1 * window * v);
            }
            t += duration + 0.05 + 0.4 * random.nextDouble();
        }
        return new AudioClip(x, RATE);
    }
}
