package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;

/** A value an option cannot take is refused in the user's words, without the name of a Java class. */
class ConverterMessagesTest {

    static final String WAV = CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString();

    private static void assertPlainRefusal(Run run, String expected) {
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains(expected), firstLine);
        assertFalse(firstLine.contains("Exception"), firstLine);
        assertFalse(firstLine.contains("org.auscult") || firstLine.contains("java."), firstLine);
    }

    @Test
    void anUnknownEmissionIsRefusedByItsMessage() {
        assertPlainRefusal(CommandLineTest.run("segment", WAV, "-o", "unused", "--emission", "bogus"),
                "Invalid value for option '--emission': cycleEmission must be one of hand-set, trained, network");
        assertPlainRefusal(CommandLineTest.run("segment", "train", "unused", "-o", "unused.properties", "--model",
                "bogus"), "cycleEmission must be one of");
    }

    @Test
    void anUnknownLayoutIsRefusedByItsMessage() {
        assertPlainRefusal(CommandLineTest.run("classify", WAV, "--layout", "bogus"),
                "Invalid value for option '--layout': unknown layout 'bogus'");
        assertPlainRefusal(CommandLineTest.run("features", WAV, "-o", "unused.csv", "--layout", "bogus"),
                "unknown layout 'bogus'");
    }
}
