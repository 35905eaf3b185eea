package org.auscult.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decodes every WAV of the PASCAL 2011 set several times and prints a table: files/s, MB/s of file bytes and
 * seconds of audio per wall-clock second, for WavDecoder.decode, WavDecoder.readFormat and (for comparison) the
 * JDK's javax.sound.sampled. Measured, never asserted.
 *
 * <p>Run: {@code mvn -B -o -q test -Pbenchmark -Dtest=WavDecodeBenchmarkTest}, or this class's main with the
 * shared folder as its argument.
 */
public final class WavDecodeBenchmark {

    private static final int ROUNDS = 5;

    private WavDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("auscult.shared", "../shared"));
        run(shared.resolve("data/pascal2011"));
    }

    /** Runs the benchmark over every .wav under {@code folder} and prints the table. */
    static void run(Path folder) throws Exception {
        List<Path> files = SharedData.wavFiles(folder);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        WavDecoder decoder = new WavDecoder();
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, under %s%n", files.size(), bytes / 1e6, folder);
        System.out.printf(Locale.ROOT, "%-26s %5s %9s %10s %9s %14s%n",
                "reader", "round", "time (s)", "files/s", "MB/s", "audio s/s");
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            double audioSeconds = 0;
            for (Path file : files) {
                audioSeconds += decoder.decode(file).clip().durationSeconds();
            }
            print("WavDecoder.decode", round, System.nanoTime() - start, files.size(), bytes, audioSeconds);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            double audioSeconds = 0;
            for (Path file : files) {
                audioSeconds += decoder.readFormat(file).durationSeconds();
            }
            print("WavDecoder.readFormat", round, System.nanoTime() - start, files.size(), bytes, audioSeconds);
        }
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            double audioSeconds = 0;
            for (Path file : files) {
                JdkWavReader.Reading reading = JdkWavReader.read(file);
                audioSeconds += reading.samples().length / reading.sampleRate();
            }
            print("javax.sound (reference)", round, System.nanoTime() - start, files.size(), bytes, audioSeconds);
        }
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            double audioSeconds = files.parallelStream().mapToDouble(file -> {
                try {
                    return decoder.decode(file).clip().durationSeconds();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum();
            print("WavDecoder.decode parallel", round, System.nanoTime() - start, files.size(), bytes, audioSeconds);
        }
    }

    private static void print(String reader, int round, long nanos, int files, long bytes, double audioSeconds) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-26s %5d %9.3f %10.0f %9.1f %14.0f%n",
                reader, round, seconds, files / seconds, bytes / 1e6 / seconds, audioSeconds / seconds);
    }
}
