package org.auscult.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench long-recording}: how time and memory grow with the length of one recording. Writes synthetic
 * heart-like PCM 16-bit WAVs of each duration to a temporary folder (deleted afterwards), runs {@code auscult
 * classify} on each in a fresh JVM, exactly as a user would, and prints its wall time and peak resident memory
 * (VmHWM, the high-water mark the kernel keeps, read from the child's /proc status while it runs).
 */
@Command(name = "long-recording", mixinStandardHelpOptions = true,
        description = {
            "Classify synthetic recordings of growing length (default 10 s, 10 min, 1 h at 44100 Hz), each in a fresh "
                    + "JVM, and print duration, rate, exit code, wall time and peak resident memory.",
            "Linux only for the memory column (it reads /proc). The WAVs go to a temporary folder that is deleted."
        })
final class BenchLongRecording implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--durations", split = ",", paramLabel = "SECONDS", defaultValue = "10,600,3600",
            description = "Recording lengths in seconds (default: ${DEFAULT-VALUE}).")
    List<Integer> durations;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "44100",
            description = "Sample rate of the recordings (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--heap", paramLabel = "SIZE",
            description = "Maximum heap of the classifying JVM, as for -Xmx (default: the JVM's default).")
    String heap;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("auscult-long-recording");
        out.printf(Locale.ROOT, "Long-recording benchmark: PCM 16-bit mono at %d Hz, heap %s, %d cores%n", rate,
                heap == null ? "default (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB here)" : heap,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%10s %8s %6s %10s %14s%n", "duration", "rate", "exit", "wall (s)", "peak RSS (MB)");
        out.flush();
        try {
            for (int seconds : durations) {
                Path wav = folder.resolve(seconds + "s.wav");
                writeSynthetic(wav, seconds, rate);
                long[] peak = {-1};
                long start = System.nanoTime();
                int exit = classify(wav, peak);
                double wall = (System.nanoTime() - start) / 1e9;
                Files.delete(wav);
                out.printf(Locale.ROOT, "%10s %8d %6d %10.1f %14s%n", duration(seconds), rate, exit, wall,
                        peak[0] < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", peak[0] / 1e6));
                out.flush();
            }
        } finally {
            try (var left = Files.list(folder)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
        return AuscultCommand.EXIT_OK;
    }

    /** Runs {@code classify wav} in a new JVM on this one's class path; records its VmHWM in {@code peak[0]}. */
    private int classify(Path wav, long[] peak) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.auscult.Launcher", "classify",
                wav.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            long hwm = highWaterMark(status);
            if (hwm > peak[0]) {
                peak[0] = hwm;
            }
        }
        return process.exitValue();
    }

    /**
     * The peak resident set (VmHWM) of a /proc status file in bytes, or -1 when it cannot be read (the process ended,
     * not Linux).
     */
    static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or this is not Linux
        }
        return -1;
    }

    /**
     * A heart-like signal: beats at 1.2 Hz, each a decaying 60 Hz burst (S1, 50 ms) and a 150 Hz burst (S2) 0.3 s
     * later, in white noise at -40 dBFS; written block by block, so no array of the whole recording is made.
     */
    static void writeSynthetic(Path wav, int seconds, int rate) throws IOException {
        long frames = (long) seconds * rate;
        long dataBytes = 2 * frames;
        Random random = new Random(seconds);
        try (OutputStream out = Files.newOutputStream(wav)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                    .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2)
                    .putShort((short) 16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt((int) dataBytes);
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(2 * 65_536).order(ByteOrder.LITTLE_ENDIAN);
            for (long n = 0; n < frames; n++) {
                double t = n / (double) rate;
                double phase = t % (1 / 1.2);
                double x = 0.01 * random.nextGaussian();
                if (phase < 0.05) {
                    x += 0.4 * Math.sin(2 * Math.PI * 60 * t) * Math.exp(-40 * phase);
                } else if (phase > 0.3 && phase < 0.35) {
                    x += 0.3 * Math.sin(2 * Math.PI * 150 * t) * Math.exp(-40 * (phase - 0.3));
                }
                block.putShort((short) Math.round(32767 * Math.max(-1, Math.min(1, x))));
                if (!block.hasRemaining()) {
                    out.write(block.array(), 0, block.position());
                    block.clear();
                }
            }
            out.write(block.array(), 0, block.position());
        }
    }

    private static String duration(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
