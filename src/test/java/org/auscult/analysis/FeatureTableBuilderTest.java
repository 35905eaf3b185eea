package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.learn.RecordingFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTableBuilderTest {

    @TempDir
    Path folder;

    /** A square wave of amplitude 0.5 (exactly 16384 in 16 bits): peak and RMS both 20 log10(0.5) dBFS. */
    private Path square(String name, int rate, double seconds) throws IOException {
        float[] samples = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i / 20) % 2 == 0 ? 0.5f : -0.5f;
        }
        Path file = folder.resolve(name);
        WavWriter.writePcm16(file, new AudioClip(samples, rate), WavWriter.Overwrite.REFUSE);
        return file;
    }

    @Test
    void rowsCarryTheRecordingsNativeRateDurationAndLevels() throws IOException {
        Path slow = square("slow.wav", 4000, 3);
        Path fast = square("fast.wav", 44100, 2);
        FeatureTableBuilder.Result result = new FeatureTableBuilder(AnalysisConfig.defaults(), 2).build(List.of(
                new FeatureTableBuilder.Input(slow, "slow", "normal", "p1", ""),
                new FeatureTableBuilder.Input(fast, "fast", "murmur", "p2", "")), (done, total, seconds) -> { });
        assertEquals(List.of(), result.failures());
        double halfScaleDb = -6.020599913279624; // 20 log10(0.5)
        RecordingFacts slowFacts = result.table().rows().get(0).facts();
        assertEquals(4000, slowFacts.sampleRate());
        assertEquals(3.0, slowFacts.durationSeconds(), 1e-12);
        assertEquals(halfScaleDb, slowFacts.peakDbfs(), 1e-9);
        assertEquals(halfScaleDb, slowFacts.rmsDbfs(), 1e-9);
        assertEquals(44100, result.table().rows().get(1).facts().sampleRate());
        assertEquals(2.0, result.table().rows().get(1).facts().durationSeconds(), 1e-12);

        Map<String, RecordingFacts> facts = Datasets.recordingFacts(result.table());
        assertEquals(Map.of("slow", slowFacts, "fast", result.table().rows().get(1).facts()), facts);
    }

    @Test
    void aRowReadFromATableHasNoFacts() {
        assertNull(new FeatureRow("r", "", "", "", "", new double[] {1}).facts());
    }
}
