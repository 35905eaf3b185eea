package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify describes the murmur of a recording judged a murmur, with only what measured reliable. */
class MurmurColumnTest {

    @TempDir
    Path folder;

    @Test
    void aMurmurVerdictIsDescribedAndNoOtherIs() throws Exception {
        Path csv = folder.resolve("out.csv");
        CommandLineTest.Run classify = CommandLineTest.run("classify", CommandLineTest.SAMPLES.toString(), "--csv",
                csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<String> rows = Files.readAllLines(csv);
        int murmurColumn = List.of(rows.get(0).split(",")).indexOf("murmur");
        assertTrue(murmurColumn > 0, rows.get(0));
        int murmurs = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            String warnings = cells[murmurColumn + 1];
            boolean unsure = warnings.startsWith("Unsure") || warnings.startsWith("\"Unsure");
            if (cells[1].equals("murmur") && !unsure) {
                murmurs++;
                // the shipped description shows the grade alone: timing, shape and pitch measured below the bar
                assertTrue(cells[murmurColumn].matches("grade (I|II|III)/VI \\(\\d+ %\\)"), row);
            } else {
                // nor on an unsure murmur verdict: too little usable heart sound to describe
                assertEquals("", cells[murmurColumn], row);
            }
        }
        assertTrue(murmurs > 0, "the bundled model finds murmurs among the samples: " + rows);
    }
}
