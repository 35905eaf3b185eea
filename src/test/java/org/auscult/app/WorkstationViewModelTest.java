package org.auscult.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.playback.Player;
import org.auscult.app.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The workstation's view model on the current thread: no toolkit, deterministic. */
class WorkstationViewModelTest {

    private static WorkstationViewModel create() {
        return new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(new org.auscult.app.playback.JavaSoundOutput(), Runnable::run), Runnable::run, 1);
    }

    @Test
    void selectingARecordingDrawsItThenGivesItsVerdict() throws Exception {
        WorkstationViewModel model = create();
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
        assertEquals(16, model.browser().rows().size());
        assertNotNull(model.features().referenceProperty().get(), "the scan builds the reference");
        assertEquals(List.of("murmur", "normal"), model.features().referenceProperty().get().classes());
        for (RecordingRow row : model.browser().rows()) {
            assertTrue(!row.predictedProperty().get().isEmpty(), "predicted " + row.name());
        }

        RecordingRow row = model.browser().rows().get(3);
        model.browser().selectedProperty().set(row);
        assertEquals(row, model.loadedProperty().get().row());
        assertEquals(row.durationProperty().get(), model.viewport().duration(), 1e-9);
        assertEquals(model.viewport().duration(), model.viewport().visible(), 1e-9);
        assertNotNull(model.waveform().summaryProperty().get());
        assertEquals(4000, model.spectrogram().tilesProperty().get().sampleRate());
        Verdict verdict = model.verdict().verdictProperty().get();
        assertNotNull(verdict);
        double[] p = verdict.probabilities();
        assertEquals(1.0, p[0] + p[1], 1e-9);
        assertEquals(verdict.predictedClass(), row.predictedProperty().get());
        assertTrue(model.verdict().headlineProperty().get().startsWith(verdict.predictedClass()));
        assertEquals(56, model.features().rows().size());
        assertTrue(model.features().rows().get(0).placement().contains("murmur"));
    }

    @Test
    void withoutAModelThereAreFeaturesButNoVerdict() throws Exception {
        WorkstationViewModel model = create();
        model.open(SampleModel.CIRCOR);
        model.browser().selectedProperty().set(model.browser().rows().get(0));
        assertNotNull(model.analysisProperty().get().features());
        assertNull(model.verdict().verdictProperty().get());
        assertTrue(model.verdict().headlineProperty().get().startsWith("No model loaded"));
    }

    @Test
    void anUnreadableSelectionSaysWhy() {
        WorkstationViewModel model = create();
        RecordingRow row = new RecordingRow(new org.auscult.library.Recording(Path.of("missing.wav"), "missing",
                java.util.Optional.empty(), "", "p", "", java.util.Map.of()));
        model.select(row);
        assertTrue(model.status().messageProperty().get().startsWith("Cannot open missing"),
                model.status().messageProperty().get());
        assertTrue(!row.problemProperty().get().isEmpty());
        assertNull(model.loadedProperty().get());
    }
}
