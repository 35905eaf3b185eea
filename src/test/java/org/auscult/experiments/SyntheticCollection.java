package org.auscult.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * A small folder-per-class collection written for tests: {@code normal/} and {@code murmur/}, each file its own
 * patient. Every recording has heart-sound-like bursts (60 Hz tone pips) at 72 to 81 beats per minute and a little
 * white noise; between the beats a murmur adds a sum of random sines between 200 and 500 Hz of a strength drawn
 * from 0.03 to 0.3 of the bursts', and a normal recording the same at up to 0.04 (background sounds); each recording
 * has its own gain from 0.5 to 1. The faintest murmurs and the loudest backgrounds overlap, so the classes are not
 * perfectly separable. 4 kHz, PCM16.
 */
public final class SyntheticCollection {

    public static final int SAMPLE_RATE = 4000;

    private SyntheticCollection() {
    }

    /** Writes {@code perClass} recordings of each class of {@code seconds} under {@code root}; returns root. */
    public static Path write(Path root, int perClass, double seconds, long seed) throws IOException {
        return write(root, List.of("normal", "murmur"), perClass, seconds, seed);
    }

    /**
     * Writes {@code perClass} recordings of each of {@code labels} under {@code root}: "normal" as a normal
     * recording, every other class with a murmur; returns root.
     */
    public static Path write(Path root, List<String> labels, int perClass, double seconds, long seed)
            throws IOException {
        Random random = new Random(seed);
        for (String label : labels) {
            Path folder = Files.createDirectories(root.resolve(label));
            for (int i = 0; i < perClass; i++) {
                float[] samples = recording(!label.equals("normal"), seconds, random);
                WavWriter.writePcm16(folder.resolve(label + "_" + i + ".wav"), new AudioClip(samples, SAMPLE_RATE),
                        WavWriter.Overwrite.REFUSE);
            }
        }
        return root;
    }

    /**
     * The collection as a PASCAL import would give it if the first {@code noisyPerClass} recordings of each class
     * had been written {@code noisynormal} / {@code noisymurmur}: their training label stays normal / murmur (the
     * default label mapping), their {@link Recording#originalLabel()} is the noisy one.
     */
    public static RecordingCollection withNoisyLabels(RecordingCollection collection, int noisyPerClass) {
        Map<String, Integer> marked = new HashMap<>();
        List<Recording> recordings = new ArrayList<>();
        for (Recording recording : collection.recordings()) {
            String label = recording.label().orElse("");
            if ((label.equals("normal") || label.equals("murmur"))
                    && marked.merge(label, 1, Integer::sum) <= noisyPerClass) {
                recording = new Recording(recording.path(), recording.id(), recording.label(), "noisy" + label,
                        recording.patient(), recording.source(), recording.metadata());
            }
            recordings.add(recording);
        }
        return new RecordingCollection(collection.root(), collection.layout(), recordings, collection.problems());
    }

    private static float[] recording(boolean murmur, double seconds, Random random) {
        int n = (int) (seconds * SAMPLE_RATE);
        float[] samples = new float[n];
        double beat = 60.0 / (72 + random.nextInt(10));
        double phase = random.nextDouble() * beat;
        double strength = murmur ? 0.03 + 0.27 * random.nextDouble() : 0.04 * random.nextDouble();
        double gain = 0.5 + 0.5 * random.nextDouble();
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
            } else if (inBeat < 0.35) {
                for (double f : murmurFrequencies) {
                    value += strength * 0.5 / murmurFrequencies.length * Math.sin(2 * Math.PI * f * t + f);
                }
            }
            value += 0.005 * random.nextGaussian();
            samples[i] = (float) (gain * value);
        }
        return samples;
    }
}
