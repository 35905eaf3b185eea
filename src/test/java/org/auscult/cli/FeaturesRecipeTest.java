package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.auscult.analysis.DefaultModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code features --recipe} writes the features the bundled model reads, analysed as it analyses. */
class FeaturesRecipeTest {

    @TempDir
    Path folder;

    @Test
    void theRecipesTableHoldsTheBundledModelsFeaturesInItsOrder() throws IOException {
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        Files.copy(CommandLineTest.SAMPLES.resolve("85198_PV.wav"), recordings.resolve("85198_PV.wav"));
        Path table = folder.resolve("recipe.csv");

        CommandLineTest.Run run = CommandLineTest.run("features", recordings.toString(), "-o", table.toString(),
                "--recipe");

        assertEquals(AuscultCommand.EXIT_OK, run.exitCode(), run.err());
        List<String> header = Arrays.asList(Files.readAllLines(table).get(0).split(","));
        List<String> columns = header.subList(header.indexOf("source") + 1, header.size());
        assertEquals(DefaultModel.load().featureNames(), columns);
        String configuration = Files.readString(folder.resolve("recipe.csv.properties"));
        assertTrue(configuration.contains("analysis.rate=2000"), configuration);
        assertTrue(configuration.contains("cycle_murmur"), configuration);
    }

    @Test
    void withoutTheOptionTheTableKeepsTheLibrosaComparableDefaults() throws IOException {
        Path table = folder.resolve("plain.csv");
        CommandLineTest.Run run = CommandLineTest.run("features",
                CommandLineTest.SAMPLES.resolve("85198_PV.wav").toString(), "-o", table.toString());
        assertEquals(AuscultCommand.EXIT_OK, run.exitCode(), run.err());
        assertTrue(Files.readString(folder.resolve("plain.csv.properties")).contains("analysis.rate=4000"));
    }
}
