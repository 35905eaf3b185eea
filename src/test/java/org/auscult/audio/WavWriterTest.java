package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WavWriter's files read back exactly, are written atomically and never replace a file unasked. */
class WavWriterTest {

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    private static float[] randomPcm16Values(long seed, int count) {
        Random random = new Random(seed);
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (random.nextInt(65536) - 32768) / 32768f;
        }
        return x;
    }

    @Test
    void pcm16RoundTripsEveryDecodedValueExactly() throws IOException {
        float[] x = randomPcm16Values(1, 10_001);
        x[0] = -1f;
        x[1] = 32767f / 32768;
        Path file = folder.resolve("pcm16.wav");
        WavWriter.writePcm16(file, new AudioClip(x, 4000), WavWriter.Overwrite.REFUSE);
        DecodedAudio audio = decoder.decode(file);
        assertArrayEquals(x, audio.clip().samples());
        assertEquals(4000, audio.clip().sampleRate());
        assertEquals("PCM 16-bit, 1 channel, 4000 Hz", audio.format().describe());
        assertEquals(List.of("fmt ", "data"), audio.format().chunkIds());
        assertEquals(44 + 2 * 10_001, Files.size(file));
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void pcm16RoundsAndClamps() throws IOException {
        float[] x = {1.5f, -2f, 1f, 0.4f / 32768, 0.6f / 32768, -0.6f / 32768};
        Path file = folder.resolve("clamp.wav");
        WavWriter.writePcm16(file, new AudioClip(x, 8000), WavWriter.Overwrite.REFUSE);
        assertArrayEquals(new float[] {32767f / 32768, -1f, 32767f / 32768, 0f, 1f / 32768, -1f / 32768},
                decoder.decode(file).clip().samples());
    }

    @Test
    void float32RoundTripsExactlyWithFactChunk() throws IOException {
        Random random = new Random(2);
        float[] x = new float[3333];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 2);
        }
        Path file = folder.resolve("float.wav");
        WavWriter.writeFloat32(file, new AudioClip(x, 192_000), WavWriter.Overwrite.REFUSE);
        DecodedAudio audio = decoder.decode(file);
        assertArrayEquals(x, audio.clip().samples());
        assertEquals("IEEE float 32-bit, 1 channel, 192000 Hz", audio.format().describe());
        assertEquals(List.of("fmt ", "fact", "data"), audio.format().chunkIds());
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void javaSoundReadsWhatIsWritten() throws Exception {
        float[] x = randomPcm16Values(3, 500);
        Path file = folder.resolve("jdk.wav");
        WavWriter.writePcm16(file, new AudioClip(x, 44100), WavWriter.Overwrite.REFUSE);
        assertArrayEquals(x, JdkWavReader.read(file).samples());
        Path floats = folder.resolve("jdk-float.wav");
        WavWriter.writeFloat32(floats, new AudioClip(x, 44100), WavWriter.Overwrite.REFUSE);
        assertArrayEquals(x, JdkWavReader.read(floats).samples());
    }

    @Test
    void refusesToReplaceAnExistingFileUnlessAsked() throws IOException {
        Path file = Files.writeString(folder.resolve("mine.wav"), "precious");
        AudioClip clip = new AudioClip(new float[] {0.5f}, 4000);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> WavWriter.writePcm16(file, clip, WavWriter.Overwrite.REFUSE));
        assertEquals(file + ": already exists; choose another name or ask to overwrite it", e.getMessage());
        assertEquals("precious", Files.readString(file));
        assertEquals(List.of(file), filesIn(folder), "no temporary file is left behind");

        WavWriter.writePcm16(file, clip, WavWriter.Overwrite.REPLACE);
        assertArrayEquals(new float[] {0.5f}, decoder.decode(file).clip().samples());
        assertEquals(List.of(file), filesIn(folder));
    }

    @Test
    void refusesNonFiniteSamplesAndUnreadableRatesWithoutWritingAnything() throws IOException {
        Path file = folder.resolve("nan.wav");
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> WavWriter.writeFloat32(file,
                new AudioClip(new float[] {0f, Float.NaN}, 4000), WavWriter.Overwrite.REFUSE));
        assertEquals("sample 1 is NaN; only finite samples can be written to " + file, nan.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> WavWriter.writePcm16(file,
                new AudioClip(new float[] {0f}, 500), WavWriter.Overwrite.REFUSE));
        assertEquals("sample rate 500 Hz is outside the range 1000 to 192000 Hz that can be read back",
                rate.getMessage());
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void missingFolderFailsWithoutLeavingAnything() {
        Path file = folder.resolve("absent/sub.wav");
        assertThrows(IOException.class, () -> WavWriter.writePcm16(file, new AudioClip(new float[] {0f}, 4000),
                WavWriter.Overwrite.REFUSE));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().collect(Collectors.toList());
        }
    }
}
