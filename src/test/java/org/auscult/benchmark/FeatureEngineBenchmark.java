package org.auscult.benchmark;

import org.auscult.audio.WavDecoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;


import org.auscult.audio.AudioClip;
import org.auscult.dsp.Fft;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureEngine;
import org.auscult.features.Stft;
import org.auscult.features.SummaryStatistic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Speed of the feature engine on one thread at the 4 kHz analysis rate: seconds of audio analysed per wall-clock
 * second, for the default configuration and for variants of it. Audio: the 4 kHz recordings of PASCAL set_b when
 * {@code ../shared} is present (decoded before timing), otherwise 20 minutes of synthetic heart-like sound.
 *
 * <p>Run: {@code mvn -B -o -q test -Pbenchmark -Dtest=FeatureEngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * or as a main class on the test classpath. Prints a table; asserts nothing about time.
 */
@Tag("benchmark")
class FeatureEngineBenchmark {

    private static final int RATE = 4000;
    private static final int TIMED_PASSES = 5;

    @Test
    @Timeout(1800)
    void measure() throws IOException {
        run();
    }

    public static void main(String[] args) throws IOException {
        run();
    }

    private static void run() throws IOException {
        List<AudioClip> clips = corpus();
        double audioSeconds = clips.stream().mapToDouble(AudioClip::durationSeconds).sum();
        System.out.printf(Locale.ROOT, "%nFeature engine speed, one thread, %d recordings, %.1f s of %d Hz audio (%s)%n",
                clips.size(), audioSeconds, RATE, source);
        System.out.printf(Locale.ROOT, "Java %s, %s, %d processors, system load average %.2f at start%n",
                System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        measureFft();
        System.out.printf(Locale.ROOT, "%-58s %11s %11s %11s %14s%n", "configuration", "best x RT", "median x RT",
                "CPU x RT", "ms / min audio");

        FeatureConfig defaults = FeatureConfig.defaults();
        measureEngine("defaults (256/64, 13 MFCC, 40 mels, 5 features, mean+std)", defaults, clips, audioSeconds);
        measureEngine("  hop 128", defaults.withFraming(256, 128), clips, audioSeconds);
        measureEngine("  hop 32", defaults.withFraming(256, 32), clips, audioSeconds);
        measureEngine("  frame 512 / hop 128", defaults.withFraming(512, 128), clips, audioSeconds);
        measureEngine("  20 MFCC", defaults.withMfcc(20, 40, 25, 2000), clips, audioSeconds);
        measureEngine("  64 mels, 20 MFCC", defaults.withMfcc(20, 64, 25, 2000), clips, audioSeconds);
        measureEngine("  all statistics (mean, std, min, max, median)",
                defaults.withStatistics(List.of(SummaryStatistic.values())), clips, audioSeconds);
        measureEngine("  librosa defaults (2048/512, 40 MFCC, 128 mels)", FeatureConfig.librosaDefaults(), clips,
                audioSeconds);
        System.out.printf(Locale.ROOT, "stages at the defaults:%n");
        Stft stft = new Stft(defaults);
        measure("  spectrogram only (frame, window, FFT, |X|^2, |X|)", clips, audioSeconds, stft::compute);
        for (String feature : FeatureConfig.STANDARD_FEATURES) {
            String stage = feature.equals("zcr") ? "  zcr only (reads samples, no spectrogram)"
                    : "  spectrogram + " + feature + " only";
            measureEngine(stage, defaults.withFeatures(List.of(feature)), clips, audioSeconds);
        }
    }

    private static String source = "";

    /** Nanoseconds per power spectrum of the FFT sizes the configurations use. */
    private static void measureFft() {
        Random random = new Random(1L);
        for (int size : new int[] {256, 512, 2048}) {
            Fft fft = new Fft(size);
            double[] input = new double[size];
            for (int i = 0; i < size; i++) {
                input[i] = random.nextGaussian();
            }
            double[] power = new double[size / 2 + 1];
            int transforms = 50_000_000 / size;
            double best = Double.POSITIVE_INFINITY;
            for (int pass = 0; pass < 1 + TIMED_PASSES; pass++) {
                long start = System.nanoTime();
                for (int i = 0; i < transforms; i++) {
                    fft.powerSpectrum(input, power);
                }
                double nanos = (System.nanoTime() - start) / (double) transforms;
                best = pass == 0 ? best : Math.min(best, nanos); // pass 0 warms up
            }
            System.out.printf(Locale.ROOT, "FFT power spectrum of %d points: %.0f ns (best of %d passes of %d)%n",
                    size, best, TIMED_PASSES, transforms);
        }
    }

    private static void measureEngine(String label, FeatureConfig config, List<AudioClip> clips, double audioSeconds) {
        FeatureEngine engine = new FeatureEngine(config);
        measure(label, clips, audioSeconds, engine::extract);
    }

    /**
     * Prints the best and median real-time factor (audio seconds per wall second) over the timed passes, the factor by
     * this thread's CPU time (what the code costs when other processes compete for the cores), and the wall time per
     * minute of audio at the median.
     */
    private static void measure(String label, List<AudioClip> clips, double audioSeconds, Consumer<AudioClip> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        clips.forEach(work); // warm-up: JIT compilation and table caches
        double[] realTimeFactors = new double[TIMED_PASSES];
        double bestCpuFactor = 0;
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            clips.forEach(work);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            realTimeFactors[pass] = audioSeconds / seconds;
            bestCpuFactor = Math.max(bestCpuFactor, audioSeconds / cpuSeconds);
        }
        Arrays.sort(realTimeFactors);
        double best = realTimeFactors[TIMED_PASSES - 1];
        double median = realTimeFactors[TIMED_PASSES / 2];
        System.out.printf(Locale.ROOT, "%-58s %11.0f %11.0f %11.0f %14.2f%n", label, best, median, bestCpuFactor,
                60_000.0 / median);
    }

    private static List<AudioClip> corpus() throws IOException {
        Path setB = Paths.get(System.getProperty("auscult.shared", "../shared"), "data", "pascal2011", "set_b");
        List<AudioClip> clips = new ArrayList<>();
        if (Files.isDirectory(setB)) {
            try (Stream<Path> files = Files.list(setB)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                    AudioClip clip = readPcm16Mono(file);
                    if (clip != null && clip.sampleRate() == RATE) {
                        clips.add(clip);
                    }
                }
            }
            source = "PASCAL 2011 set_b";
        }
        if (clips.isEmpty()) {
            clips = synthetic();
            source = "synthetic";
        }
        return clips;
    }

    /** 60 recordings of 20 s: 1.2 s beats of two damped 50 Hz bursts (S1, S2) over noise, fixed seed. */
    private static List<AudioClip> synthetic() {
        Random random = new Random(2011L);
        List<AudioClip> clips = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            float[] samples = new float[20 * RATE];
            for (int n = 0; n < samples.length; n++) {
                double t = (n % (int) (1.2 * RATE)) / (double) RATE;
                double s1 = Math.exp(-t / 0.03) * Math.sin(2 * Math.PI * 50 * t);
                double s2Time = t - 0.35;
                double s2 = s2Time < 0 ? 0 : Math.exp(-s2Time / 0.02) * Math.sin(2 * Math.PI * 70 * s2Time);
                samples[n] = (float) (0.5 * s1 + 0.4 * s2 + 0.01 * random.nextGaussian());
            }
            clips.add(new AudioClip(samples, RATE));
        }
        return clips;
    }

    private static AudioClip readPcm16Mono(Path file) throws IOException {
        return new WavDecoder().decode(file).clip();
    }
}
