package org.auscult.app;

import org.auscult.app.task.CurrentThreadTaskExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.playback.Player;
import org.auscult.app.features.FeatureInspectionViewModel;
import org.auscult.analysis.ReferenceSet;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.Verdict;
import org.auscult.learn.FeatureDistribution;
import org.auscult.learn.TrainedModel;
import org.auscult.learn.TrainingProfile;
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
        // the quality lane's seconds: one per whole second of the recording
        assertNotNull(model.qualityProperty().get());
        assertEquals((int) Math.floor(row.durationProperty().get()), model.qualityProperty().get().kinds().size(),
                1);
        assertTrue(model.features().rows().get(0).placement().contains("murmur"));
    }

    @Test
    void aMurmurVerdictIsDescribedUnderTheVerdictAndTheDescriptionGoesWithIt() throws Exception {
        WorkstationViewModel model = create();
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
        int described = 0;
        for (RecordingRow row : model.browser().rows()) {
            model.browser().selectedProperty().set(row);
            Verdict verdict = model.verdict().verdictProperty().get();
            String murmur = model.verdict().murmurProperty().get();
            boolean unsure = !verdict.warnings().isEmpty() && verdict.warnings().get(0).startsWith("Unsure");
            var evidence = model.cycle().murmurEvidenceProperty().get();
            if (verdict.predictedClass().equals("murmur") && !unsure) {
                assertTrue(murmur.matches("Murmur described: (Early-systolic|Mid-systolic|Holosystolic) \\(\\d+ %\\), "
                        + "grade (I|II|III)/VI \\(\\d+ %\\), pitch (Low|Medium|High) \\(\\d+ %\\)"), murmur);
                // the same envelope drawn over the beat stack and the cycles as under the description
                assertSame(model.verdict().murmurEnvelopeProperty().get(), evidence.envelope(), row.name());
                assertFalse(evidence.median().isEmpty() || evidence.cycles().isEmpty(), row.name());
                described++;
            } else {
                assertEquals("", murmur, row.name() + ": " + verdict.predictedClass());
                assertTrue(evidence.isEmpty(), row.name() + ": nothing drawn without a description");
            }
        }
        assertTrue(described > 0, "the sample model finds murmurs among the samples");
    }

    @Test
    void aLongRecordingAtAHighRateIsHeldAtTheAnalysisRateAndJudgedInWindows(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws Exception {
        // 150 s at 44.1 kHz: longer than a window, so it is decoded straight to 4 kHz and judged window by window
        float[] beat = org.auscult.app.timeline.SteadyBeatDrawingTest.steadyBeat(150);
        float[] fast = new float[beat.length * 441 / 40];
        for (int n = 0; n < fast.length; n++) {
            fast[n] = beat[(int) ((long) n * 40 / 441)];
        }
        java.nio.file.Path file = folder.resolve("hour/long.wav");
        java.nio.file.Files.createDirectories(file.getParent());
        org.auscult.audio.WavWriter.writePcm16(file, new org.auscult.audio.AudioClip(fast, 44_100),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        WorkstationViewModel model = create();
        model.modelProperty().set(SampleModel.get());
        model.open(file.getParent());
        assertEquals("", model.browser().rows().get(0).predictedProperty().get(),
                "the scan leaves a recording judged in windows to its opening");
        List<String> provisional = new java.util.ArrayList<>();
        model.verdict().verdictProperty().addListener((property, old, now) -> {
            if (now != null && now.warnings().stream().anyMatch(w -> w.startsWith("Provisional"))) {
                provisional.add(now.warnings().get(0)
                        + (model.loadedProperty().get() == null ? " (before its samples)" : ""));
            }
        });
        // its waveform is first drawn from the file's outline, before its samples at 4 kHz exist
        List<String> waveforms = new java.util.ArrayList<>();
        model.waveform().summaryProperty().addListener((property, old, now) -> {
            if (now != null) {
                waveforms.add((now.isOutline() ? "outline at " : "samples at ") + now.sampleRate()
                        + (model.loadedProperty().get() == null ? ", not yet loaded" : ", loaded")
                        + String.format(java.util.Locale.ROOT, ", axis %.2f s", model.viewport().duration()));
            }
        });
        model.browser().selectedProperty().set(model.browser().rows().get(0));
        assertEquals(List.of("outline at 44100, not yet loaded, axis 150.00 s", "samples at 4000, not yet loaded,"
                + " axis 150.00 s"), waveforms);
        assertEquals("Provisional: 1 of 3 windows judged so far. (before its samples)", provisional.get(0),
                "the first window is judged from the file while the recording decodes: " + provisional);
        assertEquals(List.of("Provisional: 2 of 3 windows judged so far.", "Provisional: 3 of 3 windows judged so far."),
                provisional.subList(provisional.size() - 2, provisional.size()),
                "then the verdict so far after each window: " + provisional);
        assertEquals(model.analysisProperty().get().trend(), model.trendProperty().get());

        LoadedRecording loaded = model.loadedProperty().get();
        assertEquals(4000, loaded.decoded().clip().sampleRate(), "held at the analysis rate");
        assertEquals(44_100, loaded.info().sampleRate(), "the file's own rate is still reported");
        assertEquals(150, loaded.info().durationSeconds(), 0.01);
        assertEquals(150, model.viewport().duration(), 0.01);
        Verdict verdict = model.verdict().verdictProperty().get();
        assertNotNull(verdict);
        assertEquals(verdict.predictedClass(), model.browser().rows().get(0).predictedProperty().get(),
                "opened, its row has its verdict");
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.startsWith("Long recording judged in")),
                String.valueOf(verdict.warnings()));

        assertEquals(null, model.qualityProperty().get(), "a long recording shows its trend instead");
        // the trend: one point per window, covering the recording, at the beat's 60 a minute
        org.auscult.analysis.HeartTrend trend = model.analysisProperty().get().trend();
        assertNotNull(trend);
        assertTrue(trend.windows().size() >= 2, "windows: " + trend.windows().size());
        assertEquals(0, trend.windows().get(0).startSeconds(), 1e-9);
        assertEquals(150, trend.windows().get(trend.windows().size() - 1).endSeconds(), 0.01);
        for (org.auscult.analysis.HeartTrend.Window window : trend.windows()) {
            assertEquals(60, window.heartRateBpm(), 3, "window " + window);
            assertTrue(window.qualityIndex() > 0.2, "a clean steady beat: " + window);
            assertTrue(!window.predicted().isEmpty(), "every window has sound: " + window);
        }
    }

    @Test
    void theFeaturePanelPrefersTheModelsTrainingDataOverTheCollection() throws Exception {
        TrainedModel trained = SampleModel.get().model();
        TrainingProfile real = trained.profile();
        // A profile unlike the collection (every feature of every class between 1e9 and 2e9), to tell them apart.
        FeatureDistribution far = FeatureDistribution.of(new double[] {1e9, 2e9});
        Map<String, List<FeatureDistribution>> farFeatures = new LinkedHashMap<>();
        for (String label : real.classNames()) {
            farFeatures.put(label, Collections.nCopies(real.featureNames().size(), far));
        }
        TrainingProfile distant = new TrainingProfile(real.classNames(), real.featureNames(), real.classCounts(),
                farFeatures, real.recordingsWithFacts(), real.sampleRates(), real.durations(), real.rmsLevels(),
                real.peakLevels());
        WorkstationViewModel model = create();
        model.modelProperty().set(new LoadedModel(withProfile(trained, distant), "distant profile"));
        model.open(SampleModel.CIRCOR);
        model.browser().selectedProperty().set(model.browser().rows().get(0));

        ReferenceSet reference = model.features().referenceProperty().get();
        assertTrue(reference.fromModel());
        assertEquals("Class distributions from the model's 16 training recordings.",
                model.features().captionProperty().get());
        assertEquals(far, reference.distribution("murmur", 5));
        for (FeatureInspectionViewModel.Row row : model.features().rows()) {
            assertEquals("murmur 0 %, normal 0 %", row.placement(), row.name());
        }
        List<String> warnings = model.verdict().verdictProperty().get().warnings();
        assertTrue(warnings.contains("56 of 56 features lie outside every class of the model's training recordings "
                + "(for example " + String.join(", ", real.featureNames().subList(0, 3)) + ")."),
                warnings.toString());
        assertTrue(model.status().messageProperty().get().length() > 0);

        // A model saved before models carried a profile: the collection's labelled recordings stand in.
        model.modelProperty().set(new LoadedModel(withProfile(trained, null), "old model"));
        reference = model.features().referenceProperty().get();
        assertFalse(reference.fromModel());
        assertEquals("Class distributions from 16 labelled recordings of circor.",
                model.features().captionProperty().get());
        assertEquals(real.distribution("normal", 5), reference.distribution("normal", 5),
                "the collection is the training data of the sample model");
    }

    @Test
    void theBrowserNotesTheModelsClassesTheSamplesLack() throws Exception {
        WorkstationViewModel model = create();
        model.modelProperty().set(SampleModel.get());
        model.open(SampleModel.CIRCOR);
        assertEquals("", model.browser().noteProperty().get(), "the sample model knows murmur and normal only");
        TrainedModel trained = SampleModel.get().model();
        List<String> pascalClasses = List.of("artifact", "extrahls", "extrastole", "murmur", "normal");
        // Only the class names matter for the note; no recording is selected, so the classifier is not asked.
        TrainedModel fiveClasses = new TrainedModel(trained.classifier(), pascalClasses, trained.featureNames(),
                trained.featureConfiguration(), trained.dataFingerprint(), null, trained.versions(), trained.spec(),
                null);
        WorkstationViewModel other = create();
        other.open(SampleModel.CIRCOR);
        other.modelProperty().set(new LoadedModel(fiveClasses, "five classes"));
        assertEquals("These samples hold murmur and normal recordings only; no redistributable recording exists for "
                + "artifact, extra heart sound or extrasystole.", other.browser().noteProperty().get());
        other.modelProperty().set(null);
        assertEquals("", other.browser().noteProperty().get());
    }

    private static TrainedModel withProfile(TrainedModel model, TrainingProfile profile) {
        return new TrainedModel(model.classifier(), model.classNames(), model.featureNames(),
                model.featureConfiguration(), model.dataFingerprint(), model.evaluation(), model.versions(),
                model.spec(), profile);
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

    @Test
    void aLongRecordingHeldAtTheAnalysisRatePlaysFromItsFileAtItsOwnRate(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws Exception {
        // 150 s at 44.1 kHz of noise: held at 4 kHz for the views, but what is heard is the file's own samples
        java.util.Random random = new java.util.Random(5);
        float[] noise = new float[150 * 44_100];
        for (int n = 0; n < noise.length; n++) {
            noise[n] = (float) (0.3 * random.nextGaussian());
        }
        java.nio.file.Path file = folder.resolve("long/noise.wav");
        java.nio.file.Files.createDirectories(file.getParent());
        org.auscult.audio.WavWriter.writePcm16(file, new org.auscult.audio.AudioClip(noise, 44_100),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        org.auscult.app.playback.RecordingOutput output = new org.auscult.app.playback.RecordingOutput();
        WorkstationViewModel model = new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(output, Runnable::run), Runnable::run, 1);
        model.open(file.getParent());
        model.browser().selectedProperty().set(model.browser().rows().get(0));
        assertEquals(4000, model.loadedProperty().get().decoded().clip().sampleRate());

        model.viewport().select(100, 100.5);
        model.playback().playSelection();
        assertEquals(44_100, output.openedAt(), "played at the file's own rate");
        short[] heard = output.frames();
        assertEquals(22_050, heard.length);
        float[] decoded = new org.auscult.audio.RecordingDecoder().decode(file).clip().samples();
        for (int i = 0; i < heard.length; i++) {
            assertEquals(Player.toPcm16(decoded[4_410_000 + i]), heard[i], "sample " + i);
        }

        // and up close the waveform is drawn from the file too
        assertNull(model.waveform().detailProperty().get(), "150 s on screen: the summary at 4 kHz serves");
        model.viewport().show(100, 2);
        org.auscult.app.waveform.WaveformDetail detail = model.waveform().detailProperty().get();
        assertNotNull(detail);
        assertEquals(44_100, detail.sampleRate());
        assertTrue(detail.covers(100, 102, decoded.length));
        assertEquals(decoded[4_410_000], detail.samples()[(int) (4_410_000 - detail.firstSample())], 0);
    }
}
