package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.auscult.app.SampleModel;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.segmentation.SyntheticHeart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long recordings are judged in windows as long as the recordings models learn from. */
class RecordingWindowsTest {

    @TempDir
    Path folder;

    @Test
    void recordingsUpToTwoMinutesAreJudgedWhole() {
        assertFalse(RecordingWindows.applies(120));
        assertTrue(RecordingWindows.applies(120.5));
    }

    @Test
    void windowsAreEqualAndLastAtMostAMinute() {
        assertEquals(3, RecordingWindows.count(121));
        assertEquals(60, RecordingWindows.count(3600));
        assertEquals(61, RecordingWindows.count(3600.5));
        int samples = 121 * 4000;
        int windows = RecordingWindows.count(121);
        assertEquals(0, RecordingWindows.start(0, windows, samples));
        assertEquals(samples, RecordingWindows.start(windows, windows, samples));
        for (int k = 0; k < windows; k++) {
            int length = RecordingWindows.start(k + 1, windows, samples) - RecordingWindows.start(k, windows, samples);
            assertTrue(length <= RecordingWindows.longestWindow(samples, windows));
            assertTrue(length >= RecordingWindows.WINDOW_SECONDS / 2 * 4000);
        }
    }

    @Test
    void aLongRecordingIsJudgedByTheMeanOfItsWindowsAndSaysSo() throws Exception {
        double seconds = 150;
        AudioClip heart = SyntheticHeart.of(seconds, SyntheticHeart.regularBeats(72, 0.3, seconds));
        float[] samples = heart.samples();
        Arrays.fill(samples, 0, 55 * heart.sampleRate(), 0f); // the first of three 50 s windows is silent
        Path file = folder.resolve("long.wav");
        WavWriter.writePcm16(file, new AudioClip(samples, heart.sampleRate()), WavWriter.Overwrite.REFUSE);
        LoadedModel model = SampleModel.get();

        RecordingAnalyzer.Analysis analysis = RecordingAnalyzer.judging(model, null, true).analyze(file);

        Verdict verdict = analysis.verdict();
        assertTrue(verdict.judged(), verdict.toString());
        assertEquals(1.0, Arrays.stream(verdict.probabilities()).sum(), 1e-9);
        String note = verdict.warnings().get(verdict.warnings().size() - 1);
        assertTrue(note.startsWith("Long recording judged in 3 windows of 50 s"), note);
        assertTrue(note.endsWith(", 1 silent."), note);
        assertNull(analysis.segmentation(), "an hour's heart cycle is not kept for display");
        assertEquals(seconds, analysis.features().durationSeconds(), 1e-3);
    }
}
