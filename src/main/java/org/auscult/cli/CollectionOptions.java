package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTable;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.library.Layout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A labelled collection and how to analyse it: what {@code train} and {@code evaluate} share. */
final class CollectionOptions {

    @Parameters(index = "0", paramLabel = "COLLECTION",
            description = "A folder or label file in any layout Auscult imports (detected, or named with --layout).")
    Path collection;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The collection layout when it cannot be detected: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Mixin
    NoisyLabelsOption noisyLabels;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Recordings analysed and folds run at once (default: the number of cores).")
    int jobs;

    @Mixin
    AnalysisOptions analysis;

    /** The analysed collection, the inputs that failed on the way, and the analysis it was made with. */
    record Analysed(FeatureTable table, List<Failure> failures, AnalysisConfig config) {
    }

    /** Imports the collection, prints its summary, and computes the features of every recording in it. */
    Analysed analyse(PrintWriter err) throws IOException {
        AnalysisConfig config = analysis.resolve();
        RecordingInputs.Resolved resolved = RecordingInputs.resolve(List.of(collection), Optional.ofNullable(layout),
                noisyLabels.labelMapping());
        if (resolved.collections().isEmpty()) {
            throw new IllegalArgumentException(collection + ": not a labelled collection (a folder or label file "
                    + "in a known layout); see --layout");
        }
        resolved.collections().forEach(imported -> err.println(imported.summary()));
        ProgressBar progress = ProgressBar.forTerminal(err, "features");
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, Jobs.resolve(jobs))
                .build(resolved.inputs(), (done, total, seconds) -> progress.update(done, total));
        List<Failure> failures = new ArrayList<>(resolved.problems());
        failures.addAll(result.failures());
        return new Analysed(result.table(), failures, config);
    }
}
