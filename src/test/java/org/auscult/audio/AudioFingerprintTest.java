package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples' fingerprint names the recording, not the file: block splits and names do not matter, a sample does. */
class AudioFingerprintTest {

    @TempDir
    Path folder;

    private static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (float) (random.nextGaussian() * 0.1);
        }
        return samples;
    }

    private static final WavFormat PCM16 = new WavFormat(WavFormat.Container.WAV, WavFormat.Encoding.PCM_INTEGER, WavFormat.WAVE_FORMAT_PCM,
            WavFormat.WAVE_FORMAT_PCM, 16, 16, 1, 4000, 2, 10_000, 44, 20_000, 20_000, java.util.List.of("fmt ",
            "data"));

    @Test
    void theSameSamplesInAnyBlocksGiveTheSameFingerprintAndOneChangedSampleAnother() {
        float[] samples = noise(10_000, 1);
        long whole = SignalLevels.of(samples, PCM16).fingerprint();
        SignalLevels.Accumulator blocks = new SignalLevels.Accumulator(PCM16);
        blocks.add(samples, 0, 3333);
        blocks.add(samples, 3333, 6667);
        assertEquals(whole, blocks.levels().fingerprint());

        float[] changed = samples.clone();
        changed[5000] += 1e-3f;
        assertNotEquals(whole, SignalLevels.of(changed, PCM16).fingerprint());
        float[] longer = java.util.Arrays.copyOf(samples, samples.length + 1);
        assertNotEquals(whole, SignalLevels.of(longer, PCM16).fingerprint(), "a trailing zero is a different length");
        assertNotEquals(0, whole);
    }

    @Test
    void aCopyUnderAnotherNameIsTheSameRecording() throws Exception {
        Path original = folder.resolve("a.wav");
        WavWriter.writePcm16(original, new AudioClip(noise(8000, 2), 4000), WavWriter.Overwrite.REFUSE);
        Path copy = Files.copy(original, folder.resolve("renamed.wav"));
        Path other = folder.resolve("b.wav");
        WavWriter.writePcm16(other, new AudioClip(noise(8000, 3), 4000), WavWriter.Overwrite.REFUSE);
        RecordingDecoder decoder = new RecordingDecoder();
        long a = RecordingInfo.of(original, decoder.decode(original)).audioFingerprint();
        assertEquals(a, RecordingInfo.of(copy, decoder.decode(copy)).audioFingerprint());
        assertEquals(a, RecordingInfo.read(decoder, copy).audioFingerprint(), "streamed as decoded");
        // the same samples in another container are the same recording
        Path flac = Path.of("src/test/resources/org/auscult/audio/compressed/40058_PV.flac");
        Path wav = Path.of("sample-recordings/circor/40058_PV.wav");
        assertEquals(RecordingInfo.of(wav, decoder.decode(wav)).audioFingerprint(),
                RecordingInfo.of(flac, decoder.decode(flac)).audioFingerprint(), "a FLAC of the WAV");
        assertNotEquals(a, RecordingInfo.of(other, decoder.decode(other)).audioFingerprint());
    }
}
