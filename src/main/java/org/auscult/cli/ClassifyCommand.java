package org.auscult.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.DefaultModel;
import org.auscult.analysis.FeatureRow;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableFormat;
import org.auscult.io.AtomicFiles;
import org.auscult.io.OutputTargets;
import org.auscult.learn.ModelFile;
import org.auscult.learn.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult classify}: class probabilities for each recording. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {
            "Classify recordings with a trained model (the bundled default model unless --model is given) and "
                    + "print the predicted class, its probability and the probability of every class.",
            "Each recording is analysed exactly as the model's training data was (the model file records how)."
        })
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "1..*", description = "WAV files, folders or collections.")
    List<Path> recordings;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A model file written by 'train'.")
    Path modelFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results to FILE as CSV.")
    Path csv;

    @Option(names = "--force", description = "Replace the --csv FILE if it exists.")
    boolean force;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: cores).")
    int jobs;

    @Override
    public Integer call() throws Exception {
        OutputTargets.check(force, csv);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainedModel model = modelFile == null ? DefaultModel.load() : ModelFile.load(modelFile);
        AnalysisConfig config = AnalysisConfig.of(model.featureConfiguration());

        RecordingInputs.Resolved resolved = RecordingInputs.resolve(recordings, Optional.empty());
        ProgressBar progress = ProgressBar.forTerminal(err, "classify");
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, Jobs.resolve(jobs))
                .build(resolved.inputs(), (done, total, seconds) -> progress.update(done, total));
        if (!result.table().featureNames().equals(model.featureNames())) {
            throw new IllegalStateException("the model expects features " + model.featureNames()
                    + " but its configuration produces " + result.table().featureNames());
        }

        List<String> header = new ArrayList<>(List.of("recording", "predicted", "probability"));
        model.classNames().forEach(name -> header.add("p_" + name));
        List<List<String>> rows = new ArrayList<>();
        for (FeatureRow row : result.table().rows()) {
            double[] posterior = model.posterior(row.values());
            int best = argmax(posterior);
            List<String> cells = new ArrayList<>(List.of(row.id(), model.classNames().get(best),
                    String.format(Locale.ROOT, "%.3f", posterior[best])));
            for (double p : posterior) {
                cells.add(String.format(Locale.ROOT, "%.3f", p));
            }
            rows.add(cells);
        }
        printTable(out, header, rows);
        if (csv != null) {
            AtomicFiles.write(csv, force, stream -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                writer.println(String.join(",", header));
                for (List<String> cells : rows) {
                    writer.println(String.join(",", cells.stream().map(FeatureTableFormat::csvField).toList()));
                }
                writer.flush();
            });
        }
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(result.failures());
        return Failures.report(failures, err);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int first = header.get(0).length();
        for (List<String> row : rows) {
            first = Math.max(first, row.get(0).length());
        }
        String format = "%-" + first + "s" + " %12s".repeat(header.size() - 1) + "%n";
        out.printf(format, header.toArray());
        for (List<String> row : rows) {
            out.printf(format, row.toArray());
        }
        out.flush();
    }
}
