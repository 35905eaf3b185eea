package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config FILE}: a properties file as editors write it is read; anything else is refused by name. */
class ConfigOptionTest {

    static final Path WAV = CommandLineTest.SAMPLES.resolve("36327_MV.wav");

    @TempDir
    Path folder;

    private Run features(Path config) {
        return CommandLineTest.run("features", WAV.toString(), "--config", config.toString(), "-o",
                folder.resolve("table.csv").toString());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
        Path config = folder.resolve("bom.properties");
        Files.write(config, "\uFEFFanalysis.rate=4000\r\n".getBytes(StandardCharsets.UTF_8));
        Run run = features(config);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(folder.resolve("table.csv.properties")).contains("analysis.rate=4000"));
    }

    @Test
    void aFolderIsRefusedAsSuch() throws IOException {
        Files.writeString(folder.resolve("table.csv"), "id,path,label\n"); // in that folder, yet not what is wrong
        Run run = CommandLineTest.run("features", WAV.toString(), "--config", folder.toString(), "-o",
                folder.resolve("table.csv").toString(), "--force");
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--config " + folder + ": is a folder"), run.err());
    }

    @Test
    void aRecordingIsNotReadAsParameters() {
        Run run = features(WAV);
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--config " + WAV + ": not a text properties file"), run.err());
        assertFalse(run.err().contains("unknown analysis parameter"), run.err());
        assertFalse(Files.exists(folder.resolve("table.csv")));
    }

    @Test
    void aMelBandAboveTheFixedRatesNyquistIsAUsageErrorBeforeAnyWork() {
        Run run = CommandLineTest.run("features", WAV.toString(), "-o", folder.resolve("table.csv").toString(),
                "--set", "analysis.rate=2000");
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("fmax 2000.0 Hz is above the Nyquist frequency 1000.0 Hz"), run.err());
        assertFalse(Files.exists(folder.resolve("table.csv")));

        Run example = CommandLineTest.run("features", WAV.toString(), "-o", folder.resolve("table.csv").toString(),
                "--set", "analysis.rate=2000", "--set", "feature.fmax=1000", "--set", "feature.nMfcc=20");
        assertEquals(0, example.exitCode(), "the help's example: " + example.err());
    }

    @Test
    void aMissingFileIsAUsageErrorNamingTheOption() {
        Path missing = folder.resolve("missing.properties");
        Run run = features(missing);
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--config " + missing + ": no such file"), run.err());
    }
}
