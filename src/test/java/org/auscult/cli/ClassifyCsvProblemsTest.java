package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --csv table lists every recording given, those that could not be judged with why, as Spark's table does. */
class ClassifyCsvProblemsTest {

    @TempDir
    Path folder;

    @Test
    void aRecordingThatCannotBeReadIsARowWithItsProblem() throws Exception {
        Path good = folder.resolve("good.wav");
        Files.copy(CommandLineTest.SAMPLES.resolve("50049_PV.wav"), good);
        Path notAudio = Files.writeString(folder.resolve("notes.wav"), "a shopping list, not a recording");
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", good.toString(), notAudio.toString(), "--csv", csv.toString());

        assertEquals(1, run.exitCode(), "a recording failed: " + run.err());
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        assertEquals("problem", header[header.length - 1]);
        assertEquals(3, lines.size(), String.join("\n", lines));
        String[] judged = lines.get(1).split(",", -1);
        assertEquals("good", judged[0]);
        assertTrue(!judged[1].isEmpty(), "the readable recording has its verdict: " + lines.get(1));
        assertEquals("", judged[header.length - 1], "no problem for a judged recording");
        String[] unread = fields(lines.get(2));
        assertEquals(header.length, unread.length, lines.get(2));
        assertEquals("notes", unread[0]);
        assertEquals("", unread[1], "no class for a recording that could not be read");
        assertTrue(unread[header.length - 1].contains("not") && !unread[header.length - 1].isBlank(),
                "the row says why: " + lines.get(2));
        assertTrue(run.err().contains(notAudio.toString()), "the terminal names the file too: " + run.err());
    }

    @Test
    void aCollectionsRecordingThatFailsTheImportCheckIsARowWithItsProblem() throws Exception {
        Path collection = folder.resolve("collection");
        Files.createDirectories(collection.resolve("murmur"));
        Files.createDirectories(collection.resolve("normal"));
        Files.copy(CommandLineTest.SAMPLES.resolve("36327_MV.wav"), collection.resolve("murmur/a.wav"));
        Files.copy(CommandLineTest.SAMPLES.resolve("50049_PV.wav"), collection.resolve("normal/b.wav"));
        Files.write(collection.resolve("normal/broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", collection.toString(), "--csv", csv.toString());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), run.err() + String.join("\n", lines));
        String broken = lines.stream().filter(line -> line.contains("broken")).findFirst().orElseThrow();
        String[] cells = fields(broken);
        assertEquals("", cells[1], broken);
        assertTrue(!cells[cells.length - 1].isBlank(), "the row says why: " + broken);
    }

    @Test
    void whatTheInputsScanReportsHasARowToo() throws Exception {
        Path good = folder.resolve("good.wav");
        Files.copy(CommandLineTest.SAMPLES.resolve("50049_PV.wav"), good);
        Path missing = folder.resolve("missing.wav");
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", good.toString(), missing.toString(), "--csv", csv.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), String.join("\n", lines));
        String[] row = fields(lines.get(2));
        assertEquals(missing.toString(), row[0]);
        assertEquals("no such file or folder", row[row.length - 1]);
    }

    @Test
    void aRecordingTheLabelFileListsButThatIsMissingIsARowByItsPath() throws Exception {
        Path collection = Files.createDirectories(folder.resolve("collection"));
        Files.copy(CommandLineTest.SAMPLES.resolve("50049_PV.wav"), collection.resolve("a.wav"));
        Files.write(collection.resolve("labels.csv"), List.of("path,label,patient", "a.wav,normal,p1",
                "gone.wav,murmur,p2", "a.wav,murmur"));
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", collection.toString(), "--csv", csv.toString());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), "a, the missing recording, and no row for the label file's skipped row: "
                + String.join("\n", lines));
        String[] missing = fields(lines.get(2));
        assertEquals(collection.resolve("gone.wav").toString(), missing[0]);
        assertTrue(missing[missing.length - 1].contains("listed but missing"), lines.get(2));
        assertTrue(run.err().contains("line 4"), "the skipped row is on the terminal: " + run.err());
    }

    @Test
    void aClassNameWithACommaIsQuotedInTheHeaderAsInTheRows() throws Exception {
        Path collection = Files.createDirectories(folder.resolve("comma"));
        String[] names = {"36327_MV", "50127_TV", "40058_PV", "50049_PV"};
        for (String name : names) {
            Files.copy(CommandLineTest.SAMPLES.resolve(name + ".wav"), collection.resolve(name + ".wav"));
        }
        Files.write(collection.resolve("labels.csv"), List.of("path,label,patient",
                "36327_MV.wav,\"souffle, systolique\",p1", "50127_TV.wav,\"souffle, systolique\",p2",
                "40058_PV.wav,normal,p3", "50049_PV.wav,normal,p4"));
        Path model = folder.resolve("comma.auscult");
        Run train = CommandLineTest.run("train", collection.toString(), "-o", model.toString(), "--no-evaluate",
                "--no-record", "--model-set", "forest.trees=10");
        assertEquals(0, train.exitCode(), train.err());
        Path csv = folder.resolve("verdicts.csv");

        Run run = CommandLineTest.run("classify", collection.resolve("36327_MV.wav").toString(), "--model",
                model.toString(), "--csv", csv.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(csv);
        String[] header = fields(lines.get(0));
        assertTrue(List.of(header).contains("p_souffle, systolique"), lines.get(0));
        assertEquals(header.length, fields(lines.get(1)).length, String.join("\n", lines));
    }

    /** The fields of one RFC 4180 row (quoted fields may hold commas and doubled quotes). */
    private static String[] fields(String row) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
