package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.Verdict;
import org.auscult.app.SampleModel;
import org.auscult.app.WorkstationViewModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.playback.JavaSoundOutput;
import org.auscult.app.playback.Player;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.learn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} and the workstation give the same verdict with the same warnings, on the same road. */
class ClassifyWarningsTest {

    private static final int RATE = 4000;

    @TempDir
    Path folder;

    private Path recordings() throws Exception {
        // a folder per class, so that the workstation opens it as a collection
        Path recordings = Files.createDirectories(folder.resolve("recordings").resolve("unknown"));
        Random random = new Random(11);
        float[] noise = new float[6 * RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * random.nextGaussian());
        }
        WavWriter.writePcm16(recordings.resolve("noise.wav"), new AudioClip(noise, RATE), WavWriter.Overwrite.REFUSE);
        WavWriter.writePcm16(recordings.resolve("silent.wav"), new AudioClip(new float[6 * RATE], RATE),
                WavWriter.Overwrite.REFUSE);
        return recordings.getParent();
    }

    /** The warnings the workstation shows for the recording named {@code name} of {@code recordings}. */
    private static Verdict windowVerdict(Path recordings, Path modelFile, String name) throws Exception {
        WorkstationViewModel window = new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(new JavaSoundOutput(), Runnable::run), Runnable::run, 1);
        window.modelProperty().set(LoadedModel.load(modelFile));
        window.open(recordings);
        for (RecordingRow row : window.browser().rows()) {
            if (row.name().endsWith(name)) {
                window.browser().selectedProperty().set(row);
            }
        }
        Verdict verdict = window.verdict().verdictProperty().get();
        window.shutdown();
        return verdict;
    }

    @Test
    void classifyPrintsTheWindowsWarningsForANoisyAndASilentRecording() throws Exception {
        Path recordings = recordings();
        Path modelFile = folder.resolve("forest.auscult");
        ModelFile.save(SampleModel.get().model(), modelFile, false);
        Path csv = folder.resolve("verdicts.csv");
        Path noise = recordings.resolve("unknown").resolve("noise.wav");
        Path silence = recordings.resolve("unknown").resolve("silent.wav");
        CommandLineTest.Run classify = CommandLineTest.run("classify", noise.toString(), silence.toString(), "--model",
                modelFile.toString(), "--csv", csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("recording,predicted,probability,p_murmur,p_normal,p_follow_up,follow_up,usable_s,murmur,warnings,problem", lines.get(0));

        Verdict noisy = windowVerdict(recordings, modelFile, "noise");
        assertTrue(noisy.judged());
        assertFalse(noisy.warnings().isEmpty(), "white noise is unlike any heart sound");
        for (String warning : noisy.warnings()) {
            assertTrue(classify.out().contains("    ! " + warning + System.lineSeparator()), classify.out());
        }
        assertEquals(noisy.warnings(), warnings(lines, "noise"));
        assertTrue(noisy.warnings().get(0).startsWith("Unsure: "), "white noise holds no heart sound, the window"
                + " and classify both say first: " + noisy.warnings());

        Verdict silent = windowVerdict(recordings, modelFile, "silent");
        assertFalse(silent.judged());
        assertEquals(List.of("Cannot judge: the recording is silent (every sample is zero)."), silent.warnings());
        assertEquals(silent.warnings(), warnings(lines, "silent"));
        String silentRow = lines.stream().filter(line -> line.startsWith("silent,")).findFirst().orElseThrow();
        assertTrue(silentRow.startsWith("silent,cannot judge,,,,"), silentRow);
        assertTrue(lines.stream().filter(line -> line.startsWith("noise,")).findFirst().orElseThrow()
                .split(",")[7].matches("\\d+"), "the usable seconds of the noise");
        assertTrue(classify.out().contains("    ! Cannot judge: the recording is silent (every sample is zero)."),
                classify.out());
    }

    /** The warnings column of the CSV row of {@code id}, split back into sentences. */
    private static List<String> warnings(List<String> lines, String id) {
        for (String line : lines) {
            if (line.startsWith(id + ",")) {
                String[] fields = line.split(",", 10);
                assertEquals("", fields[8], "an unsure or unjudged verdict describes no murmur: " + line);
                assertTrue(fields[9].endsWith(","), "a judged recording's problem column is empty: " + line);
                String column = fields[9].substring(0, fields[9].length() - 1);
                if (column.startsWith("\"")) {
                    column = column.substring(1, column.length() - 1).replace("\"\"", "\"");
                }
                return column.isEmpty() ? List.of() : new ArrayList<>(List.of(column.split(" \\| ")));
            }
        }
        throw new AssertionError("no row for " + id + " in " + lines);
    }
}
