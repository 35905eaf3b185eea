package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.learn.Balancing;
import org.auscult.learn.ModelFile;
import org.auscult.learn.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train A B -o M} and {@code evaluate A B}: several collections as one, with the default recipe. */
class SeveralCollectionsTest {

    @TempDir
    Path folder;

    /** The bundled samples split in two collections named by their folders: each half is a source of its own. */
    private List<Path> twoCollections() throws IOException {
        List<String> lines = Files.readAllLines(CommandLineTest.SAMPLES.resolve("labels.csv"));
        Path first = folder.resolve("clinic-a");
        Path second = folder.resolve("clinic-b");
        for (Path dir : List.of(first, second)) {
            Files.createDirectories(dir);
        }
        StringBuilder a = new StringBuilder(lines.get(0)).append('\n');
        StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String wav = lines.get(i).substring(0, lines.get(i).indexOf(','));
            // murmur rows come first in the file: alternate so each half has both classes
            Path target = (i % 2 == 0 ? first : second);
            Files.copy(CommandLineTest.SAMPLES.resolve(wav), target.resolve(wav));
            Files.copy(CommandLineTest.SAMPLES.resolve(wav.replace(".wav", ".tsv")),
                    target.resolve(wav.replace(".wav", ".tsv")));
            (i % 2 == 0 ? a : b).append(lines.get(i)).append('\n');
        }
        Files.writeString(first.resolve("labels.csv"), a);
        Files.writeString(second.resolve("labels.csv"), b);
        return List.of(first, second);
    }

    private static long entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(path -> path.toString().endsWith(".features")).count();
        }
    }

    @Test
    void trainsOnBothWithTheDefaultRecipeAndKeepsEachRecordingsCollection() throws IOException {
        List<Path> collections = twoCollections();
        Path model = folder.resolve("both.auscult");
        Path cache = folder.resolve("cache");
        CommandLineTest.Run train = CommandLineTest.run("train", collections.get(0).toString(),
                collections.get(1).toString(), "-o", model.toString(), "--folds", "4", "--no-record",
                "--feature-cache", cache.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("balanced accuracy"), train.out());
        assertEquals(16, entries(cache));

        TrainedModel trained = ModelFile.load(model);
        assertEquals(16, trained.profile().recordings());
        assertEquals(new java.util.TreeMap<>(DefaultRecipe.analysis().toProperties()),
                new java.util.TreeMap<>(trained.featureConfiguration()),
                "no options: the default recipe's analysis");
        assertEquals("trained", trained.featureConfiguration().get("feature.cycleEmission"));
        assertEquals(Balancing.SOURCE_AND_CLASS, trained.spec().balancing());
        assertEquals(DefaultRecipe.TREES, trained.spec().forest().trees());
        assertEquals(List.of("murmur", "normal"), trained.classNames());

        // the evaluation reads the cached features and sees two sources, one per collection
        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", collections.get(0).toString(),
                collections.get(1).toString(), "--protocol", "leave-source-out", "--repeats", "1", "--no-record",
                "--feature-cache", cache.toString(), "--no-source-check");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("leave-source-out"), evaluate.out());
        assertTrue(evaluate.out().contains("clinic-a/circor"), "a row per source: " + evaluate.out());
        assertTrue(evaluate.out().contains("Patients (murmur present if any recording is predicted murmur)"),
                evaluate.out());
        assertEquals(16, entries(cache), "nothing analysed twice");
    }

    @Test
    void thePatientsOfATestCollectionAreLeftOut() throws IOException {
        List<Path> collections = twoCollections();
        Path model = folder.resolve("without.auscult");
        CommandLineTest.Run train = CommandLineTest.run("train", collections.get(0).toString(),
                CommandLineTest.SAMPLES.toString(), "--exclude-patients-of", collections.get(1).toString(),
                "-o", model.toString(), "--no-evaluate", "--no-record");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("Left out 8 recordings"), train.err());
        // clinic-a's 8 recordings and the samples' 8 of the same patients
        assertEquals(16, ModelFile.load(model).profile().recordings());
    }

    @Test
    void leavingOutEveryPatientOrNoneIsAClearError() throws IOException {
        List<Path> collections = twoCollections();
        CommandLineTest.Run all = CommandLineTest.run("evaluate", collections.get(0).toString(),
                "--exclude-patients-of", collections.get(0).toString(), "--no-record");
        assertEquals(2, all.exitCode(), all.err());
        assertTrue(all.err().contains("no labelled recording is left once the patients of"), all.err());
        CommandLineTest.Run missing = CommandLineTest.run("evaluate", collections.get(0).toString(),
                folder.resolve("gone").toString(), "--no-record");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("gone: no such file or folder"), missing.err());
    }

    @Test
    void aPathThatIsNotACollectionIsNamed() throws IOException {
        List<Path> collections = twoCollections();
        Path empty = Files.createDirectories(folder.resolve("nothing-here"));
        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", collections.get(0).toString(),
                empty.toString(), "--no-record");
        assertEquals(2, evaluate.exitCode(), evaluate.out());
        assertTrue(evaluate.err().contains("nothing-here: not a labelled collection"), evaluate.err());
    }
}
