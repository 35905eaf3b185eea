package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model measuring the usable stretches only: classify reports each recording's usable seconds. */
class UsableSecondsColumnTest {

    @TempDir
    Path folder;

    @Test
    void classifyWritesTheUsableSecondsOfEveryRecording() throws Exception {
        Path model = folder.resolve("usable.auscult");
        CommandLineTest.Run train = CommandLineTest.run("train", CommandLineTest.SAMPLES.toString(), "-o",
                model.toString(), "--no-evaluate", "--no-record", "--set", "quality.usableStretches=true",
                "--model-set", "forest.trees=20");
        assertEquals(0, train.exitCode(), train.err());
        Path csv = folder.resolve("out.csv");
        CommandLineTest.Run classify = CommandLineTest.run("classify", CommandLineTest.SAMPLES.toString(), "--model",
                model.toString(), "--csv", csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("recording,predicted,probability,p_murmur,p_normal,p_follow_up,follow_up,usable_s,murmur,warnings,problem", rows.get(0));
        assertEquals(17, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            int usable = Integer.parseInt(cells[7]);
            assertTrue(usable >= 0 && usable <= 40, row);
            if (cells[1].equals("cannot judge")) {
                assertTrue(row.contains("usable"), "an unsure verdict says how many seconds were usable: " + row);
            }
        }
    }
}
