package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long importing the shared collections takes, printed as a table; never asserted. Run with
 * {@code mvn -B -o -q test -Pbenchmark -Dtest=CollectionImportBenchmark}.
 */
@Tag("benchmark")
class CollectionImportBenchmark {

    private static final int RUNS = 20;

    @Test
    void importTimes() throws IOException {
        List<Path> collections = List.of(Fixtures.sharedData("pascal2011"),
                Fixtures.sharedData("pascal2011").resolve("labels.csv"), Fixtures.sharedData("circor-samples"));
        Assumptions.assumeTrue(collections.stream().allMatch(Files::exists),
                "shared data not found under " + Fixtures.sharedData("").toAbsolutePath() + ": benchmark skipped");
        CollectionImporter importer = new CollectionImporter();
        StringBuilder table = new StringBuilder(String.format("%n%-40s %-15s %10s %9s %9s %9s%n", "collection",
                "layout", "recordings", "first ms", "median ms", "best ms"));
        for (Path collection : collections) {
            long[] nanos = new long[RUNS];
            RecordingCollection imported = null;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                imported = importer.importCollection(collection, ImportOptions.defaults());
                nanos[run] = System.nanoTime() - start;
            }
            long first = nanos[0];
            Arrays.sort(nanos);
            Path shown = collection.getParent().getFileName().resolve(collection.getFileName());
            table.append(String.format("%-40s %-15s %10d %9.1f %9.1f %9.1f%n", shown, imported.layout(),
                    imported.recordings().size(), first / 1e6, nanos[RUNS / 2] / 1e6, nanos[0] / 1e6));
        }
        System.out.print(table);
    }
}
