package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.analysis.CorpusFeatureCache;
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
            List<String> cells = CorpusFeatureCache.csvFields(row);
            boolean unsure = cells.get(murmurColumn + 1).startsWith("Unsure");
            if (cells.get(1).equals("murmur") && !unsure) {
                murmurs++;
                // the shipped description shows the timing, the grade and the pitch: the shape measured below the bar
                assertTrue(cells.get(murmurColumn).matches("(Early-systolic|Mid-systolic|Holosystolic) \\(\\d+ %\\), "
                        + "grade (I|II|III)/VI \\(\\d+ %\\), pitch (Low|Medium|High) \\(\\d+ %\\)"), row);
            } else {
                // nor on an unsure murmur verdict: too little usable heart sound to describe
                assertEquals("", cells.get(murmurColumn), row);
            }
        }
        assertTrue(murmurs > 0, "the bundled model finds murmurs among the samples: " + rows);
    }
}
