package org.auscult.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;

/**
 * A small folder-per-class collection written for tests: {@code normal/} and {@code murmur/}, each file its own
 * patient. Every recording has heart-sound-like bursts (60 Hz tone pips) at 72 beats per minute; a murmur adds
 * band-limited noise (a sum of random sines between 200 and 500 Hz) between the beats. 4 kHz, PCM16.
 */
public final class SyntheticCollection {

    public static final int SAMPLE_RATE = 4000;

    private SyntheticCollection() {
    }

    /** Writes {@code perClass} recordings of each class of {@code seconds} under {@code root}; returns root. */
    public static Path write(Path root, int perClass, double seconds, long seed) throws IOException {
        Random random = new Random(seed);
        for (String label : new String[] {"normal", "murmur"}) {
            Path folder = Files.createDirectories(root.resolve(label));
            for (int i = 0; i < perClass; i++) {
                float[] samples = recording(label.equals("murmur"), seconds, random);
                WavWriter.writePcm16(folder.resolve(label + "_" + i + ".wav"), new AudioClip(samples, SAMPLE_RATE),
                        WavWriter.Overwrite.REFUSE);
            }
        }
        return root;
    }

    private static float[] recording(boolean murmur, double seconds, Random random) {
        int n = (int) (seconds * SAMPLE_RATE);
        float[] samples = new float[n];
        double beat = 60.0 / (72 + random.nextInt(10));
        double phase = random.nextDouble() * beat;
        double[] murmurFrequencies = new double[8];
        for (int k = 0; k < murmurFrequencies.length; k++) {
            murmurFrequencies[k] = 200 + 300 * random.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            double t = i / (double) SAMPLE_RATE;
            double inBeat = (t + phase) % beat;
            double value = 0;
            if (inBeat < 0.06) {
                value += 0.5 * Math.sin(2 * Math.PI * 60 * t) * Math.sin(Math.PI * inBeat / 0.06);
            } else if (murmur && inBeat < 0.35) {
                for (double f : murmurFrequencies) {
                    value += 0.04 * Math.sin(2 * Math.PI * f * t + f);
                }
            }
            value += 0.005 * random.nextGaussian();
            samples[i] = (float) value;
        }
        return samples;
    }
}
