package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableFormat;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.io.OutputTargets;
import org.auscult.library.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult features}: recordings to a feature table. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {
            "Extract summary features from recordings into a CSV or ARFF table.",
            "INPUT is a folder of recordings (WAV, FLAC or MP3), one recording, or a collection (folder or label file) "
                    + "in any layout Auscult imports: labels, patients and sources then become columns of the table.",
            "Files that fail are listed at the end; the table holds all the others."
        })
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Recordings (WAV, FLAC or MP3), folders or collections.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "TABLE",
            description = "The table to write: .csv (with the configuration in TABLE.properties) or .arff.")
    Path out;

    @Option(names = "--layout", paramLabel = "LAYOUT", completionCandidates = LayoutNames.class,
            description = "The collection layout when it cannot be detected: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: the "
            + "number of cores, ${DEFAULT-VALUE}).", defaultValue = "${sys:auscult.jobs:-0}")
    int jobs;

    @Option(names = "--force", description = "Replace TABLE if it exists.")
    boolean force;

    @Option(names = "--recipe", description = "Analyse as the default recipe and the bundled model do (2 kHz, "
            + "25-900 Hz, the heart-cycle groups: the features the verdict reads) instead of the librosa-comparable "
            + "defaults; --config and --set still override it.")
    boolean recipe;

    @Mixin
    NoisyLabelsOption noisyLabels;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        FeatureTableFormat format = FeatureTableFormat.forFile(out);
        OutputTargets.check(force, RecordingInputs.readFrom(inputs, analysis.configFile), format.files(out));
        AnalysisConfig config = recipe ? analysis.resolve(DefaultRecipe.analysisProperties()) : analysis.resolve();
        RecordingInputs.Resolved resolved = RecordingInputs.resolve(inputs, Optional.ofNullable(layout),
                noisyLabels.labelMapping());
        resolved.collections().forEach(collection -> err.println(collection.summary()));

        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        FeatureTableBuilder builder = new FeatureTableBuilder(config, Jobs.resolve(jobs));
        FeatureTableBuilder.Result result = builder.build(resolved.inputs(),
                (done, total, audioSeconds) -> progress.update(done, total));
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(result.failures());
        if (result.table().rows().isEmpty()) { // a header alone would pass for a table, and replace an earlier one
            err.printf("No recording could be read; %s is not written.%n", out);
            Failures.report(failures, err);
            return AuscultCommand.EXIT_INPUT_FAILED;
        }
        format.write(result.table(), out, force);

        outWriter.printf("Wrote %s: %d recordings x %d features (%.0f s of audio).%n", out,
                result.table().rows().size(), result.table().featureNames().size(), result.audioSeconds());
        return Failures.report(failures, err);
    }
}
