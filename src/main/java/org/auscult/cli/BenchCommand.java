package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult bench}: measured runs on a real collection, printed as a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on a real collection (default: the PASCAL 2011 recordings in "
                + "../shared/data/pascal2011).",
        subcommands = {BenchCommand.Features.class})
final class BenchCommand implements Runnable {

    static final Path DEFAULT_DATA = Path.of("../shared/data/pascal2011");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Feature extraction throughput over every WAV under a folder. */
    @Command(name = "features", mixinStandardHelpOptions = true,
            description = {
                "Decode, condition and extract the default features of every WAV under DATA, and print files/s, "
                        + "seconds of audio per wall second and peak memory.",
                "The process line counts from JVM start, so it includes start-up: the end-to-end figure."
            })
    static final class Features implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Folder of recordings (default: ${DEFAULT-VALUE}).")
        Path data = DEFAULT_DATA;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: cores).")
        int jobs;

        @Mixin
        AnalysisOptions analysis;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException(data + ": no such folder; name the recordings with --data DIR");
            }
            AnalysisConfig config = analysis.resolve();
            List<Input> inputs = RecordingInputs.wavFilesUnder(data).stream()
                    .map(file -> Input.of(file, data.relativize(file).toString())).toList();
            int threads = Jobs.resolve(jobs);

            long start = System.nanoTime();
            FeatureTableBuilder.Result result = new FeatureTableBuilder(config, threads)
                    .build(inputs, (done, total, seconds) -> { });
            double wall = (System.nanoTime() - start) / 1e9;
            double sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;

            int analysed = result.table().rows().size();
            out.printf("Feature extraction benchmark: %s, %d jobs, %d features per recording%n", data, threads,
                    result.table().featureNames().size());
            out.printf("%-34s %12s%n", "measure", "value");
            out.printf("%-34s %12d%n", "files analysed", analysed);
            out.printf("%-34s %12d%n", "files failed", result.failures().size());
            out.printf("%-34s %12.1f%n", "seconds of audio", result.audioSeconds());
            out.printf("%-34s %12.3f%n", "extraction wall time (s)", wall);
            out.printf("%-34s %12.3f%n", "process wall time from JVM start (s)", sinceJvmStart);
            out.printf("%-34s %12.1f%n", "files per second (extraction)", analysed / wall);
            out.printf("%-34s %12.0f%n", "audio s per wall s (extraction)", result.audioSeconds() / wall);
            out.printf("%-34s %12.0f%n", "audio s per wall s (process)", result.audioSeconds() / sinceJvmStart);
            out.printf("%-34s %12.0f%n", "peak heap used (MB)", peakHeapBytes() / 1e6);
            long rss = peakResidentBytes();
            if (rss > 0) {
                out.printf("%-34s %12.0f%n", "peak resident memory (MB)", rss / 1e6);
            }
            result.failures().forEach(failure -> out.println("failed: " + failure));
            return result.failures().isEmpty() ? AuscultCommand.EXIT_OK : AuscultCommand.EXIT_INPUT_FAILED;
        }
    }

    /** Sum of the peak usage of every heap pool since start. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The process's peak resident set (VmHWM) where the system reports it (Linux), else -1. */
    static long peakResidentBytes() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
