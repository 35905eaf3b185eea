package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auscult.analysis.VerdictAdvisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verdict on a recording the model was trained on says so, under any file name; a recording the model never
 * heard gets no such line.
 */
class HeardInTrainingTest {

    @TempDir
    Path folder;

    @Test
    void aTrainingRecordingIsRecognisedByItsSamplesNotItsName() throws Exception {
        Path training = folder.resolve("training");
        Path unheard = folder.resolve("unheard");
        List<Path> samples;
        try (var files = Files.list(CommandLineTest.SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        // twelve recordings, six per class folder, are the training data; the last four are never heard
        for (int i = 0; i < samples.size(); i++) {
            Path target = i < 12 ? training.resolve(i % 2 == 0 ? "normal" : "murmur") : unheard;
            Files.createDirectories(target);
            Files.copy(samples.get(i), target.resolve(samples.get(i).getFileName()));
        }
        Path renamed = folder.resolve("a-copy-under-another-name.wav");
        Files.copy(samples.get(0), renamed);

        Path model = folder.resolve("m.auscult");
        CommandLineTest.Run train = CommandLineTest.run("train", training.toString(), "-o", model.toString(),
                "--no-evaluate", "--no-record", "--model-set", "forest.trees=10");
        assertEquals(0, train.exitCode(), train.err());

        Path csv = folder.resolve("out.csv");
        CommandLineTest.Run classify = CommandLineTest.run("classify", training.resolve("normal").toString(),
                unheard.toString(), renamed.toString(), "--model", model.toString(), "--csv", csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("follow_up: no answer: the model was trained without cross-validation"),
                "an empty follow_up column says why: " + classify.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 6 + 4 + 1, rows.size(), String.join("\n", rows));
        String heard = VerdictAdvisor.HEARD_IN_TRAINING.substring(0, 40);
        for (String row : rows.subList(1, rows.size())) {
            boolean fromTraining = !row.contains(unheard.getFileName() + "/") && !row.startsWith("unheard")
                    && isTrainingRow(row, samples.subList(0, 12));
            assertEquals(fromTraining, row.contains(heard), row);
        }
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("a-copy-under-another-name") && row.contains(heard)),
                "a renamed copy is still the same recording: " + rows);
        assertEquals(6 + 1, rows.stream().filter(row -> row.contains(heard)).count(), String.join("\n", rows));
        assertFalse(rows.get(0).contains(heard));
    }

    private static boolean isTrainingRow(String row, List<Path> trainingSamples) {
        String name = row.substring(0, row.indexOf(','));
        return name.equals("a-copy-under-another-name") || trainingSamples.stream()
                .anyMatch(sample -> name.endsWith(sample.getFileName().toString().replace(".wav", "")));
    }
}
