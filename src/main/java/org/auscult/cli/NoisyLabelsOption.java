package org.auscult.cli;

import java.util.Map;

import org.auscult.library.ImportOptions;
import picocli.CommandLine.Option;

/** {@code --keep-noisy-labels}: PASCAL's noisy labels as classes of their own instead of merged on import. */
final class NoisyLabelsOption {

    @Option(names = "--keep-noisy-labels",
            description = "Keep PASCAL's noisynormal and noisymurmur as classes of their own instead of counting them "
                    + "as normal and murmur.")
    boolean keep;

    /** The import's label mapping: PASCAL's noisy labels merged into their class, or kept apart. */
    Map<String, String> labelMapping() {
        return keep ? Map.of() : ImportOptions.DEFAULT_LABEL_MAPPING;
    }
}
