package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auscult info}: links named on the command line, and the --csv rows in the order of the inputs. */
class InfoCommandTest {

    @TempDir
    Path folder;

    @Test
    void namedLinksThatCannotBeFollowedAreNamedAsSuchAndTheRowsFollowTheInputs() throws IOException {
        Path sample = CommandLineTest.SAMPLES.resolve("36327_MV.wav");
        Path first = Files.copy(sample, folder.resolve("z-first.wav"));
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.wav"), folder.resolve("gone.wav"));
        Path loop = Files.createSymbolicLink(folder.resolve("loop.wav"), folder.resolve("loop.wav"));
        Path last = Files.copy(sample, folder.resolve("a-last.wav"));
        Path csv = folder.resolve("info.csv");

        Run run = CommandLineTest.run("info", first.toString(), dangling.toString(), loop.toString(),
                last.toString(), "--csv", csv.toString());

        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("a link to nothing: " + folder.resolve("gone.wav") + " does not exist"),
                run.err());
        assertTrue(run.err().contains("a loop of links: it leads back to itself"), run.err());
        assertTrue(!run.err().contains("no such file or folder"), run.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(List.of(first, dangling, loop, last).stream().map(Path::toString).toList(),
                rows.stream().skip(1).map(row -> row.substring(0, row.indexOf(','))).toList());
    }
}
