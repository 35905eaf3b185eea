package org.auscult.features;

import java.util.Random;

import org.auscult.audio.AudioClip;

/** Synthetic test signals with known spectra. */
final class Signals {

    private Signals() {
    }

    /** {@code amplitude * sin(2 pi f n / sampleRate + phase)}. */
    static AudioClip sine(double frequency, double amplitude, double phase, double seconds, int sampleRate) {
        float[] samples = new float[(int) Math.round(seconds * sampleRate)];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * n / sampleRate + phase));
        }
        return new AudioClip(samples, sampleRate);
    }

    static AudioClip silence(int length, int sampleRate) {
        return new AudioClip(new float[length], sampleRate);
    }

    /** Gaussian white noise of standard deviation {@code sigma}, from a fixed seed. */
    static AudioClip whiteNoise(double sigma, double seconds, int sampleRate, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) Math.round(seconds * sampleRate)];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (float) (sigma * random.nextGaussian());
        }
        return new AudioClip(samples, sampleRate);
    }

    /** Silence with a single unit impulse at {@code position}. */
    static AudioClip click(int position, int length, int sampleRate) {
        float[] samples = new float[length];
        samples[position] = 1f;
        return new AudioClip(samples, sampleRate);
    }
}
