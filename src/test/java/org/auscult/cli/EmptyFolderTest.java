package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A folder without recordings is a failed input, named with the reason, never a silent success. */
class EmptyFolderTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"classify", "info", "features"})
    void aFolderWithoutRecordingsFailsWithItsName(String command) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("no-recordings"));
        Files.writeString(empty.resolve("notes.txt"), "not a recording");
        Run run = command.equals("features")
                ? CommandLineTest.run(command, empty.toString(), "-o", folder.resolve("t.csv").toString())
                : CommandLineTest.run(command, empty.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("no-recordings: a folder with no recordings (WAV, FLAC or MP3) in it or below it"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "info"})
    void aFolderWhoseOnlyRecordingCannotBeReachedSaysWhyOnce(String command) throws IOException {
        Path broken = Files.createDirectories(folder.resolve("broken-link"));
        Files.createSymbolicLink(broken.resolve("a.wav"), folder.resolve("gone.wav"));
        Run run = CommandLineTest.run(command, broken.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("a link to nothing"), run.err());
        assertFalse(run.err().contains("a folder with no recordings"), "the link says why none was found, and a "
                + "second reason would contradict it: " + run.err());
    }
}
