package org.auscult.cli;

import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --merge-classes FINE=COARSE,...}: train on fine labels, answer and score in coarse ones. */
final class MergeClassesOption {

    @Option(names = "--merge-classes", paramLabel = "FINE=COARSE", split = ",",
            description = "Fold each FINE class into COARSE (probabilities added) for scoring and in the model, e.g. "
                    + "with --keep-noisy-labels, --merge-classes noisynormal=normal,noisymurmur=murmur trains on "
                    + "PASCAL's noisy labels apart and answers in the five classes.")
    Map<String, String> merge;

    @Option(names = "--labels-as-imported",
            description = "Train on the labels as imported, PASCAL's noisy recordings counted as their class. "
                    + "Without this, --keep-noisy-labels or --merge-classes, the default recipe trains PASCAL's noisy "
                    + "recordings apart and answers in normal and murmur (when the collection has any).")
    boolean asImported;

    /** Whether any class is to be folded. */
    boolean any() {
        return merge != null && !merge.isEmpty();
    }
}
