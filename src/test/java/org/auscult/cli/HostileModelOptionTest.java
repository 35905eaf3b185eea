package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.auscult.learn.ModelFile;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.misc.InputMappedClassifier;

/** {@code classify --model} with a hostile model file: one line naming the file and the refusal, exit 1. */
class HostileModelOptionTest {

    @TempDir
    Path folder;

    @Test
    void aModelThatWouldReadAnotherFileIsRefusedInOneLine() throws IOException {
        // A classifier that reads another model file when first used: outside every model design.
        TrainedModel hostile = new TrainedModel(new InputMappedClassifier(), List.of("a", "b"), List.of("f"),
                Map.of(), "fingerprint", null, Map.of(), ModelSpec.DEFAULTS, null);
        Path model = folder.resolve("shared.auscult");
        ModelFile.save(hostile, model, false);

        CommandLineTest.Run classify = CommandLineTest.run("classify",
                CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString(), "--model", model.toString());

        assertEquals(1, classify.exitCode(), classify.err());
        String err = classify.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("auscult: " + model + ": refused: class "
                + "weka.classifiers.misc.InputMappedClassifier is not allowed"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aModelThatCannotBeOpenedIsRefusedWithTheReason() throws IOException {
        String wav = CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString();
        Path missing = folder.resolve("nonexist.auscult");
        CommandLineTest.Run absent = CommandLineTest.run("classify", wav, "--model", missing.toString());
        assertEquals(1, absent.exitCode(), absent.err());
        assertEquals("auscult: " + missing + ": cannot be read: no such file or folder", absent.err().strip());

        CommandLineTest.Run aFolder = CommandLineTest.run("classify", wav, "--model", folder.toString());
        assertEquals(1, aFolder.exitCode(), aFolder.err());
        assertTrue(aFolder.err().contains(folder + ": cannot be read: it is a folder"), aFolder.err());
    }
}
