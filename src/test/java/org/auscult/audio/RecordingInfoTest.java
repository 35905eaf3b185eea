package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Levels, DC offset and clipping of known signals, and the problems each one is reported with. */
class RecordingInfoTest {

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    private RecordingInfo infoOfPcm16(float[] samples, int rate) throws IOException {
        Path file = folder.resolve("r.wav");
        WavWriter.writePcm16(file, new AudioClip(samples, rate), WavWriter.Overwrite.REPLACE);
        return RecordingInfo.of(file, decoder.decode(file));
    }

    /** {@code seconds} of a sine of {@code hz} at {@code amplitude} plus {@code offset}, at 4 kHz. */
    private static float[] sine(double hz, double amplitude, double offset, double seconds) {
        float[] x = new float[(int) Math.round(seconds * 4000)];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (offset + amplitude * Math.sin(2 * Math.PI * hz * n / 4000));
        }
        return x;
    }

    @Test
    void cleanSineHasKnownLevelsAndNoProblems() throws IOException {
        // 100 Hz at 4 kHz: sample 10 sits on the crest, so the peak is exactly the amplitude 0.5.
        RecordingInfo info = infoOfPcm16(sine(100, 0.5, 0, 2), 4000);
        assertEquals(20 * Math.log10(0.5), info.peakDbfs(), 1e-12);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), info.rmsDbfs(), 1e-3);
        assertEquals(0, info.dcOffset(), 1e-5);
        assertEquals(0, info.clippedFraction());
        assertEquals(2.0, info.durationSeconds());
        assertEquals(8000, info.frames());
        assertEquals("PCM 16-bit, 1 channel, 4000 Hz", info.format());
        assertEquals(List.of(), info.problems());
    }

    @Test
    void allZeroIsSilent() throws IOException {
        RecordingInfo info = infoOfPcm16(new float[4000], 4000);
        assertEquals(Double.NEGATIVE_INFINITY, info.peakDbfs());
        assertEquals(Double.NEGATIVE_INFINITY, info.rmsDbfs());
        assertEquals(List.of("silent: every sample is zero"), info.problems());
        assertTrue(info.describe().contains("level:     peak -inf dBFS, RMS -inf dBFS\n"), info.describe());
    }

    @Test
    void peakBelowMinus60DbfsIsSilent() throws IOException {
        RecordingInfo info = infoOfPcm16(sine(100, 16 / 32768.0, 0, 2), 4000); // -66.2 dBFS
        assertEquals(List.of("silent: peak level -66.2 dBFS, below -60 dBFS"), info.problems());
    }

    @Test
    void peakBelowMinus30DbfsIsQuiet() throws IOException {
        RecordingInfo info = infoOfPcm16(sine(100, 0.01, 0, 2), 4000);
        assertEquals(List.of("quiet: peak level -40.0 dBFS, below -30 dBFS"), info.problems());
    }

    @Test
    void clippedSamplesAreCountedAtFullScale() throws IOException {
        float[] x = sine(100, 0.25, 0, 2);
        for (int n = 0; n < 184; n++) { // 184 of 8000 samples = 2.3 %
            x[n * 40] = n % 2 == 0 ? 1f : -1f; // +1 is written as 32767, -1 as -32768: both full scale
        }
        RecordingInfo info = infoOfPcm16(x, 4000);
        assertEquals(184 / 8000.0, info.clippedFraction());
        assertEquals(List.of("clipped: 2.3 % of samples at full scale"), info.problems());
    }

    @Test
    void fewClippedSamplesAreMeasuredButNotAProblem() throws IOException {
        float[] x = sine(100, 0.25, 0, 2);
        for (int n = 0; n < 7; n++) { // 7 of 8000 = 0.0875 %, under the 0.1 % limit
            x[n * 100] = 1f;
        }
        RecordingInfo info = infoOfPcm16(x, 4000);
        assertEquals(7 / 8000.0, info.clippedFraction());
        assertEquals(List.of(), info.problems());
    }

    @Test
    void eightBitFullScaleIsTheLargestCode() throws IOException {
        Path file = WavBytes.pcm(8, 1, 8000).data(WavBytes.uint8(255, 0, 128, 200)).writeTo(folder.resolve("8.wav"));
        RecordingInfo info = RecordingInfo.of(file, decoder.decode(file));
        assertEquals(0.5, info.clippedFraction());
    }

    @Test
    void largeDcOffset() throws IOException {
        RecordingInfo info = infoOfPcm16(sine(100, 0.25, 0.05, 2), 4000);
        assertEquals(0.05, info.dcOffset(), 1e-4);
        assertEquals(List.of("large DC offset: mean 0.0500 (5.0 % of full scale)"), info.problems());
    }

    @Test
    void shortRecording() throws IOException {
        RecordingInfo info = infoOfPcm16(sine(100, 0.5, 0, 0.5), 4000);
        assertEquals(List.of("shorter than 1 s: 0.500 s"), info.problems());
    }

    @Test
    void floatBeyondFullScale() throws IOException {
        Path file = WavBytes.float32(1, 4000).data(WavBytes.float32(new float[] {2f, -0.5f, 0.25f, 0f}))
                .writeTo(folder.resolve("hot.wav"));
        RecordingInfo info = RecordingInfo.of(file, decoder.decode(file));
        assertEquals(20 * Math.log10(2), info.peakDbfs(), 1e-12);
        assertEquals(List.of("clipped: 25.0 % of samples at full scale", "over full scale: peak level +6.0 dBFS",
                "large DC offset: mean 0.4375 (43.8 % of full scale)", "shorter than 1 s: 0.001 s"), info.problems());
    }

    @Test
    void decoderWarningsComeFirst() throws IOException {
        float[] x = sine(100, 0.5, 0, 2);
        Path file = folder.resolve("cut.wav");
        WavWriter.writePcm16(file, new AudioClip(x, 4000), WavWriter.Overwrite.REFUSE);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, 44 + 6000));
        RecordingInfo info = RecordingInfo.of(file, decoder.decode(file));
        assertEquals(List.of("RIFF header declares 16044 bytes but the file holds 6044; read the chunks that are"
                        + " present",
                "data chunk declares 16000 bytes but the file holds 6000; decoded the 3000 complete frames present",
                "shorter than 1 s: 0.750 s"), info.problems());
    }

    @Test
    void describeListsEveryMeasure() throws IOException {
        RecordingInfo info = infoOfPcm16(sine(100, 0.5, 0, 0.5), 4000);
        String expected = "file:      " + folder.resolve("r.wav") + "\n"
                + "format:    PCM 16-bit, 1 channel, 4000 Hz\n"
                + "duration:  0.500 s (2000 frames)\n"
                + "level:     peak -6.0 dBFS, RMS -9.0 dBFS\n"
                + String.format(java.util.Locale.ROOT, "DC offset: %.6f\n", info.dcOffset())
                + "clipping:  0.000 % of samples at full scale\n"
                + "problems:\n"
                + "  - shorter than 1 s: 0.500 s\n";
        assertEquals(expected, info.describe());
    }
}
