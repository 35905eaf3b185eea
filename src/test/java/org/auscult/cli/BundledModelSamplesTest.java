package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.auscult.analysis.CorpusFeatureCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model on the 16 bundled samples (patients it never heard) answers as its model card says: the murmur
 * recordings it calls murmur and the murmur-free ones it calls normal. A retrained model that finds fewer fails here
 * until the card is measured again.
 */
class BundledModelSamplesTest {

    @TempDir
    Path folder;

    @Test
    void theBundledModelFindsWhatItsCardSaysOnTheSamples() throws Exception {
        Map<String, String> truth = new HashMap<>();
        List<String> labels = Files.readAllLines(CommandLineTest.SAMPLES.resolve("labels.csv"));
        int murmurColumn = List.of(labels.get(0).split(",")).indexOf("murmur");
        for (String row : labels.subList(1, labels.size())) {
            String[] cells = row.split(",");
            truth.put(cells[0].replace(".wav", ""), cells[murmurColumn]);
        }
        Path csv = folder.resolve("out.csv");
        CommandLineTest.Run classify = CommandLineTest.run("classify", CommandLineTest.SAMPLES.toString(), "--csv",
                csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<String> rows = Files.readAllLines(csv);
        int murmursFound = 0;
        int normalsKept = 0;
        for (String row : rows.subList(1, rows.size())) {
            List<String> cells = CorpusFeatureCache.csvFields(row);
            String status = truth.get(cells.get(0));
            if ("present".equals(status) && cells.get(1).equals("murmur")) {
                murmursFound++;
            } else if ("absent".equals(status) && cells.get(1).equals("normal")) {
                normalsKept++;
            }
        }
        assertEquals(16, rows.size() - 1, "every sample judged");
        assertTrue(murmursFound >= 5, "murmur recordings called murmur: " + murmursFound + " of 8\n" + rows);
        assertEquals(8, normalsKept, "murmur-free recordings called normal\n" + rows);
    }
}
