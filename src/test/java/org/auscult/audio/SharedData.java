package org.auscult.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared data folder beside the project (recordings and reference values that are not part of the
 * repository), found through the system property {@code auscult.shared} that the build sets.
 */
final class SharedData {

    private SharedData() {
    }

    /** {@code <shared>/<relative>}, or a skipped test (with the reason shown) when it is absent. */
    static Path require(String relative) {
        String shared = System.getProperty("auscult.shared", "../shared");
        Path folder = Path.of(shared).resolve(relative);
        assumeTrue(Files.exists(folder), "skipped: " + folder.toAbsolutePath().normalize()
                + " is absent (set -Dauscult.shared to the shared data folder to run this test)");
        return folder;
    }

    /** Every .wav file under {@code folder}, in sorted order. */
    static List<Path> wavFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".wav")).sorted().collect(Collectors.toList());
        }
    }
}
