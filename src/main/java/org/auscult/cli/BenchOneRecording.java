package org.auscult.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.ReferenceSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench one-recording}: where the time of {@code classify} on one recording goes, step by step in this
 * process, as {@code classify} takes them: the JVM's start, reading the model, the analyzer, the recording's
 * analysis with the classes loaded and compiled on the way, and the same analysis once more, warm.
 */
@Command(name = "one-recording", mixinStandardHelpOptions = true,
        description = {
            "Analyse and judge one recording as 'classify' does, and print how long each step took in this fresh "
                    + "process: from the JVM's start to the command, reading the model, preparing the analyzer, the "
                    + "analysis, and the same analysis again once everything is loaded and compiled.",
            "Run it with /usr/bin/time for the whole process; run it a few times, the first steps vary. The first step "
                    + "is this command's own start, which also reads the other bench commands' options: 'classify' "
                    + "starts sooner."
        })
final class BenchOneRecording implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "The recording to classify.")
    Path recording;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A model file written by 'train' "
            + "(default: the bundled model).")
    Path modelFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        double started = uptimeSeconds();
        long t0 = System.nanoTime();
        LoadedModel model = LoadedModel.load(modelFile);
        long t1 = System.nanoTime();
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(model, ReferenceSet.preferred(model, null), false)
                .assessingQuality();
        long t2 = System.nanoTime();
        RecordingAnalyzer.Analysis first = analyzer.analyze(recording);
        long t3 = System.nanoTime();
        analyzer.analyze(recording);
        long t4 = System.nanoTime();

        out.printf(Locale.ROOT, "One recording as classify takes it: %s, %s, %d cores%n", recording,
                model.describe(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-44s %9s%n", "step", "time (s)");
        row(out, "JVM start -> command", started);
        row(out, "read the model", seconds(t0, t1));
        row(out, "prepare the analyzer", seconds(t1, t2));
        row(out, "analyse and judge the recording", seconds(t2, t3));
        row(out, "JVM start -> first verdict", started + seconds(t0, t3));
        row(out, "the same again, warm (not part of classify)", seconds(t3, t4));
        out.printf(Locale.ROOT, "verdict: %s%n", first.verdict() == null ? "none" : first.verdict().predictedClass());
        return AuscultCommand.EXIT_OK;
    }

    private static void row(PrintWriter out, String step, double seconds) {
        out.printf(Locale.ROOT, "%-44s %9.3f%n", step, seconds);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }
}
