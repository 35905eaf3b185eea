package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOneRecordingTest {

    private static final Path SAMPLE = Path.of("sample-recordings", "circor", "69120_TV.wav");

    @TempDir
    Path folder;

    @Test
    void everyStepIsTimedAndTheVerdictIsClassifys() {
        Run bench = CommandLineTest.run("bench", "one-recording", SAMPLE.toString());
        assertEquals(AuscultCommand.EXIT_OK, bench.exitCode(), bench.err());
        double[] steps = new double[6];
        String[] names = {"JVM start -> command", "read the model", "prepare the analyzer",
            "analyse and judge the recording", "JVM start -> first verdict", "the same again, warm"};
        for (int i = 0; i < names.length; i++) {
            Matcher row = Pattern.compile(Pattern.quote(names[i]) + ".*?\\s(\\d+\\.\\d{3})$", Pattern.MULTILINE)
                    .matcher(bench.out());
            assertTrue(row.find(), "no row '" + names[i] + "' in\n" + bench.out());
            steps[i] = Double.parseDouble(row.group(1));
            assertTrue(steps[i] >= 0, names[i] + " took negative time");
        }
        // in a warm test JVM preparing the analyzer can take under half a millisecond, printed 0.000
        assertTrue(steps[1] > 0, "reading the model took no time");
        assertTrue(steps[3] > 0, "analysing the recording took no time");
        assertEquals(steps[0] + steps[1] + steps[2] + steps[3], steps[4], 0.0025, "the steps add up to the verdict");

        Run classify = CommandLineTest.run("classify", SAMPLE.toString());
        Matcher predicted = Pattern.compile("verdict: (\\S+)").matcher(bench.out());
        assertTrue(predicted.find(), bench.out());
        String row = classify.out().lines().filter(line -> line.contains("69120_TV")).findFirst().orElseThrow();
        assertEquals(row.trim().split("\\s+")[1], predicted.group(1), "classify says\n" + classify.out());
    }

    @Test
    void anUnreadableRecordingIsNamed() throws Exception {
        Path noise = Files.writeString(folder.resolve("not-audio.wav"), "hello");
        Run bench = CommandLineTest.run("bench", "one-recording", noise.toString());
        assertTrue(bench.exitCode() != AuscultCommand.EXIT_OK);
        assertTrue(bench.err().contains("not-audio.wav"), bench.err());
    }
}
