package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --layout takes a layout's constant or hyphenated name in any case, as the workstation does; a wrong one is named. */
class LayoutOptionTest {

    @TempDir
    Path folder;

    @Test
    void aPlainFolderNamedEitherWayIsReadAsOne() throws Exception {
        Path plain = Files.createDirectories(folder.resolve("ward/p1"));
        Files.copy(CommandLineTest.SAMPLES.resolve("36327_MV.wav"), plain.resolve("apex.wav"));
        for (String name : new String[] {"plain-folder", "PLAIN_FOLDER", "Plain-Folder"}) {
            Run run = CommandLineTest.run("features", folder.toString(), "--layout", name, "-o",
                    folder.resolve(name + ".csv").toString());
            assertEquals(0, run.exitCode(), name + ": " + run.err());
            String table = Files.readString(folder.resolve(name + ".csv"));
            assertTrue(table.contains("ward/p1/apex"), table.substring(0, Math.min(300, table.length())));
        }
        Run wrong = CommandLineTest.run("features", folder.toString(), "--layout", "flat", "-o",
                folder.resolve("x.csv").toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("unknown layout 'flat'") && wrong.err().contains("plain-folder"),
                wrong.err());
    }
}
